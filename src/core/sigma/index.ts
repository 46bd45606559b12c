export {
  loadSigmaRules,
  ruleSet,
  createSigmaCollector,
  type SigmaRuleSet,
  type SigmaCollector,
} from './engine.js';
export { parseSigmaRule, type SigmaRule, type SigmaProblem, type SigmaLevel } from './rule.js';
export { unsafeRegexReason } from './safe-regex.js';
export { fieldGetter } from './fields.js';
