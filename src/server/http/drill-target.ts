import type { DatasetEdge } from '../../core/dataset/index.js';
import type { Store } from '../store/store.js';
import { badRequest, notFound } from './errors.js';

/** What a drill-down asks for: the events behind a node, or behind an edge (with its row). */
export type DrillTarget = { kind: 'node'; ref: string } | { kind: 'edge'; ref: string; edge: DatasetEdge };

/**
 * The `node=` or `edge=` of an events request (exactly one, not empty), checked to exist in the
 * dataset: one rule for the stored events and for a cluster dataset's drill-down.
 */
export function parseDrillTarget(
  store: Store,
  datasetId: string,
  q: Record<string, string | undefined>,
): DrillTarget {
  const node = q['node'];
  const edge = q['edge'];
  if ((node === undefined) === (edge === undefined))
    throw badRequest('give exactly one of node or edge', 'bad_query');
  const ref = (node ?? edge ?? '').slice(0, 5000);
  if (ref === '') throw badRequest('node or edge must not be empty', 'bad_query');
  if (node !== undefined) {
    if (store.findNode(datasetId, ref) === null)
      throw notFound(`no node ${JSON.stringify(ref.slice(0, 100))} in this dataset`);
    return { kind: 'node', ref };
  }
  const row = store.findEdge(datasetId, ref);
  if (row === null) throw notFound(`no edge ${JSON.stringify(ref.slice(0, 100))} in this dataset`);
  return { kind: 'edge', ref, edge: row };
}
