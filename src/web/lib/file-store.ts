/**
 * Opened dataset files kept in IndexedDB, keyed by the SHA-256 of their content, so that a URL
 * `source=file:<key>` works after a reload and in another tab of the same browser. Metadata and
 * texts live in two object stores: listing the kept files never loads the (large) texts.
 */
export interface KeptFile {
  key: string;
  name: string;
  size: number;
  /** ISO time it was (last) opened. */
  addedAt: string;
}

export interface FileStore {
  put(file: KeptFile, text: string): Promise<void>;
  getText(key: string): Promise<string | null>;
  list(): Promise<KeptFile[]>;
  remove(key: string): Promise<void>;
}

const META = 'files';
const TEXTS = 'texts';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

function open(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  const req = factory.open(name, 1);
  req.onupgradeneeded = () => {
    const db = req.result;
    if (!db.objectStoreNames.contains(META)) db.createObjectStore(META, { keyPath: 'key' });
    if (!db.objectStoreNames.contains(TEXTS)) db.createObjectStore(TEXTS);
  };
  return request(req);
}

function isKeptFile(v: unknown): v is KeptFile {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    typeof o.key === 'string' &&
    typeof o.name === 'string' &&
    typeof o.size === 'number' &&
    typeof o.addedAt === 'string'
  );
}

export function createFileStore(factory: IDBFactory = indexedDB, dbName = 'logonlens'): FileStore {
  let db: Promise<IDBDatabase> | null = null;
  const database = () => (db ??= open(factory, dbName));
  return {
    async put(file, text) {
      const tx = (await database()).transaction([META, TEXTS], 'readwrite');
      tx.objectStore(META).put(file);
      tx.objectStore(TEXTS).put(text, file.key);
      await done(tx);
    },
    async getText(key) {
      const tx = (await database()).transaction(TEXTS, 'readonly');
      const value: unknown = await request(tx.objectStore(TEXTS).get(key));
      return typeof value === 'string' ? value : null;
    },
    async list() {
      const tx = (await database()).transaction(META, 'readonly');
      const all: unknown[] = await request(tx.objectStore(META).getAll());
      return all.filter(isKeptFile).sort((a, b) => b.addedAt.localeCompare(a.addedAt));
    },
    async remove(key) {
      const tx = (await database()).transaction([META, TEXTS], 'readwrite');
      tx.objectStore(META).delete(key);
      tx.objectStore(TEXTS).delete(key);
      await done(tx);
    },
  };
}

let shared: FileStore | null = null;
/** The app's store (created on first use: jsdom tests without IndexedDB never touch it). */
export function fileStore(): FileStore {
  return (shared ??= createFileStore());
}
/** Tests swap in a store over fake-indexeddb. */
export function setFileStore(store: FileStore | null): void {
  shared = store;
}
