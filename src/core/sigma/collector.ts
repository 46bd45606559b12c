/**
 * A set of Sigma rules indexed by event ID: an event is only tried against the rules that can
 * match its ID (and the few that name none), so 500 rules cost about what the handful for that ID
 * cost. Hits are collected per rule into detections (title, level, id, evidence). Rules are parsed
 * by `engine.ts` (loadSigmaRules); this module needs no YAML, so the analysis loads without it.
 */
import type { LogonEvent } from '../events/logon-event.js';
import type { Detection } from '../dataset/schema.js';
import { hash64 } from '../analysis/ids.js';
import { message } from '../analysis/message.js';
import { joinKey, PART_SEPARATOR } from '../analysis/keys.js';
import { compareIso } from '../analysis/time.js';
import type { SigmaProblem, SigmaRule } from './rule.js';

export interface SigmaRuleSet {
  rules: SigmaRule[];
  problems: SigmaProblem[];
  /** The event IDs any rule can match; null when some rule names none (every event is needed). */
  eventIds: ReadonlySet<number> | null;
  /** The rules to try on an event of this ID. */
  rulesFor(eventId: number): readonly SigmaRule[];
}

export function ruleSet(rules: SigmaRule[], problems: SigmaProblem[] = []): SigmaRuleSet {
  const byId = new Map<number, SigmaRule[]>();
  const any: SigmaRule[] = [];
  for (const r of rules) {
    if (r.eventIds === null) any.push(r);
    else
      for (const id of r.eventIds) {
        const list = byId.get(id);
        if (list === undefined) byId.set(id, [r]);
        else list.push(r);
      }
  }
  for (const [id, list] of byId) byId.set(id, [...list, ...any]);
  const eventIds = any.length > 0 ? null : new Set(byId.keys());
  return { rules, problems, eventIds, rulesFor: (id) => byId.get(id) ?? any };
}

const SEVERITY: Record<SigmaRule['level'], Detection['severity']> = {
  informational: 'info',
  low: 'low',
  medium: 'medium',
  high: 'high',
  critical: 'high',
};

interface Hits {
  rule: SigmaRule;
  count: number;
  first: string;
  last: string;
  eventIds: Set<number>;
  recordIds: number[];
  computers: Set<string>;
  accounts: Array<{ user: string | null; domain: string | null; sid: string | null }>;
}

export interface SigmaCollector {
  /** Tries the event's rules; true when one matched. */
  add(e: LogonEvent): boolean;
  finish(nodeOf: {
    account(ref: { user: string | null; domain: string | null; sid: string | null }): string | null;
    host(computer: string | null): string | null;
  }): Detection[];
}

const MAX_RECORD_IDS = 200;

export function createSigmaCollector(set: SigmaRuleSet): SigmaCollector {
  const hits = new Map<SigmaRule, Hits>();
  return {
    add(e: LogonEvent): boolean {
      let matched = false;
      for (const rule of set.rulesFor(e.eventId)) {
        if (!rule.matches(e)) continue;
        matched = true;
        let h = hits.get(rule);
        if (h === undefined) {
          h = {
            rule,
            count: 0,
            first: e.time,
            last: e.time,
            eventIds: new Set(),
            recordIds: [],
            computers: new Set(),
            accounts: [],
          };
          hits.set(rule, h);
        }
        h.count++;
        if (compareIso(e.time, h.first) < 0) h.first = e.time;
        if (compareIso(e.time, h.last) > 0) h.last = e.time;
        h.eventIds.add(e.eventId);
        if (e.recordId !== null && h.recordIds.length < MAX_RECORD_IDS) h.recordIds.push(e.recordId);
        if (e.computer !== null && h.computers.size < 100) h.computers.add(e.computer.slice(0, 4096));
        if (h.accounts.length < 20) {
          h.accounts.push({ user: e.targetUser, domain: e.targetDomain, sid: e.targetSid });
          h.accounts.push({ user: e.subjectUser, domain: e.subjectDomain, sid: e.subjectSid });
        }
      }
      return matched;
    },
    finish(nodeOf): Detection[] {
      const out: Detection[] = [];
      for (const h of hits.values()) {
        const nodes = new Set<string>();
        for (const a of h.accounts) {
          const id = nodeOf.account(a);
          if (id !== null) nodes.add(id);
        }
        for (const c of h.computers) {
          const id = nodeOf.host(c);
          if (id !== null) nodes.add(id);
        }
        const r = h.rule;
        out.push({
          id: `sigma:${hash64(joinKey([r.id, h.first], PART_SEPARATOR))}`,
          kind: 'sigma',
          title: r.title,
          severity: SEVERITY[r.level],
          nodes: [...nodes],
          first: h.first,
          last: h.last,
          count: h.count,
          detail: `Sigma rule ${r.id} (${r.level}, ${r.file})${r.description === null ? '' : `: ${r.description}`}`,
          // The title is the rule author's own: shown as it is, so no titleMessage.
          detailMessages: [
            r.description === null
              ? message('detail.sigma', { id: r.id, level: r.level, file: r.file })
              : message('detail.sigmaDescribed', {
                  id: r.id,
                  level: r.level,
                  file: r.file,
                  description: r.description,
                }),
          ],
          evidence: {
            eventIds: [...h.eventIds].sort((a, b) => a - b),
            recordIds: h.recordIds,
            computers: [...h.computers],
          },
          sigma: { id: r.id, level: r.level, file: r.file.slice(0, 4096), tags: r.tags },
        });
      }
      return out;
    },
  };
}
