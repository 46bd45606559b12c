import { readAnnotationList, type Annotation } from '../../core/dataset';

/**
 * The notes of file datasets, kept in IndexedDB per file key (the SHA-256 of the file's content,
 * like file-store.ts), so that they survive a reload. Once a file has a record here, the record is
 * the whole list (notes deleted in the app stay deleted); before, the file's own `annotations` are
 * the list. A separate database from the kept files: their schema does not change for notes, and
 * removing a kept file does not lose its notes (opening the same file again brings them back).
 */
export interface AnnotationStore {
  /** The list kept for a file, or null when none was ever saved for it. */
  get(fileKey: string): Promise<Annotation[] | null>;
  set(fileKey: string, annotations: readonly Annotation[]): Promise<void>;
}

const STORE = 'annotations';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function open(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  const req = factory.open(name, 1);
  req.onupgradeneeded = () => {
    if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE);
  };
  return request(req);
}

export function createAnnotationStore(
  factory: IDBFactory = indexedDB,
  dbName = 'logonlens-notes',
): AnnotationStore {
  let db: Promise<IDBDatabase> | null = null;
  const database = () => (db ??= open(factory, dbName));
  return {
    async get(fileKey) {
      const tx = (await database()).transaction(STORE, 'readonly');
      const value: unknown = await request(tx.objectStore(STORE).get(fileKey));
      // What is read back is checked like a file's notes: another tab or version may have written it.
      return value === undefined ? null : readAnnotationList(value).annotations;
    },
    async set(fileKey, annotations) {
      const tx = (await database()).transaction(STORE, 'readwrite');
      await request(tx.objectStore(STORE).put([...annotations], fileKey));
    },
  };
}

let shared: AnnotationStore | null = null;
/** The app's store (created on first use: jsdom tests without IndexedDB never touch it). */
export function annotationStore(): AnnotationStore {
  return (shared ??= createAnnotationStore());
}
/** Tests swap in a store over fake-indexeddb or in memory. */
export function setAnnotationStore(store: AnnotationStore | null): void {
  shared = store;
}
