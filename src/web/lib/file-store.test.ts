import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createFileStore } from './file-store';
import { sha256Hex } from './hash';

describe('file store (IndexedDB)', () => {
  it('keeps, lists (newest first, without texts), reads and removes files', async () => {
    const store = createFileStore(new IDBFactory());
    await store.put({ key: 'a', name: 'a.json', size: 3, addedAt: '2021-12-01T00:00:00Z' }, 'aaa');
    await store.put({ key: 'b', name: 'b.json', size: 2, addedAt: '2021-12-02T00:00:00Z' }, 'bb');
    expect((await store.list()).map((f) => f.key)).toEqual(['b', 'a']);
    expect(await store.getText('a')).toBe('aaa');
    await store.remove('a');
    expect(await store.getText('a')).toBeNull();
    expect((await store.list()).map((f) => f.name)).toEqual(['b.json']);
  });

  it('is shared between store instances of the same database (like two tabs)', async () => {
    const factory = new IDBFactory();
    await createFileStore(factory).put(
      { key: 'k', name: 'k.json', size: 1, addedAt: '2021-12-01T00:00:00Z' },
      'x',
    );
    expect(await createFileStore(factory).getText('k')).toBe('x');
  });

  it('putting the same key again replaces, not duplicates', async () => {
    const store = createFileStore(new IDBFactory());
    await store.put({ key: 'k', name: 'first.json', size: 1, addedAt: '2021-12-01T00:00:00Z' }, 'x');
    await store.put({ key: 'k', name: 'again.json', size: 1, addedAt: '2021-12-03T00:00:00Z' }, 'x');
    expect(await store.list()).toEqual([
      { key: 'k', name: 'again.json', size: 1, addedAt: '2021-12-03T00:00:00Z' },
    ]);
  });

  it('hashes content to a 64-hex key', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
