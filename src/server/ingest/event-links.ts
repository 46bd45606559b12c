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
  const citations = flagCitations(nodes);
  return (e) => {
    if (e.recordId === null) return [];
    const prefix = citations.prefixOf(e);
    return prefix === null ? [] : citations.cited(prefix, e.recordId);
  };
}

/**
 * The flags' citations of events: `prefixOf` an event's ID and computer (null when no flag cites an
 * event of that ID on that computer), then `cited` by record ID. Split so that callers with many
 * events of one kind compute the prefix once.
 */
export function flagCitations(nodes: readonly DatasetNode[]): {
  prefixOf(e: Pick<LogonEvent, 'eventId' | 'computer'>): string | null;
  cited(prefix: string, recordId: number): string[];
} {
  const flagged = new Map<string, string[]>();
  const prefixes = new Set<string>();
  for (const n of nodes) {
    for (const f of n.flags) {
      const prefix = `${f.eventId}|${normalizeHostName(f.computer) ?? ''}|`;
      prefixes.add(prefix);
      for (const rid of f.recordIds) {
        const key = `${prefix}${rid}`;
        const list = flagged.get(key);
        if (list === undefined) flagged.set(key, [n.id]);
        else if (!list.includes(n.id)) list.push(n.id);
      }
    }
  }
  return {
    prefixOf(e) {
      const prefix = `${e.eventId}|${normalizeHostName(e.computer) ?? ''}|`;
      return prefixes.has(prefix) ? prefix : null;
    },
    cited: (prefix, recordId) => flagged.get(`${prefix}${recordId}`) ?? [],
  };
}
