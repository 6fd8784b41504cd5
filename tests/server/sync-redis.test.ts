import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { parseEnv } from "@/lib/env";
import { CLOSE_CODES } from "@/lib/sync/close-codes";
import { identityOf, putCard } from "../support/board-cards";
import { DEMO, demoConcept, memberAction, memberUserId, signedIn } from "../support/demo-fixture";
import { connectSyncClient, until, type SyncClient } from "../support/sync-client";
import { createPostgresDatabase, POSTGRES_URL } from "../support/test-database";
import { startTestServer, type TestServer } from "../support/test-server";

const REDIS_URL = parseEnv(process.env).REDIS_URL;

/** Several instances share Postgres (PGlite cannot be shared) and pass messages through Redis. */
describe.runIf(POSTGRES_URL && REDIS_URL)("two instances through Redis", () => {
  const servers: TestServer[] = [];
  const clients: SyncClient[] = [];
  const drops: Array<() => Promise<void>> = [];

  afterAll(async () => {
    for (const c of clients) c.destroy();
    for (const s of servers) await s.stop();
    for (const drop of drops) await drop();
  });

  /**
   * Two instances on one fresh database, the moderator signed in on the first (sessions are
   * signed with the shared secret, so the cookie works on both), and clients of the demo board.
   */
  async function startTwoInstances(env: Record<string, string>) {
    const database = await createPostgresDatabase();
    drops.push(database.drop);
    const first = await startTestServer({ databaseUrl: database.url, env });
    servers.push(first);
    const second = await startTestServer({ databaseUrl: database.url, env });
    servers.push(second);
    const moderator = await signedIn(first.url, DEMO.moderator);
    const demo = await demoConcept(moderator);
    const board = demo.workshops[0]!.boardDoc;
    const connect = (server: TestServer) => {
      const c = connectSyncClient({
        baseUrl: server.url,
        docName: board,
        cookie: moderator.cookieHeader,
      });
      clients.push(c);
      return c;
    };
    const author = await identityOf(moderator);
    return { first, second, moderator, demo, board, connect, author };
  }

  it("lets clients on different instances converge, passes presence, and loses nothing when one dies", async () => {
    const { first, second, moderator, demo, board, connect, author } = await startTwoInstances({
      REDIS_URL: REDIS_URL!,
    });
    expect(await (await fetch(`${second.url}/api/health`)).json()).toMatchObject({
      redis: { ok: true },
    });
    const onFirst = [connect(first), connect(first)];
    const onSecond = [connect(second), connect(second)];
    const all = [...onFirst, ...onSecond];
    await Promise.all(all.map((c) => c.synced));

    all.forEach((c, i) => putCard(c.doc, author, `card-${i}`, `Karte ${i}`));
    await until(
      () => all.every((c) => c.doc.getMap("cards").size === 4),
      10_000,
      "cards across instances",
    );

    // Presence shows the name the server knows, whatever the client claims.
    onFirst[0]!.provider.awareness.setLocalStateField("user", { name: "Jemand anderes" });
    const id = onFirst[0]!.doc.clientID;
    await until(
      () => onSecond[0]!.provider.awareness.getStates().get(id)?.user?.name === author.name,
      10_000,
      "presence across instances",
    );

    // A member removed through instance one loses the socket they hold on instance two.
    const editor = await signedIn(first.url, DEMO.editor);
    const editorOnSecond = connectSyncClient({
      baseUrl: second.url,
      docName: board,
      cookie: editor.cookieHeader,
    });
    clients.push(editorOnSecond);
    await editorOnSecond.synced;
    const editorId = await memberUserId(moderator, demo.conceptId, DEMO.editor);
    await memberAction(moderator, demo.conceptId, "removeMemberAction", { userId: editorId });
    expect((await editorOnSecond.closed).code).toBe(CLOSE_CODES.forbidden);

    // Instance one dies mid-stream; what its clients wrote and others saw survives.
    for (let i = 0; i < 50; i++) putCard(onFirst[1]!.doc, author, `late-${i}`, `spät ${i}`);
    await until(
      () => onSecond[1]!.doc.getMap("cards").size >= 20,
      10_000,
      "late cards reach instance two",
    );
    await first.kill();
    servers.splice(servers.indexOf(first), 1);
    const seenOnSecond = [...onSecond[1]!.doc.getMap("cards").keys()];

    const fresh = connect(second);
    await fresh.synced;
    const restored = new Set(fresh.doc.getMap("cards").keys());
    expect(seenOnSecond.filter((k) => !restored.has(k))).toEqual([]);
  });

  it("reloads from the database when messages an instance missed are no longer in Redis", async () => {
    const stream = `integrationskonzept:test:${randomUUID()}`;
    const redis = new Redis(REDIS_URL!);
    drops.push(async () => {
      await redis.del(stream);
      redis.disconnect();
    });
    const { first, second, connect, author } = await startTwoInstances({
      REDIS_URL: REDIS_URL!,
      REDIS_STREAM: stream,
      METRICS_TOKEN: "metrics-token-for-the-redis-test",
    });
    const writer = connect(first);
    const reader = connect(second);
    await Promise.all([writer.synced, reader.synced]);
    const cards = (c: SyncClient) => c.doc.getMap("cards");
    const metricsOf = async (server: TestServer) =>
      (await (
        await fetch(`${server.url}/api/metrics`, {
          headers: { authorization: "Bearer metrics-token-for-the-redis-test" },
        })
      ).json()) as {
        redis: { gaps: number };
      };

    /** The cards the stream's update entries add up to. */
    const cardsInStream = async () => {
      const doc = new Y.Doc();
      for (const [, fields] of await redis.xrangeBuffer(stream, "-", "+")) {
        const entry = new Map<string, Buffer>();
        for (let i = 0; i + 1 < fields.length; i += 2)
          entry.set(fields[i]!.toString(), fields[i + 1]!);
        if (entry.get("kind")?.toString() === "update") Y.applyUpdate(doc, entry.get("data")!);
      }
      return doc.getMap("cards").size;
    };

    // Instance two freezes. Its pending read is answered with the first entry only; what
    // follows stays in the stream, which is then trimmed, as when a reader falls too far behind.
    second.process.kill("SIGSTOP");
    try {
      putCard(writer.doc, author, "first", "kommt noch über Redis");
      await until(async () => (await cardsInStream()) === 1, 5_000, "first in the stream");
      await new Promise((resolve) => setTimeout(resolve, 200));
      for (let i = 0; i < 20; i++) putCard(writer.doc, author, `missed-${i}`, `Karte ${i}`);
      await until(async () => (await cardsInStream()) === 21, 5_000, "all in the stream");
      expect(await redis.xtrim(stream, "MAXLEN", 0)).toBeGreaterThan(0);
    } finally {
      second.process.kill("SIGCONT");
    }

    await until(() => cards(reader).size === 21, 15_000, "missed cards, from the database");
    expect((await metricsOf(second)).redis.gaps).toBe(1);
    putCard(writer.doc, author, "after", "wieder über Redis");
    await until(() => cards(reader).has("after"), 5_000, "later cards through Redis again");
  });
});
