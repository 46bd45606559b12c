/**
 * Reads a directory of Sigma rules (`*.yml`, `*.yaml`, recursively) for `logonlens analyze --sigma`
 * and the server's LOGONLENS_SIGMA setting. Files that cannot be read become problems like
 * malformed rules: the others still run.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadSigmaRules, type SigmaRuleSet } from '../../core/sigma/engine.js';
import { MAX_RULE_TEXT, type SigmaProblem } from '../../core/sigma/rule.js';

/** Rule files read from one directory, at most (a bound on a mistaken path like `/`). */
export const MAX_RULE_FILES = 5000;

export function loadSigmaDir(dir: string): SigmaRuleSet {
  const files: { file: string; text: string }[] = [];
  const problems: SigmaProblem[] = [];
  const walk = (d: string, depth: number): void => {
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch (e) {
      problems.push({
        file: d,
        rule: null,
        kind: 'invalid',
        reason: `cannot read the directory: ${(e as Error).message}`,
      });
      return;
    }
    for (const name of names) {
      if (files.length + problems.length >= MAX_RULE_FILES) return;
      const full = path.join(d, name);
      let st;
      try {
        st = statSync(full);
      } catch {
        continue;
      }
      if (st.isDirectory()) {
        if (depth < 8 && !name.startsWith('.')) walk(full, depth + 1);
        continue;
      }
      if (!/\.ya?ml$/i.test(name)) continue;
      const rel = path.relative(dir, full);
      if (st.size > MAX_RULE_TEXT) {
        problems.push({
          file: rel,
          rule: null,
          kind: 'invalid',
          reason: `larger than ${MAX_RULE_TEXT} bytes`,
        });
        continue;
      }
      try {
        files.push({ file: rel, text: readFileSync(full, 'utf8') });
      } catch (e) {
        problems.push({
          file: rel,
          rule: null,
          kind: 'invalid',
          reason: `cannot read: ${(e as Error).message}`,
        });
      }
    }
  };
  walk(dir, 0);
  const set = loadSigmaRules(files);
  set.problems.unshift(...problems);
  return set;
}

/** The event IDs to read: the analysis's and the rules' (null = every record, for rules without one). */
export function eventIdsWithRules(
  analysed: ReadonlySet<number>,
  set: SigmaRuleSet | null,
): ReadonlySet<number> | null {
  if (set === null || set.rules.length === 0) return analysed;
  if (set.eventIds === null) return null;
  return new Set([...analysed, ...set.eventIds]);
}
