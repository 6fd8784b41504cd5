import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { SyncConnection, type SyncStatus } from "@/lib/sync/sync-connection";
import { DEMO, demoConcept, memberAction, memberUserId, signedIn } from "../support/demo-fixture";
import { HttpClient } from "../support/http-client";
import { until } from "../support/sync-client";
import { startTestServer, type TestServer } from "../support/test-server";

/** The browser-side connection, run in Node with a cookie, against the real server. */
describe("client connection states", () => {
  let server: TestServer;
  const connections: SyncConnection[] = [];

  function open(client: HttpClient, docName: string, known: { access?: "read" | "write" } = {}) {
    const asked: string[] = [];
    class CookieWebSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { cookie: client.cookieHeader } });
      }
    }
    const statuses: SyncStatus[] = [];
    const connection = new SyncConnection({
      baseUrl: server.url,
      docName,
      doc: new Y.Doc(),
      fetch: (url, init) => {
        asked.push(url);
        return client.fetch(url.replace(server.url, ""), init);
      },
      WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
      access: known.access,
    });
    connection.on("status", (status) => statuses.push(status));
    connections.push(connection);
    return { connection, statuses, asked };
  }

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    for (const c of connections) c.destroy();
    await server.stop();
  });

  it("does not even try to connect without a session, and says why", async () => {
    const moderator = await signedIn(server.url, DEMO.moderator);
    const board = (await demoConcept(moderator)).workshops[0]!.boardDoc;
    const { connection } = open(new HttpClient(server.url), board);
    await until(() => connection.status.state === "denied", 5_000, "denied");
    expect(connection.status).toEqual({ state: "denied", reason: "unauthorized" });
    expect(connection.provider).toBeNull();
  });

  it("connects and syncs, then stops for good with 'forbidden' once access is withdrawn", async () => {
    const moderator = await signedIn(server.url, DEMO.moderator);
    const editor = await signedIn(server.url, DEMO.editor);
    const { conceptId, workshops } = await demoConcept(moderator);
    const { connection, statuses } = open(editor, workshops[0]!.boardDoc);
    await until(
      () => connection.status.state === "connected" && connection.status.synced,
      10_000,
      "synced",
    );
    expect(connection.access).toBe("write");

    const editorId = await memberUserId(moderator, conceptId, DEMO.editor);
    await memberAction(moderator, conceptId, "removeMemberAction", { userId: editorId });

    // The server closes the socket (4403); the client says why and gives up.
    await until(() => connection.status.state === "denied", 10_000, "denied after removal");
    expect(connection.status).toEqual({ state: "denied", reason: "forbidden" });
    expect(connection.provider!.shouldConnect).toBe(false);
    const count = statuses.length;
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(statuses.length).toBe(count);
  });

  it("opens the socket at once when the page already knows the access, and still refuses a false claim", async () => {
    const moderator = await signedIn(server.url, DEMO.moderator);
    const { workshops } = await demoConcept(moderator);
    const board = workshops[0]!.boardDoc;

    const { connection, asked } = open(moderator, board, { access: "write" });
    await until(
      () => connection.status.state === "connected" && connection.status.synced,
      10_000,
      "synced",
    );
    expect(asked).toEqual([]);

    // A modified page that claims access it does not have: the upgrade is refused, the client
    // asks why and stops.
    const stranger = open(new HttpClient(server.url), board, { access: "write" });
    await until(() => stranger.connection.status.state === "denied", 10_000, "denied");
    expect(stranger.connection.status).toEqual({ state: "denied", reason: "unauthorized" });
    expect(stranger.asked).toHaveLength(1);
  });
});
