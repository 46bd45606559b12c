import { normalizeHostName } from '../../core/analysis/ids.js';
import type { DatasetNode } from '../../core/dataset/index.js';
import type { LogonEvent } from '../../core/events/index.js';
import type { EventLinks } from '../store/import-writer.js';
import type { Analysis } from './import-files.js';

/**
 * The drill-down links of each stored event: the edge the graph builder counted it in (its own
 * identity rules, asked rather than repeated) and the nodes whose flags cite it.
 */
export function createEventLinker(analysis: Analysis): (event: LogonEvent) => EventLinks {
  const flaggedNodes = flaggedNodesLinker(analysis.dataset.nodes);
  return (e) => ({ edge: analysis.edgeIdOf(e), flaggedNodes: flaggedNodes(e) });
}

/** The nodes whose flags cite an event, found by event ID, computer and record ID. */
export function flaggedNodesLinker(nodes: readonly DatasetNode[]): (event: LogonEvent) => string[] {
  const flagged = new Map<string, string[]>();
  for (const n of nodes) {
    for (const f of n.flags) {
      const host = normalizeHostName(f.computer) ?? '';
      for (const rid of f.recordIds) {
        const key = `${f.eventId}|${host}|${rid}`;
        const list = flagged.get(key);
        if (list === undefined) flagged.set(key, [n.id]);
        else if (!list.includes(n.id)) list.push(n.id);
      }
    }
  }
  return (e) => {
    if (e.recordId === null) return [];
    return flagged.get(`${e.eventId}|${normalizeHostName(e.computer) ?? ''}|${e.recordId}`) ?? [];
  };
}
