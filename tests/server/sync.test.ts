import { CHAPTER_FRAGMENT } from "@/lib/chapter/extensions";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { mintSyncToken } from "@/lib/sync/sync-token";
import { CLOSE_CODES } from "@/lib/sync/close-codes";
import {
  createConceptViaAction,
  createWorkshopViaAction,
  DEMO,
  demoConcept,
  fetchSyncToken,
  memberAction,
  memberUserId,
  signedIn,
} from "../support/demo-fixture";
import { HttpClient } from "../support/http-client";
import { cardText, identityOf, putCard } from "../support/board-cards";
import type { CardAuthor } from "@/lib/board/board-schema";
import { addLane, cardsOf } from "@/lib/board/board-doc";
import {
  connectSyncClient,
  syncUrl,
  until,
  upgradeStatus,
  type SyncClient,
} from "../support/sync-client";
import { startTestServer, TEST_AUTH_SECRET, type TestServer } from "../support/test-server";

// Tokens minted in this process must be signed with the server's secret.
process.env.AUTH_SECRET = TEST_AUTH_SECRET;

describe("sync server", () => {
  let server: TestServer;
  let moderator: HttpClient;
  let editor: HttpClient;
  let viewer: HttpClient;
  let board: string;
  let otherBoard: string;
  let chapterDoc: string;
  let chapterUrl: string;
  let foreignBoard: string;
  const as: Record<"moderator" | "editor" | "viewer", CardAuthor> = {} as never;
  const clients: SyncClient[] = [];

  function client(options: Omit<Parameters<typeof connectSyncClient>[0], "baseUrl">) {
    const c = connectSyncClient({ baseUrl: server.url, ...options });
    clients.push(c);
    return c;
  }

  beforeAll(async () => {
    server = await startTestServer({
      env: { SYNC_KEEPALIVE_MS: "300", SYNC_MAX_FRAME_BYTES: "65536" },
    });
    [moderator, editor, viewer] = await Promise.all([
      signedIn(server.url, DEMO.moderator),
      signedIn(server.url, DEMO.editor),
      signedIn(server.url, DEMO.viewer),
    ]);
    const [m, e, v] = await Promise.all([moderator, editor, viewer].map(identityOf));
    Object.assign(as, { moderator: m, editor: e, viewer: v });
    const demo = await demoConcept(moderator);
    board = demo.workshops[0]!.boardDoc;
    otherBoard = demo.workshops[1]!.boardDoc;
    const chapters = (await (
      await moderator.fetch(`/api/concepts/${demo.conceptId}/chapters`)
    ).json()) as Array<{ id: string; doc: string }>;
    chapterDoc = chapters[0]!.doc;
    chapterUrl = `/api/concepts/${demo.conceptId}/chapters/${chapters[0]!.id}`;

    // A second concept with a workshop, of which the editor is not a member.
    const foreignConcept = await createConceptViaAction(moderator, {
      title: "Integrationskonzept Nachbarort",
      template: "blank",
    });
    await createWorkshopViaAction(moderator, { conceptId: foreignConcept, title: "Auftakt" });
    const foreign = (await (
      await moderator.fetch(`/api/concepts/${foreignConcept}/workshops`)
    ).json()) as Array<{ boardDoc: string }>;
    foreignBoard = foreign[0]!.boardDoc;
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    expect(await server.stop()).toBe(0);
  });

  it("lets two clients converge", async () => {
    const a = client({ docName: board, cookie: moderator.cookieHeader });
    const b = client({ docName: board, cookie: editor.cookieHeader });
    await Promise.all([a.synced, b.synced]);
    putCard(a.doc, as.moderator, "a", "Sprachcafé im Stadtteilzentrum");
    putCard(b.doc, as.editor, "b", "Willkommensmappe mehrsprachig");
    await until(
      () => cardsOf(a.doc).size === 2 && cardsOf(b.doc).size === 2,
      10_000,
      "two cards on both",
    );
    expect(cardsOf(a.doc).toJSON()).toEqual(cardsOf(b.doc).toJSON());
  });

  it("lets 20 clients converge", async () => {
    const many = Array.from({ length: 20 }, () =>
      client({ docName: otherBoard, cookie: moderator.cookieHeader }),
    );
    await Promise.all(many.map((c) => c.synced));
    many.forEach((c, i) => putCard(c.doc, as.moderator, `idea-${i}`, `Idee ${i}`));
    // This board holds the demo's cards too; only the ideas written here count.
    const state = (c: SyncClient) =>
      [...cardsOf(c.doc).entries()]
        .filter(([id]) => id.startsWith("idea-"))
        .map(([id, card]) => [id, card.toJSON()])
        .sort();
    await until(() => many.every((c) => state(c).length === 20), 20_000, "20 ideas everywhere");
    const first = state(many[0]!);
    for (const c of many) expect(state(c)).toEqual(first);
  });

  describe("authentication during the upgrade", () => {
    it("refuses anonymous connections with 401 and unknown documents with 404", async () => {
      expect(await upgradeStatus(syncUrl(server.url, board))).toBe(401);
      expect(
        await upgradeStatus(syncUrl(server.url, `board:${crypto.randomUUID()}`), {
          headers: { cookie: moderator.cookieHeader },
        }),
      ).toBe(404);
      expect(
        await upgradeStatus(syncUrl(server.url, "whiteboard:xyz"), {
          headers: { cookie: moderator.cookieHeader },
        }),
      ).toBe(404);
    });

    it("refuses a member of another concept with 403", async () => {
      expect(
        await upgradeStatus(syncUrl(server.url, foreignBoard), {
          headers: { cookie: editor.cookieHeader },
        }),
      ).toBe(403);
      expect((await fetchSyncToken(editor, foreignBoard)).status).toBe(403);
    });

    it("accepts viewers, editors and moderators, with the right access", async () => {
      for (const [user, access] of [
        [viewer, "read"],
        [editor, "write"],
        [moderator, "write"],
      ] as const) {
        expect(
          await upgradeStatus(syncUrl(server.url, board), {
            headers: { cookie: user.cookieHeader },
          }),
        ).toBe(101);
        expect((await fetchSyncToken(user, board)).body.access).toBe(access);
      }
    });

    it("refuses cookie-authenticated upgrades from another site's page", async () => {
      expect(
        await upgradeStatus(syncUrl(server.url, board), {
          headers: { cookie: moderator.cookieHeader, origin: "https://evil.example" },
        }),
      ).toBe(403);
    });

    it("accepts a sync token in the query or as subprotocol, and refuses one for another document", async () => {
      const { body } = await fetchSyncToken(editor, board);
      expect(await upgradeStatus(syncUrl(server.url, board, `?token=${body.token}`))).toBe(101);
      expect(await upgradeStatus(syncUrl(server.url, board), { protocols: [body.token!] })).toBe(
        101,
      );
      expect(await upgradeStatus(syncUrl(server.url, otherBoard, `?token=${body.token}`))).toBe(
        403,
      );
      expect(await upgradeStatus(syncUrl(server.url, board, "?token=not-a-token"))).toBe(401);
      const viaProtocol = client({ docName: board, token: body.token, tokenAsProtocol: true });
      await viaProtocol.synced;
    });

    it("refuses an expired token with 401", async () => {
      const expired = await mintSyncToken({
        docName: board,
        access: "write",
        principal: { kind: "user", userId: crypto.randomUUID() },
        now: new Date(Date.now() - 3600_000),
      });
      expect(await upgradeStatus(syncUrl(server.url, board, `?token=${expired}`))).toBe(401);
    });

    it("lets a guest reach only the board of the workshop they were invited to", async () => {
      const workshopId = board.split(":")[1]!;
      const invite = await moderator.fetch(`/api/workshops/${workshopId}/invites`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ role: "participant", expiresInHours: 2 }),
      });
      expect(invite.status).toBe(201);
      const { token } = (await invite.json()) as { token: string };
      const guest = new HttpClient(server.url);
      const joined = await guest.fetch(`/api/invites/${token}/join`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          displayName: "Amira (Kulturverein)",
          organisationKind: "migrant_organisation",
        }),
      });
      expect(joined.status).toBe(201);
      expect(
        await upgradeStatus(syncUrl(server.url, board), {
          headers: { cookie: guest.cookieHeader },
        }),
      ).toBe(101);
      expect((await fetchSyncToken(guest, board)).body.access).toBe("write");
      expect(
        await upgradeStatus(syncUrl(server.url, otherBoard), {
          headers: { cookie: guest.cookieHeader },
        }),
      ).toBe(403);
      expect(
        await upgradeStatus(syncUrl(server.url, chapterDoc), {
          headers: { cookie: guest.cookieHeader },
        }),
      ).toBe(403);
      // A guest has no account: the concept pages stay closed.
      expect((await guest.fetch("/")).status).toBe(307);

      const bad = await guest.fetch(`/api/invites/${token}/join`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ displayName: "" }),
      });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toEqual({
        error: "bad_request:input",
        fields: { displayName: "required" },
      });
    });
  });

  it("drops a viewer's writes, tells the viewer, and still serves them the document", async () => {
    const writer = client({ docName: board, cookie: moderator.cookieHeader });
    const reader = client({ docName: board, cookie: viewer.cookieHeader });
    await Promise.all([writer.synced, reader.synced]);
    await until(() => reader.permissionDenied.length > 0, 5_000, "permission message");
    expect(reader.permissionDenied).toEqual(["read-only"]);

    putCard(reader.doc, as.viewer, "viewer", "vom Rat eingefügt");
    putCard(writer.doc, as.moderator, "after", "von der Moderation");
    await until(
      () => cardText(reader.doc, "after") === "von der Moderation",
      5_000,
      "moderator's card at viewer",
    );
    const fresh = client({ docName: board, cookie: editor.cookieHeader });
    await fresh.synced;
    await until(() => cardsOf(fresh.doc).has("after"), 5_000, "fresh client synced");
    expect(cardsOf(fresh.doc).has("viewer")).toBe(false);
    expect(cardsOf(writer.doc).has("viewer")).toBe(false);
  });

  it("refuses facilitator changes from anyone but moderators", async () => {
    const control = board.replace("board:", "board-control:");
    const facilitator = client({ docName: control, cookie: moderator.cookieHeader });
    const participantClient = client({ docName: control, cookie: editor.cookieHeader });
    await Promise.all([facilitator.synced, participantClient.synced]);
    await until(() => participantClient.permissionDenied.length > 0, 5_000, "permission message");
    participantClient.doc.getMap("control").set("locked", true);
    facilitator.doc.getMap("control").set("phase", "Priorisierung");
    await until(
      () => participantClient.doc.getMap("control").get("phase") === "Priorisierung",
      5_000,
      "phase reaches participant",
    );
    const fresh = client({ docName: control, cookie: viewer.cookieHeader });
    await fresh.synced;
    await until(
      () => fresh.doc.getMap("control").get("phase") === "Priorisierung",
      5_000,
      "fresh client synced",
    );
    expect(fresh.doc.getMap("control").get("locked")).toBeUndefined();
    expect(facilitator.doc.getMap("control").get("locked")).toBeUndefined();
  });

  /** A new concept with one workshop, the demo editor as an editor, both on its board. */
  async function editorOnNewBoard(title: string) {
    const conceptId = await createConceptViaAction(moderator, { title, template: "blank" });
    await createWorkshopViaAction(moderator, { conceptId, title: "AG Teilhabe" });
    const [workshop] = (await (
      await moderator.fetch(`/api/concepts/${conceptId}/workshops`)
    ).json()) as Array<{ boardDoc: string }>;
    const boardDoc = workshop!.boardDoc;
    await memberAction(moderator, conceptId, "addMemberAction", {
      email: DEMO.editor,
      role: "editor",
    });
    const editorId = await memberUserId(moderator, conceptId, DEMO.editor);
    const watcher = client({ docName: boardDoc, cookie: moderator.cookieHeader });
    const member = client({ docName: boardDoc, cookie: editor.cookieHeader });
    await Promise.all([watcher.synced, member.synced]);
    return { conceptId, boardDoc, editorId, watcher, member };
  }

  it("closes a removed member's socket and makes a demoted member read-only at once", async () => {
    const { conceptId, boardDoc, editorId, watcher, member } = await editorOnNewBoard(
      "Integrationskonzept Mitgliedschaften",
    );
    putCard(member.doc, as.editor, "as-editor", "Barrierefreie Sitzungsunterlagen");
    await until(() => cardsOf(watcher.doc).has("as-editor"), 5_000, "editor's write");

    await memberAction(moderator, conceptId, "changeMemberRoleAction", {
      userId: editorId,
      role: "viewer",
    });
    await until(() => member.permissionDenied.includes("read-only"), 5_000, "told read-only");
    putCard(member.doc, as.editor, "as-viewer", "nach der Herabstufung");
    putCard(watcher.doc, as.moderator, "marker", "after");
    await until(() => cardsOf(member.doc).has("marker"), 5_000, "marker");
    const fresh = client({ docName: boardDoc, cookie: moderator.cookieHeader });
    await until(() => cardsOf(fresh.doc).has("marker"), 5_000, "fresh synced");
    expect(cardsOf(fresh.doc).has("as-viewer")).toBe(false);

    await memberAction(moderator, conceptId, "removeMemberAction", { userId: editorId });
    expect((await member.closed).code).toBe(CLOSE_CODES.forbidden);
  });

  it("lets a member promoted to moderator mid-session moderate the board without reopening it", async () => {
    const { conceptId, boardDoc, editorId, watcher, member } = await editorOnNewBoard(
      "Integrationskonzept Rollenwechsel",
    );
    // As an editor, a lane (moderators' only) is refused.
    const probe = client({ docName: boardDoc, cookie: editor.cookieHeader });
    await probe.synced;
    addLane(probe.doc, { title: "vor der Beförderung" });
    await until(() => probe.permissionDenied.some((r) => r.startsWith("rejected:")), 5_000, "told");
    probe.destroy();
    const closes: number[] = [];
    member.provider.on("connection-close", (event) => {
      if (event) closes.push(event.code);
    });

    await memberAction(moderator, conceptId, "changeMemberRoleAction", {
      userId: editorId,
      role: "moderator",
    });
    // The server reconnects the member (4000), so the rules see the new role at once.
    await until(() => closes.includes(CLOSE_CODES.resync), 5_000, "reconnected for the role");
    await until(() => member.provider.wsconnected && member.provider.synced, 5_000, "reconnected");
    const lane = addLane(member.doc, { title: "nach der Beförderung" });
    await until(() => watcher.doc.getMap("lanes").has(lane.id), 5_000, "moderator's lane");
    expect([...watcher.doc.getMap("lanes").values()]).toHaveLength(1);
  });

  it("makes a chapter read-only for everyone the moment it is final, and writable when reopened", async () => {
    const setStatus = (as: HttpClient, body: unknown) =>
      as.fetch(chapterUrl, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const droppedSoFar = async () =>
      ((await (await moderator.fetch("/api/metrics")).json()) as { updatesDropped: number })
        .updatesDropped;
    const author = client({ docName: chapterDoc, cookie: editor.cookieHeader });
    const moderation = client({ docName: chapterDoc, cookie: moderator.cookieHeader });
    await Promise.all([author.synced, moderation.synced]);
    const authorCloses: number[] = [];
    author.provider.on("connection-close", (event) => {
      if (event) authorCloses.push(event.code);
    });

    expect((await setStatus(editor, { status: "final" })).status).toBe(403);
    const bad = await setStatus(moderator, { status: "beschlossen" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ fields: { status: "invalid_choice" } });

    const finalised = await setStatus(moderator, { status: "final" });
    expect(finalised.status).toBe(200);
    expect(await finalised.json()).toMatchObject({ status: "final" });
    await until(
      () =>
        author.permissionDenied.includes("read-only") &&
        moderation.permissionDenied.includes("read-only"),
      5_000,
      "both told read-only",
    );
    expect((await fetchSyncToken(moderator, chapterDoc)).body.access).toBe("read");
    const dropped = await droppedSoFar();
    addParagraph(author.doc, "Satz nach der Freigabe");
    await until(async () => (await droppedSoFar()) > dropped, 5_000, "write dropped");
    const reader = client({ docName: chapterDoc, cookie: moderator.cookieHeader });
    await reader.synced;
    expect(chapterText(reader.doc)).not.toContain("Satz nach der Freigabe");

    // Reopened: open connections reconnect and may write again; nothing written is lost.
    expect((await setStatus(moderator, { status: "draft" })).status).toBe(200);
    await until(() => authorCloses.includes(CLOSE_CODES.resync), 5_000, "told to reconnect");
    await until(
      () => chapterText(reader.doc).includes("Satz nach der Freigabe"),
      10_000,
      "write after reopening",
    );
  });

  it("removes a client's presence when it disconnects", async () => {
    const a = client({ docName: board, cookie: moderator.cookieHeader });
    const b = client({ docName: board, cookie: editor.cookieHeader });
    await Promise.all([a.synced, b.synced]);
    a.provider.awareness.setLocalStateField("user", { name: "Moderation" });
    const aId = a.doc.clientID;
    await until(
      () => b.provider.awareness.getStates().get(aId)?.user !== undefined,
      5_000,
      "presence arrives",
    );
    a.provider.disconnect();
    await until(() => !b.provider.awareness.getStates().has(aId), 5_000, "presence removed");
  });

  it("keeps idle clients alive with a message well inside their 30 s timeout", async () => {
    const ws = new WebSocket(syncUrl(server.url, board), {
      headers: { cookie: editor.cookieHeader },
    });
    const frames: Buffer[] = [];
    await new Promise((resolve) => ws.once("open", resolve));
    ws.on("message", (data) => frames.push(data as Buffer));
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const keepalives = frames.filter((f) => f.equals(Buffer.from([1, 1, 0])));
    expect(keepalives.length).toBeGreaterThanOrEqual(2);
    ws.close();
  });

  describe("limits and bad input", () => {
    /** A raw socket that asked for the document, as every y-websocket client does first. */
    function rawSocket(doc = board): Promise<WebSocket> {
      const ws = new WebSocket(syncUrl(server.url, doc), {
        headers: { cookie: editor.cookieHeader },
      });
      return new Promise((resolve, reject) => {
        ws.once("open", () => {
          ws.send(validFrames()[0]!);
          resolve(ws);
        });
        ws.once("error", reject);
      });
    }
    function closeCode(ws: WebSocket): Promise<number> {
      return new Promise((resolve) => ws.once("close", (code) => resolve(code)));
    }

    it("closes a socket that sends an oversized frame with 1009", async () => {
      const ws = await rawSocket();
      const closed = closeCode(ws);
      ws.send(Buffer.alloc(70_000, 1));
      expect(await closed).toBe(CLOSE_CODES.messageTooBig);
    });

    it("closes a socket that floods messages with 4429", async () => {
      const ws = await rawSocket();
      const closed = closeCode(ws);
      const queryAwareness = Buffer.from([3]);
      for (let i = 0; i < 3_000; i++) ws.send(queryAwareness);
      expect(await closed).toBe(CLOSE_CODES.rateLimited);
    });

    it("closes only the offending socket for malformed frames", async () => {
      const cases: Array<[string, Buffer | string]> = [
        ["unknown message type", Buffer.from([9, 0])],
        ["truncated varint", Buffer.from([0, 2, 0xff])],
        ["truncated update", Buffer.from([0, 2, 50, 1, 2, 3])],
        ["garbage update", Buffer.from([0, 2, 4, 0xff, 0xff, 0xff, 0xff])],
        ["unknown sync type", Buffer.from([0, 7, 0])],
        ["garbage state vector", Buffer.from([0, 0, 4, 0xff, 0xff, 0xff, 0xff])],
        ["state vector of huge counts", Buffer.from([0, 0, 3, 0x7f, 0x80, 0x80])],
        ["text frame", "hallo"],
      ];
      const bystander = client({ docName: board, cookie: moderator.cookieHeader });
      await bystander.synced;
      for (const [what, frame] of cases) {
        const ws = await rawSocket();
        const closed = closeCode(ws);
        ws.send(frame);
        expect(await closed, what).toBe(CLOSE_CODES.malformed);
      }
      putCard(bystander.doc, as.moderator, "still", "works");
      const check = client({ docName: board, cookie: editor.cookieHeader });
      await until(() => cardText(check.doc, "still") === "works", 5_000, "bystander still served");
    });

    it("survives thousands of random and mutated frames and keeps serving others", async () => {
      const valid = validFrames();
      let seed = 42;
      const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
      const frames: Buffer[] = [];
      for (let i = 0; i < 3_000; i++) {
        if (i % 2 === 0) {
          frames.push(
            Buffer.from(
              Array.from({ length: 1 + Math.floor(random() * 40) }, () =>
                Math.floor(random() * 256),
              ),
            ),
          );
        } else {
          const base = Buffer.from(valid[i % valid.length]!);
          for (let flips = 1 + Math.floor(random() * 3); flips > 0; flips--) {
            base[Math.floor(random() * base.length)] = Math.floor(random() * 256);
          }
          frames.push(random() < 0.3 ? base.subarray(0, Math.floor(random() * base.length)) : base);
        }
      }
      // Each frame is followed by a probe (query awareness): an answer means the frame was
      // accepted, a close means it was refused. Eight sockets work through the list in parallel.
      const fuzzDoc = otherBoard;
      let next = 0;
      const closes: number[] = [];
      let accepted = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          let ws: WebSocket | null = null;
          for (let frame = frames[next++]; frame; frame = frames[next++]) {
            ws ??= await rawSocket(fuzzDoc);
            const socket = ws;
            const outcome = await new Promise<number | "open">((resolve) => {
              const onClose = (code: number) => resolve(code);
              socket.once("close", onClose);
              socket.on("message", function onMessage(data: Buffer) {
                if (data[0] !== 1) return; // the probe's answer is an awareness message
                socket.off("message", onMessage);
                socket.off("close", onClose);
                resolve("open");
              });
              socket.send(frame);
              socket.send(Buffer.from([3]));
            });
            if (outcome === "open") accepted++;
            else {
              closes.push(outcome);
              ws = null;
            }
          }
          ws?.close();
        }),
      );
      expect(closes.length + accepted).toBe(frames.length);
      expect(closes.filter((c) => c === CLOSE_CODES.malformed).length).toBeGreaterThan(1_000);
      // Well-formed updates that break the board's rules are refused too (resync, then for good).
      const refusals: number[] = [
        CLOSE_CODES.malformed,
        CLOSE_CODES.rateLimited,
        CLOSE_CODES.resync,
        CLOSE_CODES.rulesBroken,
      ];
      expect(closes.filter((c) => !refusals.includes(c))).toEqual([]);
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200);
      const after = client({ docName: fuzzDoc, cookie: moderator.cookieHeader });
      await after.synced;
      putCard(after.doc, as.moderator, "after-fuzz", "ok");
      const other = client({ docName: fuzzDoc, cookie: editor.cookieHeader });
      await until(() => cardText(other.doc, "after-fuzz") === "ok", 10_000, "sync after fuzzing");
      expect(server.process.exitCode).toBeNull();
      // Rejected writes reconnect (4000) and re-authenticate: slower than before on a busy machine.
    }, 180_000);
  });

  it("reports per-process counters", async () => {
    const metrics = (await (await moderator.fetch("/api/metrics")).json()) as Record<
      string,
      unknown
    > & {
      persistLatency: { samples: number };
      updatesPersisted: number;
    };
    expect(metrics.docsLoaded).toBeGreaterThanOrEqual(1);
    expect(metrics.updatesPersisted).toBeGreaterThan(0);
    expect(metrics.persistLatency.samples).toBeGreaterThan(0);
    expect(metrics.updatesDropped).toBeGreaterThan(0);
  });
});

