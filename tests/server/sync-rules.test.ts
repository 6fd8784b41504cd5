import { CHAPTER_FRAGMENT } from "@/lib/chapter/extensions";
import fs from "node:fs";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addCard, addLane, cardsOf, getCard, getCardText, removeCard } from "@/lib/board/board-doc";
import { getControlState, revealVotes, startVotingRound } from "@/lib/board/board-control";
import type { CardAuthor } from "@/lib/board/board-schema";
import { CLOSE_CODES } from "@/lib/sync/close-codes";
import { formatDocName } from "@/lib/sync/doc-names";
import { identityOf } from "../support/board-cards";
import { DEMO, demoConcept, fetchSyncToken, joinAsGuest, signedIn } from "../support/demo-fixture";
import type { HttpClient } from "../support/http-client";
import {
  connectSyncClient,
  syncUrl,
  until,
  upgradeStatus,
  visibleText,
  type SyncClient,
} from "../support/sync-client";
import { startTestServer, type TestServer } from "../support/test-server";
import {
  encodeAwarenessMessage,
  encodeSyncMessage,
  encodeSyncStep1,
  SYNC,
} from "@/server/sync/protocol";

function awarenessFrame(entries: Array<{ clientId: number; clock: number; state: unknown }>) {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(inner, clientId);
    encoding.writeVarUint(inner, clock);
    encoding.writeVarString(inner, JSON.stringify(state));
  }
  return encodeAwarenessMessage(encoding.toUint8Array(inner));
}

