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
type Editor = (docName: string, change: DocChange) => Promise<void>;

const KEY = Symbol.for("integrationskonzept.docEditor");
type GlobalWithEditor = typeof globalThis & { [KEY]?: Editor };

export function registerDocEditor(editor: Editor | undefined): void {
  (globalThis as GlobalWithEditor)[KEY] = editor;
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
  if (editor) return editor(docName, change);
  const store = new DocStore(db);
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, (await store.load(docName)).state);
    const made: Uint8Array[] = [];
    doc.on("update", (update: Uint8Array) => made.push(update));
    change(doc);
    if (made.length) await store.append([{ docName, update: Y.mergeUpdates(made) }]);
  } finally {
    doc.destroy();
  }
}

/** The document's current state as the database holds it (every accepted write is in it). */
export async function readDocState({ db, docName }: { db: Db; docName: string }) {
  return (await new DocStore(db).load(docName)).state;
}
