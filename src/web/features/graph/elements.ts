import type { ElementDefinition } from 'cytoscape';
import type { WindowView } from '../../../core/analysis/index.js';
import type { DatasetNode } from '../../../core/dataset/index.js';
import {
  edgeWidth,
  nodeShape,
  overlayScale,
  scoreOf,
  SIZE_RANGE,
  styleKind,
  type ScaleRange,
} from '../../lib/encodings';
import { edgeState } from '../../../core/palette.js';
import { linkId, type LinkRole } from '../../lib/graph-ids';
import type { Overlay } from '../../lib/url-state';
import { displaySafe } from '../../../core/text/display-safe';

/**
 * Cytoscape elements for a window view: pure, flat `data` (strings and numbers only), so that they
 * cross from the view worker to the page as plain data, the canvas compares them field by field,
 * and the stylesheet can read `data(...)`.
 */
export interface GraphElements {
  elements: ElementDefinition[];
  /** Nodes and (dataset) edges drawn, of those in the view: "showing N of M". */
  shown: { nodes: number; edges: number };
  /**
   * Nodes of the view these elements draw (M in "showing N of M": the filtered window, or the part
   * of it a focus cuts), counted here once for the cap notice and whatever else says it.
   */
  inView: number;
  capped: boolean;
  /** Changes only when nodes or links are added or removed: the layout re-runs on it alone. */
  topologyKey: string;
  /** The overlay's score range; the page turns it into an OverlayScale (scaleFromRange). */
  scale: ScaleRange;
}

/** Above this many drawn nodes, labels show only when zoomed in, hovered or selected (level of detail). */
export const LOD_MIN_NODES = 1000;

/** Canvas labels are drawn as text; they are still shortened so a megabyte name cannot stall drawing. */
const MAX_LABEL = 48;
export function shortLabel(text: string): string {
  const clean = displaySafe(text).replace(/[\u0000-\u001f\u007f]/g, ' ');
  return clean.length > MAX_LABEL ? `${clean.slice(0, MAX_LABEL - 1)}…` : clean;
}

interface LinkAcc {
  id: string;
  source: string;
  target: string;
  role: LinkRole;
  count: number;
  edges: number;
  failures: number;
  eventIds: Set<number>;
  logonTypes: Set<string>;
  packages: Set<string>;
}

function joinSet<T>(s: Set<T>): string {
  return [...s].sort().join(',');
}

export function linkLabel(l: Pick<LinkAcc, 'eventIds' | 'count' | 'logonTypes' | 'packages'>): string {
  const parts = [`${joinSet(l.eventIds)} ×${l.count}`];
  if (l.logonTypes.size > 0) parts.push(`type ${joinSet(l.logonTypes)}`);
  if (l.packages.size > 0) parts.push(joinSet(l.packages));
  return shortLabel(parts.join(' · '));
}

export const MAX_MEMBERSHIP_LINKS = 300;

export interface BuildOptions {
  overlay: Overlay;
  maxNodes: number;
  /** Domain nodes of the dataset by name, to draw account → domain membership. */
  domains?: Map<string, DatasetNode>;
  /** Always kept when capping. */
  selected?: string | null;
}