/** A raw socket that did the first step of the handshake, as a modified client would. */
function rawSocket(url: string, cookie: string): Promise<WebSocket> {
  const ws = new WebSocket(url, { headers: { cookie } });
  ws.on("error", () => undefined);
  return new Promise((resolve, reject) => {
    ws.once("open", () => {
      ws.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
      resolve(ws);
    });
    ws.once("unexpected-response", (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

const closeCode = (ws: WebSocket) =>
  new Promise<number>((resolve) => {
    if (ws.readyState === ws.CLOSED) resolve(-1);
    ws.once("close", (code) => resolve(code));
  });

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/**
 * The board's rules and the server's bounds, tried as an attacker would: raw y-websocket
 * clients of a guest, a viewer and the moderator, and raw sockets, against the real server.
 */
describe("sync rules and bounds", () => {
  let server: TestServer;
  let moderator: HttpClient;
  let viewer: HttpClient;
  let asModerator: CardAuthor;
  let workshopId: string;
  let board: string;
  let control: string;
  let chapterDoc: string;
  let laneId: string;
  const guests = {} as Record<
    "amira" | "jonas",
    { cookie: string; guestId: string; author: CardAuthor }
  >;
  const clients: SyncClient[] = [];

  function open(docName: string, cookie: string) {
    const c = connectSyncClient({ baseUrl: server.url, docName, cookie });
    clients.push(c);
    return c;
  }

  async function rejectedSoFar(): Promise<Record<string, number>> {
    const response = await moderator.fetch("/api/metrics");
    return ((await response.json()) as { updatesRejected: Record<string, number> }).updatesRejected;
  }

  beforeAll(async () => {
    server = await startTestServer({
      env: {
        SYNC_HANDSHAKE_TIMEOUT_MS: "1500",
        SYNC_MAX_DOC_BYTES: String(6 * 1024 * 1024),
        SYNC_MAX_SOCKETS_PER_TOKEN: "3",
      },
    });
    moderator = await signedIn(server.url, DEMO.moderator);
    viewer = await signedIn(server.url, DEMO.viewer);
    asModerator = await identityOf(moderator);
    const demo = await demoConcept(moderator);
    workshopId = demo.workshops[0]!.id;
    board = formatDocName({ kind: "board", id: workshopId });
    control = formatDocName({ kind: "board-control", id: workshopId });
    const chapters = (await (
      await moderator.fetch(`/api/concepts/${demo.conceptId}/chapters`)
    ).json()) as Array<{ doc: string }>;
    chapterDoc = chapters[0]!.doc;
    for (const [key, displayName] of [
      ["amira", "Amira Haddad"],
      ["jonas", "Jonas Weber"],
    ] as const) {
      const { client, guestId } = await joinAsGuest(moderator, { workshopId, displayName });
      guests[key] = {
        cookie: client.cookieHeader,
        guestId,
        author: { id: guestId, name: displayName },
      };
    }
    const facilitator = open(board, moderator.cookieHeader);
    await facilitator.synced;
    laneId = addLane(facilitator.doc, { title: "Stärken" }).id;
    const check = open(board, viewer.cookieHeader);
    await until(() => check.doc.getMap("lanes").has(laneId), 5_000, "lane stored");
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    expect(await server.stop()).toBe(0);
  });

  it("counts one ballot per person, however the private scope's name is spelt", async () => {
    const facilitator = {
      board: open(board, moderator.cookieHeader),
      control: open(control, moderator.cookieHeader),
    };
    await Promise.all([facilitator.board.synced, facilitator.control.synced]);
    const card = addCard(facilitator.board.doc, {
      laneId,
      text: "Sprachpaten",
      author: asModerator,
    });
    startVotingRound(facilitator.control.doc, { budget: 1, allowMultiple: false });
    const { guestId, cookie } = guests.amira;
    const spellings = [
      `board-private:${workshopId}:guest.${guestId}`,
      `board-private:${workshopId}:GUEST.${guestId}`,
      `board-private:${workshopId}:Guest.${guestId}`,
      `board-private:${workshopId}:guest.${guestId.toUpperCase()}`,
      `board-private:${workshopId.toUpperCase()}:guest.${guestId}`,
    ];
    const scopes = spellings.map((name) => open(name, cookie));
    await Promise.all(scopes.map((s) => s.synced));
    const round = getControlState(facilitator.control.doc).voting.round;
    // Each spelling places the one dot the budget allows.
    for (const scope of scopes) scope.doc.getMap("votes").set(`${round}|${card.id}`, 1);
    // All spellings are one document: each sees the others' writes.
    await until(
      () => scopes.every((s) => s.doc.getMap("votes").get(`${round}|${card.id}`) === 1),
      5_000,
      "one scope",
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    revealVotes(facilitator.control.doc);
    await until(
      () => getControlState(facilitator.control.doc).results?.round === round,
      10_000,
      "counted",
    );
    const results = getControlState(facilitator.control.doc).results!;
    expect(results.totals[card.id]).toBe(1);
    expect(results.voters).toBe(1);
  });

  it("sets authors on the server's terms: a forged author is dropped whole, told and resynced", async () => {
    const before = await rejectedSoFar();
    const amira = open(board, guests.amira.cookie);
    await amira.synced;
    const closes: number[] = [];
    amira.provider.on("connection-close", (event) => event && closes.push(event.code));
    addCard(
      amira.doc,
      { laneId, text: "Im Namen der Moderation", author: asModerator },
      { id: "forged" },
    );
    await until(
      () => amira.permissionDenied.includes("rejected:card_author_forged"),
      5_000,
      "told",
    );
    await until(() => closes.includes(CLOSE_CODES.resync), 5_000, "resynced");
    const fresh = open(board, viewer.cookieHeader);
    await fresh.synced;
    expect(cardsOf(fresh.doc).has("forged")).toBe(false);
    expect(visibleText(fresh.doc)).not.toContain("Im Namen der Moderation");
    const after = await rejectedSoFar();
    expect(
      (after.card_author_forged ?? 0) - (before.card_author_forged ?? 0),
    ).toBeGreaterThanOrEqual(1);
  });

  it("keeps another person's card: no author rewrite, no delete, no re-kind; text stays shared", async () => {
    const jonas = open(board, guests.jonas.cookie);
    await jonas.synced;
    addCard(
      jonas.doc,
      { laneId, text: "Elterncafé an der Grundschule", author: guests.jonas.author },
      { id: "jonas-card" },
    );
    const amira = open(board, guests.amira.cookie);
    await until(() => cardsOf(amira.doc).has("jonas-card"), 5_000, "card arrives");

    cardsOf(amira.doc).get("jonas-card")!.set("author", guests.amira.author);
    await until(
      () => amira.permissionDenied.includes("rejected:card_author_fixed"),
      5_000,
      "author",
    );
    const amira2 = open(board, guests.amira.cookie);
    await until(() => cardsOf(amira2.doc).has("jonas-card"), 5_000, "synced");
    removeCard(amira2.doc, "jonas-card");
    await until(
      () => amira2.permissionDenied.includes("rejected:card_delete_not_own"),
      5_000,
      "delete",
    );

    const amira3 = open(board, guests.amira.cookie);
    await until(() => cardsOf(amira3.doc).has("jonas-card"), 5_000, "synced");
    getCardText(amira3.doc, "jonas-card").insert(0, "Offenes ");
    const fresh = open(board, viewer.cookieHeader);
    await until(
      () => getCard(fresh.doc, "jonas-card")?.text === "Offenes Elterncafé an der Grundschule",
      5_000,
      "shared text edit",
    );
    expect(getCard(fresh.doc, "jonas-card")!.author).toEqual(guests.jonas.author);
    // The moderator may delete it.
    const facilitator = open(board, moderator.cookieHeader);
    await until(() => cardsOf(facilitator.doc).has("jonas-card"), 5_000, "synced");
    removeCard(facilitator.doc, "jonas-card");
    await until(() => !cardsOf(fresh.doc).has("jonas-card"), 5_000, "moderator deleted it");
  });

  it("refuses junk top-level types and lanes from participants, and stores none of it", async () => {
    const amira = open(board, guests.amira.cookie);
    await amira.synced;
    amira.doc.transact(() => {
      for (let i = 0; i < 1000; i++) amira.doc.getMap("junk").set(`key-${i}`, "Müll");
    });
    await until(
      () => amira.permissionDenied.some((m) => m.startsWith("rejected:unknown_root")),
      5_000,
      "junk",
    );
    const jonas = open(board, guests.jonas.cookie);
    await jonas.synced;
    addLane(jonas.doc, { title: "Meine eigene Spalte" });
    await until(
      () => jonas.permissionDenied.includes("rejected:lanes_moderators_only"),
      5_000,
      "lane",
    );
    const fresh = open(board, viewer.cookieHeader);
    await fresh.synced;
    expect(visibleText(fresh.doc)).not.toContain("key-999");
    expect(visibleText(fresh.doc)).not.toContain("Meine eigene Spalte");
  });

  it("closes for good a client that keeps breaking the rules", async () => {
    const jonas = open(board, guests.jonas.cookie);
    await jonas.synced;
    // The client keeps the forged card and sends it again on every reconnect.
    addCard(jonas.doc, { laneId, text: "immer wieder", author: asModerator });
    expect((await jonas.closed).code).toBe(CLOSE_CODES.rulesBroken);
  });

  it("ties presence to its sender: nobody renames or removes another person's presence", async () => {
    const facilitator = open(board, moderator.cookieHeader);
    await facilitator.synced;
    facilitator.provider.awareness.setLocalStateField("user", { name: "Koordinierungsstelle" });
    const id = facilitator.doc.clientID;
    const watcher = open(board, guests.amira.cookie);
    await until(
      () => watcher.provider.awareness.getStates().get(id)?.user !== undefined,
      5_000,
      "presence",
    );
    const shownName = watcher.provider.awareness.getStates().get(id)!.user.name as string;

    for (const cookie of [viewer.cookieHeader, guests.jonas.cookie]) {
      const ws = await rawSocket(syncUrl(server.url, board), cookie);
      ws.send(awarenessFrame([{ clientId: id, clock: 1_000, state: { user: { name: "EVIL" } } }]));
      ws.send(awarenessFrame([{ clientId: id, clock: 1_001, state: null }]));
      await new Promise((resolve) => setTimeout(resolve, 300));
      ws.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(watcher.provider.awareness.getStates().get(id)?.user?.name).toBe(shownName);
    // …and it shows the name the server knows, not the one the client set.
    expect(shownName).toBe(asModerator.name);
    // A participant's own presence carries the name the server knows.
    const jonas = open(board, guests.jonas.cookie);
    await jonas.synced;
    jonas.provider.awareness.setLocalStateField("user", { name: "Bürgermeisterin" });
    await until(
      () =>
        watcher.provider.awareness.getStates().get(jonas.doc.clientID)?.user?.name ===
        "Jonas Weber",
      5_000,
      "own name",
    );
  });

  it("caps sockets per token and closes sockets that never ask for the document", async () => {
    const { body } = await fetchSyncToken(moderator, board);
    const url = syncUrl(server.url, board, `?token=${body.token}`);
    const sockets: WebSocket[] = [];
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const ws = new WebSocket(url);
      ws.on("error", () => undefined);
      statuses.push(
        await new Promise<number>((resolve) => {
          ws.once("open", () => resolve(101));
          ws.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
        }),
      );
      sockets.push(ws);
    }
    expect(statuses.filter((s) => s === 101)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
    const codes = await Promise.all(
      sockets.filter((ws) => ws.readyState === ws.OPEN).map(closeCode),
    );
    expect(codes).toEqual(Array(3).fill(CLOSE_CODES.handshakeTimeout));
    // Once they are gone, the token opens a socket again.
    expect(await upgradeStatus(url)).toBe(101);
  });

  it("bounds what one writer can make the server hold: frames, bytes per second, document size", async () => {
    const baseline = rssMiB(server.process.pid!);
    // Frames over the default limit (2 MiB) close the socket before they are read whole.
    for (let i = 0; i < 6; i++) {
      const ws = await rawSocket(syncUrl(server.url, chapterDoc), moderator.cookieHeader);
      const closed = closeCode(ws);
      ws.send(Buffer.alloc(7 * 1024 * 1024, 7));
      expect(await closed).toBe(CLOSE_CODES.messageTooBig);
    }
    // Updates just under the frame limit, each a text of its own in the chapter's fragment.
    const big = (n: number) => {
      const doc = new Y.Doc();
      doc
        .getXmlFragment(CHAPTER_FRAGMENT)
        .insert(0, [new Y.XmlText(String(n % 10).repeat(1_900_000))]);
      return encodeSyncMessage(SYNC.update, Y.encodeStateAsUpdate(doc));
    };
    // The byte budget (4 MiB burst) closes a socket sending the third at once.
    const flooder = await rawSocket(syncUrl(server.url, chapterDoc), moderator.cookieHeader);
    const flooded = closeCode(flooder);
    for (let i = 1; i <= 3; i++) flooder.send(big(i));
    expect(await flooded).toBe(CLOSE_CODES.rateLimited);
    // One at a time, they are stored until the document would pass its cap (6 MiB here).
    const observer = open(chapterDoc, moderator.cookieHeader);
    await observer.synced;
    const codes: number[] = [];
    for (let n = 10; n < 15 && !codes.includes(CLOSE_CODES.documentTooLarge); n++) {
      const writer = await rawSocket(syncUrl(server.url, chapterDoc), moderator.cookieHeader);
      const closed = closeCode(writer);
      writer.send(big(n));
      const before = observer.doc.getXmlFragment(CHAPTER_FRAGMENT).length;
      const outcome = await Promise.race([
        closed,
        until(() => observer.doc.getXmlFragment(CHAPTER_FRAGMENT).length > before, 10_000).then(
          () => 0,
        ),
      ]);
      codes.push(outcome);
      writer.close();
    }
    expect(codes.at(-1)).toBe(CLOSE_CODES.documentTooLarge);
    expect(Y.encodeStateAsUpdate(observer.doc).length).toBeLessThan(6 * 1024 * 1024);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    // About 10 MB were stored in 1.9 MB rows (PGlite's WebAssembly memory grows for them, by
    // 340 MB measured); before, six 7 MB frames grew the embedded server by 700 MB and more.
    expect(rssMiB(server.process.pid!) - baseline).toBeLessThan(512);
  });
});
