import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { DocStore } from "@/lib/sync/doc-store";
import { LocalFanout } from "@/server/sync/fanout";
import { SharedDoc } from "@/server/sync/shared-doc";
import { openTestDatabase } from "../../support/test-database";

describe("compaction of a loaded document", () => {
  let handle: Awaited<ReturnType<typeof openTestDatabase>>;
  let store: DocStore;
  beforeAll(async () => {
    handle = await openTestDatabase();
    store = new DocStore(handle.db);
  });
  afterAll(() => handle.close());

  /** Writes `count` edits as the sync server does: durable first, then applied. */
  async function edit(shared: SharedDoc, client: Y.Doc, count: number) {
    const updates: Uint8Array[] = [];
    const collect = (update: Uint8Array) => updates.push(update);
    client.on("update", collect);
    for (let i = 0; i < count; i++) client.getMap("cards").set(`card-${i}`, `Karte ${i}`);
    client.off("update", collect);
    for (let i = 0; i < updates.length; i += 1000) {
      const batch = updates.slice(i, i + 1000);
      await store.append(batch.map((update) => ({ docName: shared.name, update })));
      shared.applyDurableUpdate(Y.mergeUpdates(batch), null, batch.length);
    }
  }

  it("waits for a quiet moment once 500 updates are pending", async () => {
    const compact = vi.spyOn(store, "compact");
    const shared = new SharedDoc("board:quiet", store, new LocalFanout("test"));
    await shared.ready;
    const client = new Y.Doc();

    await edit(shared, client, 600);
    const lastEditAt = performance.now();
    expect(compact).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(compact).toHaveBeenCalledTimes(1), { timeout: 5_000 });
    expect(performance.now() - lastEditAt).toBeGreaterThanOrEqual(1_900);
    await vi.waitFor(() => expect(shared.hasPendingUpdates).toBe(false));
    expect((await store.load("board:quiet")).pendingUpdates).toBe(0);
    shared.destroy();
    compact.mockRestore();
  });

  it("compacts at once when 10 000 updates are pending, however busy the document is", async () => {
    const compact = vi.spyOn(store, "compact");
    const shared = new SharedDoc("board:busy", store, new LocalFanout("test"));
    await shared.ready;

    await edit(shared, new Y.Doc(), 10_000);
    expect(compact).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(shared.hasPendingUpdates).toBe(false), { timeout: 10_000 });
    shared.destroy();
    compact.mockRestore();
  });
});