export function buildElements(view: WindowView, options: BuildOptions): GraphElements {
  const { overlay, maxNodes } = options;
  let nodes = view.nodes;
  let capped = false;
  if (nodes.length > maxNodes) {
    nodes = capNodes(view, maxNodes, options.selected ?? null);
    capped = true;
  }
  const kept = new Set(nodes.map((n) => n.id));
  const scale = overlayScale(overlay, view.rankings, kept);

  // Level of detail: on big views labels appear only when zoomed in (the stylesheet reads `lod`).
  const lod = nodes.length > LOD_MIN_NODES ? 1 : 0;
  const elements: ElementDefinition[] = [];
  for (const n of nodes) {
    const score = scoreOf(view.rankings, n.id, overlay);
    const kind = styleKind(n);
    elements.push({
      data: {
        id: n.id,
        label: shortLabel(n.label),
        kind: n.kind,
        // Colours are the stylesheet's (theme and palette): the data says which kind and how strong.
        paint: kind,
        tone: scale.tone(score),
        size: scale.size(score),
        shape: nodeShape(n),
        lod,
      },
    });
  }

  const links = new Map<string, LinkAcc>();
  let shownEdges = 0;
  const add = (account: string, other: string, role: LinkRole, e: WindowView['edges'][number]) => {
    const id = linkId(account, other, role);
    let l = links.get(id);
    if (l === undefined) {
      const [source, target] = role === 'from' ? [other, account] : [account, other];
      l = {
        id,
        source,
        target,
        role,
        count: 0,
        edges: 0,
        failures: 0,
        eventIds: new Set(),
        logonTypes: new Set(),
        packages: new Set(),
      };
      links.set(id, l);
    }
    l.count += e.count;
    l.edges += 1;
    if (e.failure) l.failures += e.count;
    l.eventIds.add(e.eventId);
    if (e.logonType !== null) l.logonTypes.add(e.logonType);
    if (e.authPackage !== null) l.packages.add(e.authPackage);
  };
  for (const e of view.edges) {
    if (!kept.has(e.account)) continue;
    const src = e.source !== null && kept.has(e.source) ? e.source : null;
    const tgt = e.target !== null && kept.has(e.target) ? e.target : null;
    if ((e.source !== null && src === null) || (e.target !== null && tgt === null)) continue;
    shownEdges++;
    if (src !== null) add(e.account, src, 'from', e);
    if (tgt !== null) add(e.account, tgt, 'to', e);
  }
  for (const l of links.values()) {
    elements.push({
      data: {
        id: l.id,
        source: l.source,
        target: l.target,
        role: l.role,
        count: l.count,
        label: linkLabel(l),
        width: edgeWidth(l.count),
        state: edgeState(l.count, l.failures),
        lod,
      },
    });
  }

  // Domains: one membership link per account whose domain is in the dataset; past a few hundred
  // accounts these links only add clutter (and as many edges to draw), so domains are left out.
  const domainNodes = new Map<string, DatasetNode>();
  const accounts = nodes.reduce((k, n) => k + (n.kind === 'account' ? 1 : 0), 0);
  if (options.domains && options.domains.size > 0 && accounts <= MAX_MEMBERSHIP_LINKS) {
    for (const n of nodes) {
      if (n.kind !== 'account' || n.domain === null) continue;
      const d = options.domains.get(n.domain.toLowerCase());
      if (d === undefined || kept.has(d.id)) continue;
      domainNodes.set(d.id, d);
      const id = linkId(n.id, d.id, 'member');
      elements.push({
        data: {
          id,
          source: n.id,
          target: d.id,
          role: 'member',
          count: 0,
          label: '',
          width: 1,
          state: 'member',
          lod,
        },
      });
    }
    for (const d of domainNodes.values()) {
      elements.push({
        data: {
          id: d.id,
          label: shortLabel(d.label),
          kind: 'domain',
          paint: 'domain',
          tone: 1,
          // Size is by score, not by kind: a domain has none, so it is never drawn larger than an account.
          size: overlay === 'none' ? scale.size(undefined) : SIZE_RANGE[0],
          shape: nodeShape(d),
          lod,
        },
      });
    }
  }

  return {
    elements,
    shown: { nodes: nodes.length, edges: shownEdges },
    inView: view.nodes.length,
    capped,
    topologyKey: topologyKey(elements),
    scale: { overlay: scale.overlay, min: scale.min, max: scale.max },
  };
}

/**
 * The nodes drawn when a view has more than `maxNodes`: whole logons, heaviest first (an edge's
 * account, source and target come together, so the drawn graph keeps its edges), then the
 * remaining budget for nodes without a drawn edge (flagged ones) by degree. It does not depend on
 * the overlay: changing the overlay restyles the same graph instead of laying out another one.
 */
export function capNodes(view: WindowView, maxNodes: number, selected: string | null): DatasetNode[] {
  const byId = new Map(view.nodes.map((n) => [n.id, n]));
  const kept = new Set<string>();
  if (selected !== null && byId.has(selected)) kept.add(selected);
  const edges = [...view.edges].sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
  for (const e of edges) {
    if (kept.size >= maxNodes) break;
    const ends = [e.account, e.source, e.target].filter((id): id is string => id !== null && byId.has(id));
    const fresh = ends.filter((id) => !kept.has(id));
    if (kept.size + fresh.length <= maxNodes) for (const id of fresh) kept.add(id);
  }
  if (kept.size < maxNodes) {
    const degree = (n: DatasetNode) => view.rankings.get(n.id)?.scores.degree ?? 0;
    const rest = view.nodes
      .filter((n) => !kept.has(n.id))
      .sort((a, b) => degree(b) - degree(a) || a.id.localeCompare(b.id));
    for (const n of rest.slice(0, maxNodes - kept.size)) kept.add(n.id);
  }
  return view.nodes.filter((n) => kept.has(n.id));
}

/** A short fingerprint of the element ids (FNV-1a over the sorted ids): equal sets, equal keys. */
export function topologyKey(elements: ElementDefinition[]): string {
  const ids = elements.map((e) => String(e.data.id)).sort();
  let h = 0x811c9dc5;
  for (const id of ids) {
    for (let i = 0; i < id.length; i++) {
      h ^= id.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x1f;
    h = Math.imul(h, 0x01000193);
  }
  return `${ids.length}:${(h >>> 0).toString(36)}`;
}

/** Dataset domain nodes by lower-cased name. */
export function domainIndex(nodes: DatasetNode[]): Map<string, DatasetNode> {
  const m = new Map<string, DatasetNode>();
  for (const n of nodes) if (n.kind === 'domain') m.set(n.name.toLowerCase(), n);
  return m;
}