/** Well-formed y-websocket frames to mutate: sync step 1 and 2, an update, awareness. */
function validFrames(): Uint8Array[] {
  const doc = new Y.Doc();
  doc.getMap("cards").set("x", "Text für die Karte");
  doc.getArray("list").push(["a", "b", "c"]);
  const update = Y.encodeStateAsUpdate(doc);
  const frame = (write: (e: encoding.Encoder) => void) => {
    const e = encoding.createEncoder();
    write(e);
    return encoding.toUint8Array(e);
  };
  return [
    frame(
      (e) => (
        encoding.writeVarUint(e, 0),
        encoding.writeVarUint(e, 0),
        encoding.writeVarUint8Array(e, Y.encodeStateVector(doc))
      ),
    ),
    frame(
      (e) => (
        encoding.writeVarUint(e, 0),
        encoding.writeVarUint(e, 1),
        encoding.writeVarUint8Array(e, update)
      ),
    ),
    frame(
      (e) => (
        encoding.writeVarUint(e, 0),
        encoding.writeVarUint(e, 2),
        encoding.writeVarUint8Array(e, update)
      ),
    ),
    frame((e) => {
      encoding.writeVarUint(e, 1);
      const a = encoding.createEncoder();
      encoding.writeVarUint(a, 1);
      encoding.writeVarUint(a, 12345);
      encoding.writeVarUint(a, 1);
      encoding.writeVarString(a, JSON.stringify({ user: { name: "X" } }));
      encoding.writeVarUint8Array(e, encoding.toUint8Array(a));
    }),
  ];
}

/** A paragraph appended to a chapter's fragment, as an editor writes it. */
function addParagraph(doc: Y.Doc, text: string) {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(CHAPTER_FRAGMENT).push([paragraph]);
}

function chapterText(doc: Y.Doc): string {
  return doc.getXmlFragment(CHAPTER_FRAGMENT).toString();
}
