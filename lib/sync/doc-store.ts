import { and, asc, eq, gt, like, lte, sql } from "drizzle-orm";
import * as Y from "yjs";
import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { docSnapshots, docUpdates } from "@/lib/db/schema";

export interface LoadedState {
  /** Snapshot plus every later update, as one Yjs update. */
  state: Uint8Array;
  /** The highest update id folded in. */
  lastUpdateId: number;
  /** Updates stored after the snapshot: how much compaction would save. */
  pendingUpdates: number;
}

/**
 * Postgres persistence of Yjs documents: an append-only update log plus one snapshot per
 * document. Group commit happens above this, in the persist queue.
 */
export class DocStore {
  /**
   * Almost every group commit holds a single update: that statement is built once and, on
   * Postgres, prepared once per connection.
   */
  private readonly appendOne;

  constructor(private readonly db: Db) {
    this.appendOne = db
      .insert(docUpdates)
      .values({ docName: sql.placeholder("docName"), update: sql.placeholder("update") })
      .prepare("doc_store_append_one");
  }

  async load(docName: string): Promise<LoadedState> {
    const [snapshot] = await this.db
      .select()
      .from(docSnapshots)
      .where(eq(docSnapshots.docName, docName));
    const after = snapshot?.lastUpdateId ?? 0;
    const rows = await this.db
      .select({ id: docUpdates.id, update: docUpdates.update })
      .from(docUpdates)
      .where(and(eq(docUpdates.docName, docName), gt(docUpdates.id, after)))
      .orderBy(asc(docUpdates.id));
    const state = rebuild(snapshot?.state, rows);
    return { state, lastUpdateId: rows.at(-1)?.id ?? after, pendingUpdates: rows.length };
  }

  /** Names of stored documents that start with `prefix` (which holds no LIKE wildcards). */
  async namesWithPrefix(prefix: string): Promise<string[]> {
    const pattern = `${prefix}%`;
    const rows = await this.db
      .selectDistinct({ name: docUpdates.docName })
      .from(docUpdates)
      .where(like(docUpdates.docName, pattern))
      .union(
        this.db
          .select({ name: docSnapshots.docName })
          .from(docSnapshots)
          .where(like(docSnapshots.docName, pattern)),
      );
    return rows.map((row) => row.name);
  }

  /** Appends updates of any documents in one statement. */
  async append(entries: Array<{ docName: string; update: Uint8Array }>): Promise<void> {
    if (entries.length === 1) {
      await this.appendOne.execute(entries[0]);
      return;
    }
    await this.db
      .insert(docUpdates)
      .values(entries.map((e) => ({ docName: e.docName, update: e.update })));
  }

  /**
   * Folds the update log of a document into its snapshot. The state is rebuilt from the
   * database alone through a Y.Doc, so deleted content is garbage-collected and updates that
   * other instances wrote are never dropped. Serialised per document by an advisory lock.
   */
  async compact(docName: string): Promise<{ folded: number }> {
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${docName}))`);
      const [snapshot] = await tx
        .select()
        .from(docSnapshots)
        .where(eq(docSnapshots.docName, docName));
      const after = snapshot?.lastUpdateId ?? 0;
      const rows = await tx
        .select({ id: docUpdates.id, update: docUpdates.update })
        .from(docUpdates)
        .where(and(eq(docUpdates.docName, docName), gt(docUpdates.id, after)))
        .orderBy(asc(docUpdates.id));
      const last = rows.at(-1);
      if (!last) return { folded: 0 };
      const state = rebuild(snapshot?.state, rows);
      await tx
        .insert(docSnapshots)
        .values({ docName, state, lastUpdateId: last.id, updatedAt: new Date() })
        .onConflictDoUpdate({
          target: docSnapshots.docName,
          set: { state, lastUpdateId: last.id, updatedAt: new Date() },
        });
      await tx
        .delete(docUpdates)
        .where(and(eq(docUpdates.docName, docName), lte(docUpdates.id, last.id)));
      return { folded: rows.length };
    });
  }
}

/**
 * Applies a snapshot and updates to a fresh Y.Doc and encodes the result (garbage-collected).
 * An update Yjs cannot apply is skipped and logged, so one bad row never makes a document
 * unloadable.
 */
function rebuild(
  snapshot: Uint8Array | undefined,
  rows: Array<{ id: number; update: Uint8Array }>,
): Uint8Array {
  const doc = new Y.Doc();
  if (snapshot) Y.applyUpdate(doc, snapshot);
  for (const row of rows) {
    try {
      Y.applyUpdate(doc, row.update);
    } catch (error) {
      log.error("stored update skipped", { updateId: row.id, error: String(error) });
    }
  }
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}
