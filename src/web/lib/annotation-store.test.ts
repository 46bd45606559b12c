import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../core/dataset';
import { createAnnotationStore } from './annotation-store';

const a: Annotation = {
  target: { kind: 'node', id: 'account:corp\\<b>x</b>' },
  note: 'pwned <script>',
  tags: ['compromised'],
  updated: '2026-12-06T07:00:00Z',
};

describe('annotation store (IndexedDB)', () => {
  it('keeps a list per file key, shared between instances (like two tabs or a reload)', async () => {
    const factory = new IDBFactory();
    const store = createAnnotationStore(factory);
    expect(await store.get('k1')).toBeNull();
    await store.set('k1', [a]);
    await store.set('k2', []);
    const again = createAnnotationStore(factory);
    expect(await again.get('k1')).toEqual([a]);
    expect(await again.get('k2')).toEqual([]);
  });

  it('checks what it reads back: unreadable entries are left out', async () => {
    const factory = new IDBFactory();
    const store = createAnnotationStore(factory);
    await store.set('k', [a, { ...a, target: { kind: 'node', id: 'b' }, note: 'x'.repeat(10_001) }]);
    expect(await store.get('k')).toEqual([a]);
  });
});
