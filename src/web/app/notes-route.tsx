import { useCallback, useMemo, type ReactNode } from 'react';
import type { WindowView } from '../../core/analysis/index.js';
import {
  annotationKey,
  annotationOf,
  edgeTargetEnds,
  SUGGESTED_TAGS,
  type Annotation,
  type AnnotationKind,
  type AnnotationTarget,
  type Dataset,
  type DatasetNode,
  type Detection,
} from '../../core/dataset/index.js';
import type { InspectorTarget } from '../features/inspector';
import {
  DownloadDataset,
  NoteMarker,
  NotesEditor,
  NotesList,
  TagFilter,
  type DatasetAnnotations,
} from '../features/notes';
import type { ViewState } from '../lib/url-state';
import type { Navigate } from '../lib/use-view-state';
import { useSelectDetection } from './detections-route';
import { tagCut } from '../lib/view-cut';

/** The tags to offer: the usual ones, then those used in this dataset. */
function suggestionsOf(list: readonly Annotation[]): string[] {
  const tags = new Set<string>(SUGGESTED_TAGS);
  for (const a of list) for (const t of a.tags) tags.add(t);
  return [...tags];
}

/** The tags used in the dataset's notes, sorted (the tag filter's choices). */
function tagsInUse(list: readonly Annotation[]): string[] {
  return [...new Set(list.flatMap((a) => a.tags))].sort();
}

/**
 * The tag filter (URL `tag=`) applied to what the graph draws: the tagged nodes, the ends of tagged
 * links and the nodes of tagged detections, with their neighbours one logon away (core's rule).
 */
export function useTagCut(
  shown: WindowView,
  list: readonly Annotation[],
  tag: string | null,
): { view: WindowView; matches: number | null } {
  return useMemo(() => tagCut(shown, list, tag), [shown, list, tag]);
}

/** Per kind, a marker function for list rows (ranking: nodes; detections list: detections). */
export function useNoteMarkers(
  list: readonly Annotation[],
): (kind: AnnotationKind) => (id: string) => ReactNode {
  const byKey = useMemo(() => new Map(list.map((a) => [annotationKey(a.target), a])), [list]);
  return useCallback(
    (kind: AnnotationKind) => (id: string) => (
      <NoteMarker annotation={byKey.get(annotationKey({ kind, id }))} />
    ),
    [byKey],
  );
}

/** What the selection's note is about: a node, or a drawn link (its id is the URL's `sel`). */
export function selectionTarget(target: InspectorTarget | null, sel: string | null): AnnotationTarget | null {
  if (target === null || sel === null) return null;
  if (target.kind === 'node') return { kind: 'node', id: target.node.id };
  if (target.kind === 'link') return { kind: 'edge', id: sel };
  return null;
}

/** The notes editor of one target, keyed so that its draft starts from what is saved. */
export function TargetNotes({
  notes,
  target,
}: {
  notes: DatasetAnnotations;
  target: AnnotationTarget | null;
}) {
  const suggestions = useMemo(() => suggestionsOf(notes.list), [notes.list]);
  if (target === null || notes.loading) return null;
  const annotation = annotationOf(notes.list, target);
  return (
    <NotesEditor
      key={`${annotationKey(target)}\u0000${annotation?.updated ?? ''}`}
      target={target}
      annotation={annotation}
      suggestions={suggestions}
      home={notes.home}
      onSave={(input) => notes.save(target, input)}
      onDelete={() => notes.remove(target)}
    />
  );
}

/** What a note's target is called: a node's label, a link's two ends, a detection's title. */
export function targetLabel(
  a: Annotation,
  dataset: Pick<Dataset, 'nodes' | 'edges' | 'detections'>,
  detectionTitle: (id: string) => string | undefined,
): string {
  const label = (id: string): string => dataset.nodes.find((n) => n.id === id)?.label ?? id;
  const { kind, id } = a.target;
  if (kind === 'node') return label(id);
  if (kind === 'detection') return detectionTitle(id) ?? id;
  const ends = edgeTargetEnds(id, dataset.edges);
  if (ends === null || ends.other === null) return id;
  return ends.role === 'from'
    ? `${label(ends.other)} → ${label(ends.account)}`
    : `${label(ends.account)} → ${label(ends.other)}`;
}

/** The tag filter, the list of every note and, for a file dataset, the download of the file with its notes. */
export function NotesTools({
  notes,
  dataset,
  state,
  navigate,
  matches,
  findDetection,
  nodes,
}: {
  notes: DatasetAnnotations;
  dataset: Dataset;
  state: ViewState;
  navigate: Navigate;
  matches: number | null;
  /** A detection of the whole dataset (a server dataset's are not all in its window). */
  findDetection(id: string): Detection | undefined;
  nodes: ReadonlyMap<string, DatasetNode>;
}) {
  const tags = useMemo(() => tagsInUse(notes.list), [notes.list]);
  const selectDetection = useSelectDetection(navigate, nodes);
  const detectionTitle = (id: string): string | undefined => findDetection(id)?.title;
  // A detection opens as from the detections list (its window, its focus node); a node or a link
  // is selected in the window on screen.
  const open = (a: Annotation): void => {
    const d = a.target.kind === 'detection' ? findDetection(a.target.id) : undefined;
    if (d !== undefined) selectDetection(d);
    else if (a.target.kind === 'detection') navigate((s) => ({ ...s, det: a.target.id }));
    else navigate((s) => ({ ...s, sel: a.target.id }));
  };
  return (
    <>
      {notes.error !== null && (
        <p className="notice warn" role="alert">
          {notes.error}
        </p>
      )}
      <TagFilter
        tags={tags}
        value={state.tag}
        matches={matches}
        onChange={(tag) => navigate((s) => ({ ...s, tag }))}
      />
      <NotesList
        annotations={notes.list}
        label={(a) => targetLabel(a, dataset, detectionTitle)}
        onOpen={open}
      />
      {notes.home === 'file' && notes.list.length > 0 && (
        <DownloadDataset dataset={dataset} annotations={notes.list} />
      )}
    </>
  );
}
