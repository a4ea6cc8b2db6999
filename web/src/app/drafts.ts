import { openDB, type IDBPDatabase } from 'idb';

/**
 * Work not yet sent, kept on the device in IndexedDB so a reload, a crashed tab or a phone that drops the page while
 * the camera is open loses nothing: a check run's answers with their photos (IndexedDB stores Blobs as they are).
 * Each kind of draft has its own store; a record is found by a key of parts that names its owner and its subject —
 * user, enterprise, record — so two people sharing a phone never see each other's drafts.
 */
const DB_NAME = 'safeduty-drafts';

/**
 * The stores, created when the database is opened. A new kind of draft adds its name here and bumps the version:
 * the upgrade creates what is missing and keeps the drafts already stored.
 */
export const DRAFT_STORES = ['check-runs'] as const;
export type DraftStore = (typeof DRAFT_STORES)[number];
const DB_VERSION = 1;

/** Who and what a draft belongs to, e.g. [userId, enterpriseId, taskId]. */
export type DraftKey = readonly string[];

/** What a store holds for a key: the caller's value and when it was saved, for clearing out stale drafts. */
export type StoredDraft<T> = { value: T; savedAt: number };

let opening: Promise<IDBPDatabase> | null = null;

function database(): Promise<IDBPDatabase> {
  opening ??= openDB(DB_NAME, DB_VERSION, {
    upgrade(db) {
      for (const store of DRAFT_STORES) if (!db.objectStoreNames.contains(store)) db.createObjectStore(store);
    },
    // Another tab opens a newer version: let it upgrade, and open again on the next call.
    blocking() {
      void opening?.then((db) => db.close());
      opening = null;
    },
    terminated() {
      opening = null;
    },
  }).catch((e: unknown) => {
    // No IndexedDB here (some private modes), or it failed to open: the next call tries again.
    opening = null;
    throw e;
  });
  return opening;
}

export async function saveDraft<T>(store: DraftStore, key: DraftKey, value: T, now = Date.now()): Promise<void> {
  const record: StoredDraft<T> = { value, savedAt: now };
  await (await database()).put(store, record, [...key]);
}

/** The draft stored under `key`, or undefined when there is none. */
export async function loadDraft<T>(store: DraftStore, key: DraftKey): Promise<StoredDraft<T> | undefined> {
  return (await (await database()).get(store, [...key])) as StoredDraft<T> | undefined;
}

export async function deleteDraft(store: DraftStore, key: DraftKey): Promise<void> {
  await (await database()).delete(store, [...key]);
}
