/**
 * Bounds the cost of a rule's regular expression. JavaScript's engine backtracks, so a pattern
 * like `(a+)+$` can run for hours on a hostile log value. Patterns are refused when they hold a
 * quantified group that itself contains a quantifier (nested quantifiers, the classic
 * catastrophic shape), a quantified group with alternatives, a backreference or a lookaround, or
 * when they are longer than MAX_PATTERN; values are cut to MAX_SUBJECT characters before matching.
 */
export const MAX_PATTERN = 1000;
export const MAX_SUBJECT = 65_536;

/** Null when the pattern is accepted; else why it is refused. */
export function unsafeRegexReason(pattern: string): string | null {
  if (pattern.length > MAX_PATTERN) return `regular expression longer than ${MAX_PATTERN} characters`;
  if (/\\[1-9]|\\k</.test(pattern)) return 'backreferences can take exponential time';
  if (/\(\?<?[=!]/.test(pattern)) return 'lookarounds are not accepted (their cost is unbounded)';
  // Walk the groups: remember for each open group whether it holds a quantifier or an alternation.
  const stack: { quantified: boolean; alternation: boolean }[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      // Skip a character class (quantifier characters inside it are literals).
      i++;
      if (pattern[i] === '^') i++;
      if (pattern[i] === ']') i++;
      while (i < pattern.length && pattern[i] !== ']') {
        if (pattern[i] === '\\') i++;
        i++;
      }
      continue;
    }
    if (c === '(') {
      stack.push({ quantified: false, alternation: false });
      continue;
    }
    if (c === '|') {
      const top = stack[stack.length - 1];
      if (top !== undefined) top.alternation = true;
      continue;
    }
    const isQuantifier = (ch: string | undefined): boolean =>
      ch === '*' || ch === '+' || ch === '?' || ch === '{';
    if (c === ')') {
      const inner = stack.pop();
      if (inner === undefined) return 'unbalanced parentheses';
      const next = pattern[i + 1];
      const repeated = next === '*' || next === '+' || next === '{';
      if (repeated && inner.quantified) return 'nested quantifiers (like (a+)+) can take exponential time';
      if (repeated && inner.alternation)
        return 'a repeated group of alternatives (like (a|a)*) can take exponential time';
      const outer = stack[stack.length - 1];
      if (outer !== undefined && (inner.quantified || repeated)) outer.quantified = true;
      continue;
    }
    if (isQuantifier(c) && !(c === '?' && pattern[i - 1] === '(')) {
      const top = stack[stack.length - 1];
      if (top !== undefined) top.quantified = true;
    }
  }
  if (stack.length > 0) return 'unbalanced parentheses';
  return null;
}
