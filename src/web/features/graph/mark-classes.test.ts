import { describe, expect, it } from 'vitest';
import { classChanges, wantsClass, type Marks } from './mark-classes';

const none: Marks = { emphasis: null, newEdges: null, noted: null };

function element(id: string, classes: string[] = []) {
  const has = new Set(classes);
  return { id: () => id, hasClass: (c: string) => has.has(c) };
}

describe('mark classes', () => {
  it('emphasis dims everything else; notes tagged compromised get both note classes', () => {
    const marks: Marks = {
      emphasis: { nodes: new Set(['a']), edges: new Set(['e1']) },
      newEdges: new Set(['e2']),
      noted: { nodes: new Set(['b']), edges: new Set(), compromised: new Set(['b', 'z']) },
    };
    expect(wantsClass('a', 'emphasis', marks)).toBe(true);
    expect(wantsClass('a', 'dimmed', marks)).toBe(false);
    expect(wantsClass('b', 'dimmed', marks)).toBe(true);
    expect(wantsClass('e2', 'new', marks)).toBe(true);
    expect(wantsClass('b', 'noted', marks)).toBe(true);
    expect(wantsClass('b', 'noted-compromised', marks)).toBe(true);
    // Tagged compromised but carrying no note on this view: no mark.
    expect(wantsClass('z', 'noted-compromised', marks)).toBe(false);
  });

  it('changes only the classes that differ', () => {
    const marks: Marks = { ...none, newEdges: new Set(['e1', 'e2']) };
    const eles = [element('e1', ['new']), element('e2'), element('e3', ['new', 'dimmed'])];
    const changes = classChanges(eles, marks).map(({ ele, cls, on }) => `${ele.id()} ${cls} ${on}`);
    expect(changes.sort()).toEqual(['e2 new true', 'e3 dimmed false', 'e3 new false']);
    expect(classChanges([element('e1', ['new'])], marks)).toEqual([]);
  });
});
