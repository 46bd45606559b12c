/**
 * Loading Sigma rules from their YAML text (the parser pulls in the YAML library: only what loads
 * rules imports this module; evaluating them is `collector.ts`, which the graph builder imports).
 */
import { parseSigmaRule, type SigmaProblem, type SigmaRule } from './rule.js';
import { ruleSet, type SigmaRuleSet } from './collector.js';

export { createSigmaCollector, ruleSet, type SigmaCollector, type SigmaRuleSet } from './collector.js';

/** Loads rule files (name and text); bad ones become problems, the others still run. */
export function loadSigmaRules(files: ReadonlyArray<{ file: string; text: string }>): SigmaRuleSet {
  const rules: SigmaRule[] = [];
  const problems: SigmaProblem[] = [];
  for (const f of files) {
    const r = parseSigmaRule(f.text, f.file);
    if (r.ok) rules.push(r.rule);
    else problems.push(r.problem);
  }
  return ruleSet(rules, problems);
}
