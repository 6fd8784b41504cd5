import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { docSnapshots, docUpdates } from "@/lib/db/schema";
import { DocStore } from "@/lib/sync/doc-store";
import { openTestDatabase } from "../../support/test-database";

describe("document store", () => {
  let handle: Awaited<ReturnType<typeof openTestDatabase>>;
  let store: DocStore;
  beforeAll(async () => {
    handle = await openTestDatabase();
    store = new DocStore(handle.db);
  });
  afterAll(() => handle.close());

  async function count(table: typeof docUpdates | typeof docSnapshots) {
    const [row] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(table);
    return row!.n;
  }

  it("loads what was appended, compacts it into a garbage-collected snapshot, and keeps later updates", async () => {
    const client = new Y.Doc();
    const updates: Uint8Array[] = [];
    client.on("update", (u: Uint8Array) => updates.push(u));
    const text = client.getText("notes");
    for (let i = 0; i < 200; i++) text.insert(text.length, `Absatz ${i} mit etwas Text. `);
    text.delete(0, text.length - 20); // most of it deleted again
    await store.append(updates.map((update) => ({ docName: "board:a", update })));
    await store.append([{ docName: "board:b", update: Y.encodeStateAsUpdate(new Y.Doc()) }]);

    const loaded = await store.load("board:a");
    expect(loaded.pendingUpdates).toBe(updates.length);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, loaded.state);
    expect(replica.getText("notes").toString()).toBe(text.toString());

    const rawSize = updates.reduce((sum, u) => sum + u.length, 0);
    expect(await store.compact("board:a")).toEqual({ folded: updates.length });
    expect(await count(docSnapshots)).toBe(1);
    expect(await count(docUpdates)).toBe(1); // only board:b's update is left
    const compacted = await store.load("board:a");
    expect(compacted.pendingUpdates).toBe(0);
    expect(compacted.state.length).toBeLessThan(rawSize / 4);

    text.insert(0, "Neu: ");
    await store.append([
      { docName: "board:a", update: Y.encodeStateAsUpdate(client, Y.encodeStateVector(replica)) },
    ]);
    const after = new Y.Doc();
    Y.applyUpdate(after, (await store.load("board:a")).state);
    expect(after.getText("notes").toString()).toBe(text.toString());
    expect(await store.compact("board:a")).toEqual({ folded: 1 });
    expect(await store.compact("board:a")).toEqual({ folded: 0 });
  });

  it("skips a stored update Yjs cannot apply instead of failing the whole document", async () => {
    const doc = new Y.Doc();
    doc.getMap("cards").set("1", "Sprachcafé");
    await store.append([
      { docName: "board:c", update: Y.encodeStateAsUpdate(doc) },
      { docName: "board:c", update: new Uint8Array([1, 1, 200, 1, 0, 4, 9]) },
    ]);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, (await store.load("board:c")).state);
    expect(replica.getMap("cards").get("1")).toBe("Sprachcafé");
  });
});
