import { datasetSchema, DATASET_FORMAT_V1, type Dataset } from './schema.js';
import { migrateDataset } from './migrate.js';
import { readAnnotationList } from './annotations.js';

/**
 * `notices`: what was left out without making the dataset invalid (unreadable annotation entries),
 * for the reader to show.
 */
export type ParseResult =
  { ok: true; dataset: Dataset; notices?: string[] } | { ok: false; problems: string[] };

/** How many problems an error message lists; the analyst needs the first few, not thousands. */
const MAX_PROBLEMS = 5;
/** Refuse text larger than this before JSON.parse: a bound on memory for an untrusted file. */
export const MAX_DATASET_TEXT = 1_500_000_000;

/** Validates a parsed JSON value as a dataset (migrating older versions first). */
export function validateDataset(value: unknown): ParseResult {
  const migrated = migrateDataset(value);
  if (!migrated.ok) return migrated;
  const prepared = withReadableAnnotations(migrated.value);
  const notices = prepared.notices;
  const result = datasetSchema.safeParse(prepared.value);
  if (result.success) {
    const orderProblem = checkReferences(result.data);
    if (orderProblem.length > 0) return { ok: false, problems: orderProblem };
    return notices.length === 0
      ? { ok: true, dataset: result.data }
      : { ok: true, dataset: result.data, notices };
  }
  const problems = result.error.issues.slice(0, MAX_PROBLEMS).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
    return `${where}: ${issue.message}`;
  });
  const more = result.error.issues.length - problems.length;
  if (more > 0) problems.push(`… and ${more} more problem${more === 1 ? '' : 's'}`);
  return { ok: false, problems };
}

/** Parses dataset text (a file's contents). Never throws. */
export function parseDatasetText(text: string): ParseResult {
  if (text.length > MAX_DATASET_TEXT) return { ok: false, problems: ['file is too large to be a dataset'] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, problems: [`not JSON: ${detail.slice(0, 200)}`] };
  }
  return validateDataset(value);
}

/**
 * The optional notes are the analyst's, not the analysis': a bad entry is left out and counted,
 * and the dataset stays valid. The value is copied, never changed in place.
 */
function withReadableAnnotations(value: unknown): { value: unknown; notices: string[] } {
  if (typeof value !== 'object' || value === null || !('annotations' in value)) return { value, notices: [] };
  const raw = (value as { annotations?: unknown }).annotations;
  const { annotations, skipped } = readAnnotationList(raw);
  const notices =
    skipped > 0
      ? [
          `annotations: ${skipped} entr${skipped === 1 ? 'y' : 'ies'} could not be read and ${skipped === 1 ? 'was' : 'were'} left out`,
        ]
      : [];
  const copy: Record<string, unknown> = { ...value };
  if (raw === undefined || raw === null) delete copy.annotations;
  else copy.annotations = annotations;
  return { value: copy, notices };
}

/** Edges must point at nodes that exist; rankings too. */
function checkReferences(d: Dataset): string[] {
  const ids = new Set<string>();
  const problems: string[] = [];
  for (const n of d.nodes) {
    if (ids.has(n.id)) problems.push(`nodes: duplicate node id ${JSON.stringify(n.id.slice(0, 80))}`);
    ids.add(n.id);
    if (problems.length >= MAX_PROBLEMS) return problems;
  }
  d.edges.forEach((e, i) => {
    if (problems.length >= MAX_PROBLEMS) return;
    // `subject` (4648) is not checked: a window cut on the server may leave its node out.
    for (const end of [e.account, e.source, e.target]) {
      if (end !== null && !ids.has(end))
        problems.push(`edges.${i}: refers to unknown node ${JSON.stringify(end.slice(0, 80))}`);
    }
  });
  d.rankings.forEach((r, i) => {
    if (problems.length < MAX_PROBLEMS && !ids.has(r.node))
      problems.push(`rankings.${i}: refers to unknown node ${JSON.stringify(r.node.slice(0, 80))}`);
  });
  return problems.slice(0, MAX_PROBLEMS);
}

export { DATASET_FORMAT_V1 };
