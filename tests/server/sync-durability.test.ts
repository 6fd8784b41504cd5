import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { identityOf, putCard } from "../support/board-cards";
import { DEMO, demoConcept, signedIn } from "../support/demo-fixture";
import { connectSyncClient, until, type SyncClient } from "../support/sync-client";
import { createPostgresDatabase, POSTGRES_URL } from "../support/test-database";
import { startTestServer, type TestServer } from "../support/test-server";

/**
 * Clients edit, the server is killed with SIGKILL mid-stream and restarted on the same port and
 * data. Whatever any other client had received must be there, and everyone converges.
 */
describe("durability through SIGKILL", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-kill-"));
  const clients: SyncClient[] = [];
  let dropDatabase: (() => Promise<void>) | undefined;
  let server: TestServer | undefined;

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.stop();
    await dropDatabase?.();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("loses nothing another client has seen, and converges after restart", async () => {
    let databaseUrl: string | undefined;
    if (POSTGRES_URL) {
      const created = await createPostgresDatabase();
      databaseUrl = created.url;
      dropDatabase = created.drop;
    }
    server = await startTestServer({
      dataDir,
      databaseUrl,
      database: databaseUrl ? "default" : "pglite",
    });
    const port = Number(new URL(server.url).port);
    const moderator = await signedIn(server.url, DEMO.moderator);
    const editor = await signedIn(server.url, DEMO.editor);
    const board = (await demoConcept(moderator)).workshops[0]!.boardDoc;

    const writerA = connectSyncClient({
      baseUrl: server.url,
      docName: board,
      cookie: moderator.cookieHeader,
    });
    const writerB = connectSyncClient({
      baseUrl: server.url,
      docName: board,
      cookie: editor.cookieHeader,
    });
    const observer = connectSyncClient({
      baseUrl: server.url,
      docName: board,
      cookie: editor.cookieHeader,
    });
    clients.push(writerA, writerB, observer);
    await Promise.all([writerA.synced, writerB.synced, observer.synced]);

    // Both writers add cards as fast as the event loop lets them.
    let writing = true;
    const authors = [await identityOf(moderator), await identityOf(editor)] as const;
    const write = async (c: SyncClient, prefix: string) => {
      const author = prefix === "a" ? authors[0] : authors[1];
      for (let i = 0; writing; i++) {
        putCard(c.doc, author, `${prefix}-${i}`, `Karte ${prefix} ${i}`);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    };
    const writes = [write(writerA, "a"), write(writerB, "b")];
    await until(() => observer.doc.getMap("cards").size >= 200, 20_000, "observer sees 200 cards");

    await server.kill();
    writing = false;
    await Promise.all(writes);
    const seenByObserver = new Set(observer.doc.getMap("cards").keys());
    const seenByA = [...writerB.doc.getMap("cards").keys()].filter((k) => k.startsWith("a-"));
    const seenByB = [...writerA.doc.getMap("cards").keys()].filter((k) => k.startsWith("b-"));
    expect(seenByObserver.size).toBeGreaterThanOrEqual(200);

    server = await startTestServer({
      dataDir,
      databaseUrl,
      port,
      database: databaseUrl ? "default" : "pglite",
    });
    // A client with no local state: it holds exactly what the server restored.
    const fresh = connectSyncClient({
      baseUrl: server.url,
      docName: board,
      cookie: moderator.cookieHeader,
    });
    clients.push(fresh);
    await fresh.synced;
    const restored = new Set(fresh.doc.getMap("cards").keys());
    const lost = [...seenByObserver, ...seenByA, ...seenByB].filter((k) => !restored.has(k));
    expect(lost).toEqual([]);

    // The old clients reconnect on their own, send what the server missed, and all converge.
    await until(
      () => {
        const keys = (c: SyncClient) => JSON.stringify([...c.doc.getMap("cards").keys()].sort());
        const expected = keys(fresh);
        return [writerA, writerB, observer].every((c) => keys(c) === expected && c.provider.synced);
      },
      30_000,
      "convergence after restart",
    );
  });
});
