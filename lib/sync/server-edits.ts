import * as Y from "yjs";
import type { Db } from "@/lib/db/client";
import { DocStore } from "./doc-store";

/**
 * Changes the server itself makes to a real-time document from a route handler (restoring a
 * chapter version, anchoring a reviewer's comment). They go through the running sync server
 * (same process, via globalThis, without importing it), which persists them and passes them to
 * every open client. Without a running sync server (scripts, unit tests) the change is appended
 * to the stored document directly.
 */
export type DocChange = (doc: Y.Doc) => void;
/**
 * What the sync server runs: from the document's encoded state to the update to apply (null for
 * none). Only bytes cross between the route's code and the server's: Next bundles its own copy
 * of yjs, and Yjs types made by one copy cannot be inserted into a document of the other
 * ("Unexpected content type"), nor pass its instanceof checks.
 */
export type UpdateMaker = (state: Uint8Array) => Uint8Array | null;
type Editor = (docName: string, makeUpdate: UpdateMaker) => Promise<void>;
/** What the sync server answers for a read: the document's state as its clients see it. */
type Reader = (docName: string) => Promise<Uint8Array>;

/** Runs `change` on a document of this module's yjs built from `state`; returns what it wrote. */
function updateOf(state: Uint8Array, change: DocChange): Uint8Array | null {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const made: Uint8Array[] = [];
    doc.on("update", (update: Uint8Array) => made.push(update));
    change(doc);
    return made.length ? Y.mergeUpdates(made) : null;
  } finally {
    doc.destroy();
  }
}

const KEY = Symbol.for("integrationskonzept.docEditor");
const READER_KEY = Symbol.for("integrationskonzept.docReader");
type GlobalWithEditor = typeof globalThis & { [KEY]?: Editor; [READER_KEY]?: Reader };

export function registerDocEditor(editor: Editor | undefined, reader?: Reader): void {
  (globalThis as GlobalWithEditor)[KEY] = editor;
  (globalThis as GlobalWithEditor)[READER_KEY] = reader;
}

export async function changeDoc({
  db,
  docName,
  change,
}: {
  db: Db;
  docName: string;
  change: DocChange;
}): Promise<void> {
  const editor = (globalThis as GlobalWithEditor)[KEY];
  if (editor) return editor(docName, (state) => updateOf(state, change));
  const store = new DocStore(db);
  const update = updateOf((await store.load(docName)).state, change);
  if (update) await store.append([{ docName, update }]);
}

/** The document's current state as the database holds it (every accepted write is in it). */
export async function readDocState({ db, docName }: { db: Db; docName: string }) {
  return (await new DocStore(db).load(docName)).state;
}

/**
 * The document's state as its clients see it right now, for a page to render before its socket
 * has synced: from the running sync server (which keeps it loaded for the socket that follows),
 * else from the database.
 */
export async function readLiveDocState({ db, docName }: { db: Db; docName: string }) {
  const reader = (globalThis as GlobalWithEditor)[READER_KEY];
  return reader ? reader(docName) : readDocState({ db, docName });
}
