import { CHAPTER_FRAGMENT } from "@/lib/chapter/extensions";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CLOSE_CODES } from "@/lib/sync/close-codes";
import { DEMO, demoConcept, signedIn } from "../support/demo-fixture";
import type { HttpClient } from "../support/http-client";
import { syncUrl, until } from "../support/sync-client";
import { startTestServer, type TestServer } from "../support/test-server";
import { encodeSyncMessage, encodeSyncStep1, SYNC } from "@/server/sync/protocol";

function open(url: string, cookie: string): Promise<WebSocket> {
  const ws = new WebSocket(url, { headers: { cookie } });
  ws.on("error", () => undefined);
  return new Promise((resolve) =>
    ws.once("open", () => {
      ws.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
      resolve(ws);
    }),
  );
}

/** A client that stops reading must not make the server buffer without end. */
describe("slow readers", () => {
  let server: TestServer;
  let moderator: HttpClient;
  let chapterDoc: string;

  beforeAll(async () => {
    server = await startTestServer({
      env: {
        SYNC_MAX_BUFFERED_BYTES: String(256 * 1024),
        SYNC_MAX_DOC_BYTES: String(64 * 1024 * 1024),
        SYNC_BYTE_BURST: String(64 * 1024 * 1024),
      },
    });
    moderator = await signedIn(server.url, DEMO.moderator);
    const demo = await demoConcept(moderator);
    const chapters = (await (
      await moderator.fetch(`/api/concepts/${demo.conceptId}/chapters`)
    ).json()) as Array<{ doc: string }>;
    chapterDoc = chapters[0]!.doc;
  });

  afterAll(async () => {
    expect(await server.stop()).toBe(0);
  });

  it("closes a client whose unread data fills the send buffer, and goes on serving the others", async () => {
    const url = syncUrl(server.url, chapterDoc);
    const reader = await open(url, moderator.cookieHeader);
    // The reader stops reading: what the server sends piles up in the kernel, then in `ws`.
    reader.pause();
    const metrics = async () =>
      (await (await moderator.fetch("/api/metrics")).json()) as {
        closedByServer: Record<string, number>;
        updatesPersisted: number;
      };
    const closedByServer = async () =>
      (await metrics()).closedByServer[CLOSE_CODES.slowConsumer] ?? 0;
    const writer = await open(url, moderator.cookieHeader);
    for (let n = 0; n < 16 && (await closedByServer()) === 0; n++) {
      const doc = new Y.Doc();
      // Chapter content lives in the fragment "default"; other roots are refused.
      doc
        .getXmlFragment(CHAPTER_FRAGMENT)
        .insert(0, [new Y.XmlText(String(n % 10).repeat(1_500_000))]);
      const persisted = (await metrics()).updatesPersisted;
      writer.send(encodeSyncMessage(SYNC.update, Y.encodeStateAsUpdate(doc)));
      await until(async () => (await metrics()).updatesPersisted > persisted, 20_000, "stored");
    }
    await until(async () => (await closedByServer()) >= 1, 10_000, "slow reader closed");
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect(writer.readyState).toBe(WebSocket.OPEN);
    writer.close();
    reader.terminate();
  });
});
