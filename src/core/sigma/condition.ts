/**
 * Sigma conditions: `and`, `or`, `not`, parentheses, `1 of X`, `all of X`, `them` and name
 * patterns with `*`. Aggregations (`| count() …`, `near`) are reported as unsupported, never
 * silently dropped. Precedence as in the specification: `not` binds tighter than `and`, which binds
 * tighter than `or`.
 */
import { RuleProblem } from './values.js';

export type ConditionNode =
  | { op: 'sel'; name: string }
  | { op: 'and' | 'or'; args: ConditionNode[] }
  | { op: 'not'; arg: ConditionNode }
  | { op: 'of'; quantifier: 'one' | 'all'; names: string[] };

const TOKEN = /\s*(\(|\)|[^\s()]+)/y;

function tokenize(text: string): string[] {
  const out: string[] = [];
  let at = 0;
  for (;;) {
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (m === null) break;
    out.push(m[1]!);
    at = TOKEN.lastIndex;
  }
  if (text.slice(at).trim() !== '') throw new RuleProblem('invalid', `condition: cannot read "${text}"`);
  return out;
}

function namePattern(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
}

/** Parses a condition against the rule's selection names. */
export function parseCondition(text: string, selections: readonly string[]): ConditionNode {
  if (text.length > 10_000) throw new RuleProblem('invalid', 'condition is too long');
  if (text.includes('|'))
    throw new RuleProblem('unsupported', 'aggregation conditions (| count(), near) are not supported');
  const tokens = tokenize(text);
  let pos = 0;
  const peek = (): string | undefined => tokens[pos];
  const lower = (t: string | undefined): string => (t ?? '').toLowerCase();

  function expr(): ConditionNode {
    const args = [term()];
    while (lower(peek()) === 'or') {
      pos++;
      args.push(term());
    }
    return args.length === 1 ? args[0]! : { op: 'or', args };
  }
  function term(): ConditionNode {
    const args = [factor()];
    while (lower(peek()) === 'and') {
      pos++;
      args.push(factor());
    }
    return args.length === 1 ? args[0]! : { op: 'and', args };
  }
  function factor(): ConditionNode {
    const t = peek();
    if (t === undefined) throw new RuleProblem('invalid', `condition "${text}" ends too early`);
    if (lower(t) === 'not') {
      pos++;
      return { op: 'not', arg: factor() };
    }
    if (t === '(') {
      pos++;
      const inner = expr();
      if (peek() !== ')') throw new RuleProblem('invalid', `condition "${text}": missing )`);
      pos++;
      return inner;
    }
    if (t === ')') throw new RuleProblem('invalid', `condition "${text}": unexpected )`);
    if (lower(tokens[pos + 1]) === 'of') {
      const q = lower(t);
      if (q !== '1' && q !== 'all' && q !== 'any')
        throw new RuleProblem('unsupported', `condition "${text}": "${t} of" (only 1 of / all of)`);
      const target = tokens[pos + 2];
      if (target === undefined) throw new RuleProblem('invalid', `condition "${text}": "of" needs a name`);
      pos += 3;
      const names =
        lower(target) === 'them'
          ? selections.filter((s) => !s.startsWith('_'))
          : selections.filter((s) => namePattern(target).test(s));
      if (names.length === 0)
        throw new RuleProblem('invalid', `condition "${text}": no selection matches "${target}"`);
      return { op: 'of', quantifier: q === 'all' ? 'all' : 'one', names };
    }
    if (['and', 'or', 'of'].includes(lower(t)))
      throw new RuleProblem('invalid', `condition "${text}": unexpected "${t}"`);
    pos++;
    if (!selections.includes(t))
      throw new RuleProblem('invalid', `condition names an unknown selection "${t}"`);
    return { op: 'sel', name: t };
  }

  const node = expr();
  if (pos !== tokens.length)
    throw new RuleProblem('invalid', `condition "${text}": unexpected "${tokens[pos]}"`);
  return node;
}

/**
 * Compiles a condition to one predicate (closures, no allocation per event). A selection named
 * twice is evaluated twice; rules rarely do, and it is cheaper than a cache on every event.
 */
export function compileCondition<E>(
  node: ConditionNode,
  selection: (name: string) => (e: E) => boolean,
): (e: E) => boolean {
  switch (node.op) {
    case 'sel':
      return selection(node.name);
    case 'and': {
      const args = node.args.map((a) => compileCondition(a, selection));
      return args.length === 2 ? (e) => args[0]!(e) && args[1]!(e) : (e) => args.every((f) => f(e));
    }
    case 'or': {
      const args = node.args.map((a) => compileCondition(a, selection));
      return args.length === 2 ? (e) => args[0]!(e) || args[1]!(e) : (e) => args.some((f) => f(e));
    }
    case 'not': {
      const arg = compileCondition(node.arg, selection);
      return (e) => !arg(e);
    }
    case 'of': {
      const args = node.names.map(selection);
      return node.quantifier === 'all' ? (e) => args.every((f) => f(e)) : (e) => args.some((f) => f(e));
    }
  }
}

/**
 * The event IDs a condition can match at all, from the selections' EventID values (null = any
 * event). This is what indexes rules by event ID.
 */
export function conditionEventIds(
  node: ConditionNode,
  selectionIds: (name: string) => ReadonlySet<number> | null,
): ReadonlySet<number> | null {
  const union = (sets: (ReadonlySet<number> | null)[]): ReadonlySet<number> | null =>
    sets.some((s) => s === null) ? null : new Set(sets.flatMap((s) => [...s!]));
  const intersect = (sets: (ReadonlySet<number> | null)[]): ReadonlySet<number> | null => {
    const known = sets.filter((s): s is ReadonlySet<number> => s !== null);
    if (known.length === 0) return null;
    return new Set([...known[0]!].filter((id) => known.every((s) => s.has(id))));
  };
  switch (node.op) {
    case 'sel':
      return selectionIds(node.name);
    case 'and':
      return intersect(node.args.map((a) => conditionEventIds(a, selectionIds)));
    case 'or':
      return union(node.args.map((a) => conditionEventIds(a, selectionIds)));
    case 'not':
      return null;
    case 'of':
      return node.quantifier === 'all'
        ? intersect(node.names.map(selectionIds))
        : union(node.names.map(selectionIds));
  }
}
