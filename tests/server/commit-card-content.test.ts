import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addCard, addLane, cardsOf, getCard } from "@/lib/board/board-doc";
import { DEMO, demoConcept, joinAsGuest, memberUserId, signedIn } from "../support/demo-fixture";
import type { HttpClient } from "../support/http-client";
import { connectSyncClient, until, type SyncClient } from "../support/sync-client";
import { startTestServer, type TestServer } from "../support/test-server";

/**
 * The commit re-checks board cards against the concept store's schema: a card a modified client
 * wrote with an unknown status or an oversized title is refused with 400 naming the card and the
 * field, never a 500 and never stored.
 */
describe("committing cards with content the concept cannot take", () => {
  let server: TestServer;
  let moderator: HttpClient;
  let guest: { cookie: string; author: { id: string; name: string } };
  let conceptId: string;
  let workshopId: string;
  let boardDoc: string;
  const clients: SyncClient[] = [];

  function open(cookie: string) {
    const c = connectSyncClient({ baseUrl: server.url, docName: boardDoc, cookie });
    clients.push(c);
    return c;
  }

  const commit = (cardIds: string[], baseRevision?: number) =>
    moderator.fetch(`/api/workshops/${workshopId}/commit`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.url },
      body: JSON.stringify({ cardIds, message: "AG Sprache", baseRevision }),
    });

  async function currentRevision() {
    const revisions = (await (
      await moderator.fetch(`/api/concepts/${conceptId}/revisions`)
    ).json()) as Array<{ number: number }>;
    return revisions[0]?.number ?? 0;
  }

  beforeAll(async () => {
    server = await startTestServer();
    moderator = await signedIn(server.url, DEMO.moderator);
    const demo = await demoConcept(moderator);
    conceptId = demo.conceptId;
    workshopId = demo.workshops[0]!.id;
    boardDoc = demo.workshops[0]!.boardDoc;
    const joined = await joinAsGuest(moderator, { workshopId, displayName: "Amira" });
    guest = { cookie: joined.client.cookieHeader, author: { id: joined.guestId, name: "Amira" } };
    const moderatorId = await memberUserId(moderator, conceptId, DEMO.moderator);
    const content = (await (await moderator.fetch(`/api/concepts/${conceptId}`)).json()) as {
      fields: Array<{ id: string }>;
    };

    // The moderator lays out a lane for the first field with a goal card.
    const mod = open(moderator.cookieHeader);
    await mod.synced;
    addLane(mod.doc, { title: "1 Sprache", fieldId: content.fields[0]!.id }, { id: "lane-1" });
    addCard(
      mod.doc,
      {
        laneId: "lane-1",
        kind: "goal",
        text: "Sprachförderung für alle",
        author: { id: moderatorId, name: "Koordinierungsstelle MuT" },
      },
      { id: "goal-1" },
    );
    await until(() => getCard(mod.doc, "goal-1") !== undefined);
  }, 120_000);

  afterAll(async () => {
    for (const c of clients) c.destroy();
    expect(await server.stop()).toBe(0);
  });

  /**
   * A guest's raw client writes a measure card straight into the doc, past the accessors.
   * Resolves true once the server stored it (another client sees it), false if the sync server's
   * board rules refused it.
   */
  async function guestWritesMeasure(id: string, text: string, measure: unknown) {
    const writer = open(guest.cookie);
    await writer.synced;
    await until(() => getCard(writer.doc, "goal-1") !== undefined, 10_000, "the goal card");
    writer.doc.transact(() => {
      const card = new Y.Map<unknown>();
      card.set("id", id);
      card.set("laneId", "lane-1");
      card.set("position", "a5");
      card.set("kind", "measure");
      card.set("text", new Y.Text(text));
      card.set("colour", "yellow");
      card.set("author", guest.author);
      card.set("clusterId", null);
      card.set("goalCardId", "goal-1");
      card.set("measure", measure);
      card.set("createdAt", Date.now());
      cardsOf(writer.doc).set(id, card);
    });
    const witness = open(moderator.cookieHeader);
    await witness.synced;
    return until(() => getCard(witness.doc, id) !== undefined, 5_000).then(
      () => true,
      () => false,
    );
  }

  /**
   * Whichever layer stops a bad card, the sync server's board rules or the commit: a 400, never
   * a 500, and no revision. A stored card is named with its field.
   */
  async function expectRefused(cardId: string, stored: boolean, problems: Record<string, string>) {
    const base = await currentRevision();
    const response = await commit(["goal-1", cardId], base);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(
      stored
        ? {
            error: "bad_request:card",
            fields: { [cardId]: problems.title ? "title_too_long" : "invalid_content" },
            cards: { [cardId]: problems },
          }
        : { error: "bad_request:commit", fields: { cardIds: "unknown_card" } },
    );
    expect(await currentRevision()).toBe(base);
  }

  it("refuses an unknown measure status with 400 naming the card and the field", async () => {
    const stored = await guestWritesMeasure("measure-bogus", "Lernpaten", {
      responsibilities: [],
      target: "",
      timeframe: "",
      priority: null,
      status: "bogus",
    });
    await expectRefused("measure-bogus", stored, { status: "invalid_choice" });
  });

  it("refuses a 200,000-character title and stores nothing of it", async () => {
    const stored = await guestWritesMeasure("measure-huge", "x".repeat(200_000), null);
    await expectRefused("measure-huge", stored, { title: "too_long" });
    const catalogue = await (await moderator.fetch(`/api/concepts/${conceptId}/measures`)).text();
    expect(catalogue).not.toContain("x".repeat(301));
  });

  it("refuses a measure title longer than the store's 300 characters, which the board allows", async () => {
    // Within the board's card limit (1,000), so every version of the sync server stores it.
    expect(await guestWritesMeasure("measure-long", "Sprachcafé ".repeat(50), null)).toBe(true);
    const base = await currentRevision();
    const response = await commit(["goal-1", "measure-long"], base);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: "bad_request:card",
      cards: { "measure-long": { title: "too_long" } },
    });
    // The valid cards of the board still commit.
    const ok = await commit(["goal-1"], base);
    expect(ok.status).toBe(201);
    expect(await currentRevision()).toBe(base + 1);
  });
});
