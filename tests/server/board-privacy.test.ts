import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addCard, addLane, getCards } from "@/lib/board/board-doc";
import {
  getControlState,
  revealVotes,
  setLocked,
  setPrivateMode,
  startVotingRound,
} from "@/lib/board/board-control";
import { addPrivateCard, castDot, getPrivateCards } from "@/lib/board/private-scope";
import { formatDocName } from "@/lib/sync/doc-names";
import { identityOf } from "../support/board-cards";
import { DEMO, demoConcept, joinAsGuest, signedIn } from "../support/demo-fixture";
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

/** Every Yjs client id that wrote into a document. */
const writers = (doc: Y.Doc) =>
  new Set(Y.decodeUpdate(Y.encodeStateAsUpdate(doc)).structs.map((s) => s.id.client));

/**
 * Private writing, anonymous cards and hidden dot votes, seen from raw y-websocket clients: what
 * a participant's browser (or a modified client) receives, not what the UI shows.
 */
describe("board privacy", () => {
  let server: TestServer;
  let moderator: HttpClient;
  let workshopId: string;
  let laneId: string;
  const clients: SyncClient[] = [];
  const docs = {} as Record<"board" | "control", string>;
  const people = {} as Record<"anna" | "ben", { cookie: string; guestId: string; scope: string }>;

  function open(docName: string, cookie: string) {
    const c = connectSyncClient({ baseUrl: server.url, docName, cookie });
    clients.push(c);
    return c;
  }

  /** Clients of one participant on the board, the control document and their private scope. */
  async function participant(name: "anna" | "ben") {
    const { cookie, scope } = people[name];
    const views = {
      board: open(docs.board, cookie),
      control: open(docs.control, cookie),
      scope: open(scope, cookie),
    };
    await Promise.all(Object.values(views).map((c) => c.synced));
    return views;
  }

  /** Resolves once the server has handled everything `c` sent before (messages are in order). */
  async function handled(c: SyncClient, observer: SyncClient) {
    const marker = crypto.randomUUID();
    c.provider.awareness.setLocalStateField("marker", marker);
    await until(
      () => observer.provider.awareness.getStates().get(c.doc.clientID)?.marker === marker,
      5_000,
      "marker seen",
    );
  }

  beforeAll(async () => {
    server = await startTestServer();
    moderator = await signedIn(server.url, DEMO.moderator);
    workshopId = (await demoConcept(moderator)).workshops[0]!.id;
    docs.board = formatDocName({ kind: "board", id: workshopId });
    docs.control = formatDocName({ kind: "board-control", id: workshopId });
    for (const [key, displayName] of [
      ["anna", "Anna Aydın"],
      ["ben", "Ben Petersen"],
    ] as const) {
      const { client, guestId } = await joinAsGuest(moderator, { workshopId, displayName });
      people[key] = {
        cookie: client.cookieHeader,
        guestId,
        scope: formatDocName({ kind: "board-private", id: workshopId, owner: `guest.${guestId}` }),
      };
    }
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    expect(await server.stop()).toBe(0);
  });

  it("opens a private scope to its owner only, not to other participants or the moderator", async () => {
    const url = syncUrl(server.url, people.anna.scope);
    expect(await upgradeStatus(url, { headers: { cookie: people.anna.cookie } })).toBe(101);
    expect(await upgradeStatus(url, { headers: { cookie: people.ben.cookie } })).toBe(403);
    expect(await upgradeStatus(url, { headers: { cookie: moderator.cookieHeader } })).toBe(403);
  });

  it("keeps cards written in private mode from everyone else until the reveal", async () => {
    const facilitator = {
      board: open(docs.board, moderator.cookieHeader),
      control: open(docs.control, moderator.cookieHeader),
    };
    await Promise.all([facilitator.board.synced, facilitator.control.synced]);
    laneId = addLane(facilitator.board.doc, { title: "Ideen" }).id;
    setPrivateMode(facilitator.control.doc, true);
    const anna = await participant("anna");
    const ben = await participant("ben");
    await until(() => getControlState(anna.control.doc).privateMode, 5_000, "private mode");

    const secret = "Patenschaften für Neuzugewanderte im Sportverein";
    const card = addPrivateCard(anna.scope.doc, {
      laneId,
      text: secret,
      author: { id: people.anna.guestId, name: "Anna Aydın" },
      anonymous: false,
    });
    // The server holds it: a second connection of Anna's gets it back.
    const annaElsewhere = open(people.anna.scope, people.anna.cookie);
    await until(
      () => getPrivateCards(annaElsewhere.doc).some((c) => c.text === secret),
      5_000,
      "card stored",
    );
    await handled(ben.board, facilitator.board);
    for (const doc of [ben.board.doc, ben.control.doc, ben.scope.doc, facilitator.board.doc])
      expect(visibleText(doc)).not.toContain(secret);

    setPrivateMode(facilitator.control.doc, false);
    await until(() => getCards(ben.board.doc).some((c) => c.id === card.id), 5_000, "revealed");
    const revealed = getCards(ben.board.doc).find((c) => c.id === card.id)!;
    expect(revealed).toMatchObject({ text: secret, laneId, author: { name: "Anna Aydın" } });
    await until(() => getPrivateCards(anna.scope.doc).length === 0, 5_000, "scope emptied");
  });

  it("puts anonymous cards on the board with no trace of their author", async () => {
    const anna = await participant("anna");
    const ben = await participant("ben");
    const text = "Bei Behördengängen fühle ich mich nicht ernst genommen";
    const mentionsOfAnna = () =>
      ["Anna", people.anna.guestId].map((s) => visibleText(ben.board.doc).split(s).length);
    const before = mentionsOfAnna();
    addPrivateCard(anna.scope.doc, {
      laneId,
      text,
      author: { id: people.anna.guestId, name: "Anna Aydın" },
      anonymous: true,
    });
    await until(() => getCards(ben.board.doc).some((c) => c.text === text), 5_000, "published");

    expect(getCards(ben.board.doc).find((c) => c.text === text)!.author).toBeNull();
    // Her name and id appear on the board no more often than before (her earlier, signed card).
    expect(mentionsOfAnna()).toEqual(before);
    // Nor can Ben match Yjs client ids: none of Anna's documents wrote anything on the board.
    const written = writers(ben.board.doc);
    for (const doc of [anna.board.doc, anna.scope.doc, anna.control.doc])
      expect(written.has(doc.clientID)).toBe(false);
  });

  it("hides everyone's dots until the facilitator reveals the count", async () => {
    const facilitator = open(docs.control, moderator.cookieHeader);
    await facilitator.synced;
    const anna = await participant("anna");
    const ben = await participant("ben");
    const [first, second] = getCards(ben.board.doc);
    startVotingRound(facilitator.doc, { budget: 3, allowMultiple: true });
    await until(() => getControlState(anna.control.doc).voting.status === "open", 5_000, "open");
    const voting = getControlState(anna.control.doc).voting;
    castDot(anna.scope.doc, { voting, cardId: first!.id, delta: 1 });
    castDot(anna.scope.doc, { voting, cardId: first!.id, delta: 1 });
    castDot(ben.scope.doc, { voting, cardId: second!.id, delta: 1 });
    await handled(anna.scope, open(people.anna.scope, people.anna.cookie));
    await handled(ben.scope, open(people.ben.scope, people.ben.cookie));

    for (const doc of [ben.board.doc, ben.control.doc, ben.scope.doc])
      expect(visibleText(doc)).not.toContain(`${voting.round}|${first!.id}`);
    expect(getControlState(ben.control.doc).results).toBeNull();

    revealVotes(facilitator.doc);
    await until(() => getControlState(ben.control.doc).results !== null, 5_000, "results");
    expect(getControlState(ben.control.doc).results).toEqual({
      round: voting.round,
      totals: { [first!.id]: 2, [second!.id]: 1 },
      voters: 2,
    });
  });

  it("drops participants' writes while the board is locked, but not the moderator's", async () => {
    const facilitator = {
      board: open(docs.board, moderator.cookieHeader),
      control: open(docs.control, moderator.cookieHeader),
    };
    await Promise.all([facilitator.board.synced, facilitator.control.synced]);
    const ben = await participant("ben");
    setLocked(facilitator.control.doc, true);
    await until(() => getControlState(ben.control.doc).locked, 5_000, "locked");

    const asBen = { id: people.ben.guestId, name: "Ben Petersen" };
    addCard(ben.board.doc, { laneId, text: "Während der Sperre", author: asBen });
    addPrivateCard(ben.scope.doc, {
      laneId,
      text: "Privat während der Sperre",
      author: asBen,
      anonymous: false,
    });
    addCard(facilitator.board.doc, {
      laneId,
      text: "Zusammenfassung der Moderation",
      author: await identityOf(moderator),
    });
    await handled(ben.board, facilitator.board);
    await until(
      () => getCards(ben.board.doc).some((c) => c.text === "Zusammenfassung der Moderation"),
      5_000,
      "moderator's card",
    );
    const fresh = open(docs.board, moderator.cookieHeader);
    const freshScope = open(people.ben.scope, people.ben.cookie);
    await Promise.all([fresh.synced, freshScope.synced]);
    await until(
      () => getCards(fresh.doc).some((c) => c.text === "Zusammenfassung der Moderation"),
      5_000,
      "fresh synced",
    );
    expect(getCards(fresh.doc).map((c) => c.text)).not.toContain("Während der Sperre");
    expect(getPrivateCards(freshScope.doc)).toHaveLength(0);

    // Once unlocked, Ben's client is made to sync again: what it wrote during the lock (a race
    // an honest client only loses by a keystroke) arrives now instead of blocking later edits.
    setLocked(facilitator.control.doc, false);
    await until(() => !getControlState(ben.control.doc).locked, 5_000, "unlocked");
    addCard(ben.board.doc, { laneId, text: "Nach der Sperre", author: asBen });
    await until(
      () =>
        ["Nach der Sperre", "Während der Sperre", "Privat während der Sperre"].every((text) =>
          getCards(facilitator.board.doc).some((c) => c.text === text),
        ),
      10_000,
      "writes after unlock",
    );
  });
});
