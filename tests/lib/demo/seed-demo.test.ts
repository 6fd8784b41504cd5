import { asc, desc, eq } from "drizzle-orm";
import { conceptItemsOf } from "@/lib/chapter/concept-item-view";
import { chapterJSONOfState, renderChapterText } from "@/lib/chapter/content";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { LOWER_SAXONY_FIELDS } from "@/lib/concept/templates";
import { openDatabase, type DatabaseHandle } from "@/lib/db/client";
import {
  chapterReviewers,
  chapterVersions,
  chapters,
  docSnapshots,
  fields,
  goals,
  indicators,
  measures,
  organisationKind,
  organisations,
  responsibilities,
  revisions,
  users,
  workshops,
} from "@/lib/db/schema";
import { getControlState } from "@/lib/board/board-control";
import { getCards, getClusters, getLanes } from "@/lib/board/board-doc";
import { countDots, getMyDots } from "@/lib/board/private-scope";
import { commitBoardCards } from "@/lib/commit/commit-board";
import { isDatabaseEmpty, resetDatabase, seedDemo } from "@/lib/demo/seed-demo";
import { guests } from "@/lib/db/schema";
import { formatDocName, privateScopePrefix } from "@/lib/sync/doc-names";
import { DocStore } from "@/lib/sync/doc-store";

const SEEDED_AT = new Date("2026-12-01T12:00:00Z");

describe("seedDemo", () => {
  let handle: DatabaseHandle;
  let conceptId: string;

  beforeAll(async () => {
    handle = await openDatabase({ kind: "pglite-memory" });
    await handle.migrate();
    expect(await isDatabaseEmpty({ db: handle.db })).toBe(true);
    ({ conceptId } = await seedDemo({ db: handle.db, now: SEEDED_AT }));
  }, 60_000);

  afterAll(async () => {
    await handle?.close();
  });

  it("marks the database as no longer empty", async () => {
    expect(await isDatabaseEmpty({ db: handle.db })).toBe(false);
  });

  it("creates the nine Lower Saxony fields numbered 1..9 with strategic goals", async () => {
    const rows = await handle.db
      .select()
      .from(fields)
      .where(eq(fields.conceptId, conceptId))
      .orderBy(asc(fields.number));
    expect(rows.map((f) => f.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(rows.map((f) => f.title)).toEqual([...LOWER_SAXONY_FIELDS]);
    for (const field of rows) expect(field.strategicGoal.trim()).not.toBe("");
    expect(rows.filter((f) => f.prioritisedUntil).map((f) => f.number)).toEqual([1, 2, 9]);
  });

  it("gives every field two or three goals numbered from 1", async () => {
    const rows = await handle.db.select().from(goals);
    const byField = new Map<string, typeof rows>();
    for (const goal of rows)
      byField.set(goal.fieldId, [...(byField.get(goal.fieldId) ?? []), goal]);
    expect(byField.size).toBe(9);
    for (const fieldGoals of byField.values()) {
      expect(fieldGoals.length).toBeGreaterThanOrEqual(2);
      expect(fieldGoals.length).toBeLessThanOrEqual(3);
      expect(fieldGoals.map((g) => g.number).sort((a, b) => a - b)).toEqual(
        fieldGoals.map((_, index) => index + 1),
      );
    }
  });

  it("creates 23 to 28 measures, each with exactly one lead", async () => {
    const measureRows = await handle.db.select({ id: measures.id }).from(measures);
    expect(measureRows.length).toBeGreaterThanOrEqual(23);
    expect(measureRows.length).toBeLessThanOrEqual(28);

    const responsibilityRows = await handle.db.select().from(responsibilities);
    for (const measure of measureRows) {
      const own = responsibilityRows.filter((r) => r.measureId === measure.id);
      expect(own.length).toBeGreaterThanOrEqual(1);
      expect(own.length).toBeLessThanOrEqual(4);
      expect(own.filter((r) => r.role === "lead")).toHaveLength(1);
    }
  });

  it("gives some measures an indicator with a data owner", async () => {
    const rows = await handle.db.select().from(indicators);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const indicator of rows) expect(indicator.dataOwnerId).not.toBeNull();
  });

  it("covers every organisation kind", async () => {
    const rows = await handle.db.select({ kind: organisations.kind }).from(organisations);
    const kinds = new Set(rows.map((r) => r.kind));
    for (const kind of organisationKind.enumValues) expect(kinds).toContain(kind);
  });

  it("creates three users whose password is demo", async () => {
    const rows = await handle.db.select().from(users);
    expect(rows).toHaveLength(3);
    for (const user of rows) {
      expect(user.passwordHash).not.toBeNull();
      expect(await verifyPassword({ password: "demo", hash: user.passwordHash ?? "" })).toBe(true);
    }
  });

  it("creates two workshops and a chapter per field plus three introduction chapters", async () => {
    expect(await handle.db.select().from(workshops)).toHaveLength(2);
    const chapterRows = await handle.db.select().from(chapters);
    expect(chapterRows.filter((c) => c.kind === "field")).toHaveLength(9);
    expect(chapterRows.map((c) => c.kind).sort()).toEqual(
      [...Array<string>(9).fill("field"), "mission", "context", "process"].sort(),
    );
  });

  it("writes every chapter, one final and one in check-back with two reviewers", async () => {
    const chapterRows = await handle.db.select().from(chapters);
    const snapshots = await handle.db.select().from(docSnapshots);
    for (const chapter of chapterRows) {
      const snapshot = snapshots.find((s) => s.docName === `chapter:${chapter.id}`);
      expect(snapshot).toBeDefined();
      const text = renderChapterText({
        json: chapterJSONOfState(snapshot!.state),
        items: conceptItemsOf(undefined),
      });
      expect(text.split("\n\n").length).toBeGreaterThanOrEqual(4);
    }
    expect(chapterRows.filter((c) => c.status === "final").map((c) => c.title)).toEqual([
      "Deutschförderung",
    ]);
    const versions = await handle.db.select().from(chapterVersions);
    expect(versions.map((v) => v.kind).sort()).toEqual(["check_back", "final"]);
    const final = versions.find((v) => v.kind === "final")!;
    expect(final.html).toContain("Maßnahme 3.1.1: Zentrale Sprachkursübersicht mit Platzbörse");
    expect(final.revision).toBe(1);
    const reviewers = await handle.db.select().from(chapterReviewers);
    expect(reviewers.map((r) => r.decision).sort()).toEqual(["approved", null]);
  });

  it("records exactly one revision, numbered 1", async () => {
    const rows = await handle.db.select().from(revisions);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.number).toBe(1);
    expect(rows[0]?.conceptId).toBe(conceptId);
  });

  describe("the kick-off's board", () => {
    /** A stored document as the sync server loads it. */
    async function loadDoc(docName: string): Promise<Y.Doc> {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, (await new DocStore(handle.db).load(docName)).state);
      return doc;
    }
    async function demoWorkshops() {
      return handle.db.select().from(workshops).orderBy(desc(workshops.date));
    }

    it("keeps the upcoming workshop ahead of the seed date and its board empty", async () => {
      const [upcoming, past] = await demoWorkshops();
      expect(upcoming!.title).toBe("AG Ankommen und Willkommenskultur");
      expect(upcoming!.date).toBe("2026-12-22");
      expect(past!.date < "2026-12-01").toBe(true);
      const board = await loadDoc(formatDocName({ kind: "board", id: upcoming!.id }));
      expect(getLanes(board)).toHaveLength(0);
      expect(await new DocStore(handle.db).namesWithPrefix(`board`)).not.toContain(
        formatDocName({ kind: "board", id: upcoming!.id }),
      );
    });

    it("holds stock-take lanes, 30 to 50 cards from seven organisation kinds, and groups", async () => {
      const [, past] = await demoWorkshops();
      const board = await loadDoc(formatDocName({ kind: "board", id: past!.id }));
      const lanes = getLanes(board);
      expect(lanes.length).toBe(12);
      expect(lanes[0]!.title).toBe("2 Ankommen erleichtern – Willkommenskultur: Stärken");
      expect(lanes.every((lane) => lane.fieldId !== null && lane.column !== null)).toBe(true);
      const cards = getCards(board);
      expect(cards.length).toBeGreaterThanOrEqual(30);
      expect(cards.length).toBeLessThanOrEqual(50);
      expect(cards.every((card) => lanes.some((lane) => lane.id === card.laneId))).toBe(true);

      const guestRows = await handle.db
        .select()
        .from(guests)
        .where(eq(guests.workshopId, past!.id));
      const kindOf = new Map(guestRows.map((g) => [g.id, g.organisationKind]));
      const kinds = new Set(cards.map((card) => card.author && kindOf.get(card.author.id)));
      for (const kind of [
        "migrant_council",
        "employment_agency",
        "welfare_association",
        "migrant_organisation",
        "school_authority",
        "administration",
        "volunteers",
      ])
        expect(kinds).toContain(kind);
      // Card authors are the guests by the names they joined with.
      for (const card of cards.filter((c) => c.author && kindOf.has(c.author.id)))
        expect(guestRows.find((g) => g.id === card.author!.id)!.displayName).toBe(
          card.author!.name,
        );
      expect(cards.some((card) => card.author === null)).toBe(true);

      const clusters = getClusters(board);
      expect(clusters.length).toBeGreaterThanOrEqual(3);
      for (const cluster of clusters)
        expect(cards.filter((c) => c.clusterId === cluster.id).length).toBeGreaterThanOrEqual(2);
    });

    it("shows a revealed dot vote counted from the participants' private scopes", async () => {
      const [, past] = await demoWorkshops();
      const board = await loadDoc(formatDocName({ kind: "board", id: past!.id }));
      const control = getControlState(
        await loadDoc(formatDocName({ kind: "board-control", id: past!.id })),
      );
      expect(control.voting).toMatchObject({ round: 1, status: "revealed", budget: 3 });
      expect(control.results?.round).toBe(1);
      expect(control.projectorView).toBe("board");
      const scopeNames = await new DocStore(handle.db).namesWithPrefix(
        privateScopePrefix(past!.id),
      );
      expect(scopeNames.length).toBe(10);
      const ballots = await Promise.all(
        scopeNames.map(async (name) => getMyDots(await loadDoc(name), 1)),
      );
      // The server's count of the stored dots is the result on the control document.
      expect(countDots({ ballots, board, voting: control.voting })).toEqual(control.results);
      expect(control.results!.voters).toBe(10);
      const top = Math.max(...Object.values(control.results!.totals));
      expect(top).toBeGreaterThanOrEqual(4);
    });

    it("has measure cards linked to goal cards that commit as goals and measures", async () => {
      const [, past] = await demoWorkshops();
      const board = await loadDoc(formatDocName({ kind: "board", id: past!.id }));
      const cards = getCards(board);
      const goalCards = cards.filter((c) => c.kind === "goal");
      const measureCards = cards.filter((c) => c.kind === "measure");
      expect(goalCards.length).toBeGreaterThanOrEqual(3);
      expect(measureCards.length).toBeGreaterThanOrEqual(4);
      for (const measure of measureCards) {
        expect(goalCards.map((g) => g.id)).toContain(measure.goalCardId);
        expect(measure.measure?.responsibilities.filter((r) => r.role === "lead")).toHaveLength(1);
      }
      const [moderator] = await handle.db
        .select()
        .from(users)
        .where(eq(users.email, "moderation@deichhausen.example"));
      const review = await commitBoardCards({
        db: handle.db,
        userId: moderator!.id,
        workshopId: past!.id,
        input: {
          cardIds: [...goalCards, ...measureCards].map((c) => c.id),
          message: "Auftaktworkshop",
          dryRun: true,
        },
      });
      const added = review.diff.items.filter((item) => item.change === "added");
      expect(added.filter((item) => item.kind === "goal")).toHaveLength(goalCards.length);
      expect(added.filter((item) => item.kind === "measure")).toHaveLength(measureCards.length);
    });
  });

  it("can reset the database and seed again", async () => {
    await resetDatabase({ db: handle.db });
    expect(await isDatabaseEmpty({ db: handle.db })).toBe(true);
    expect(await handle.db.select().from(organisations)).toHaveLength(0);

    const again = await seedDemo({ db: handle.db });
    expect(again.conceptId).not.toBe(conceptId);
    expect(await handle.db.select().from(revisions)).toHaveLength(1);
    expect(await handle.db.select().from(fields)).toHaveLength(9);
  }, 60_000);
});
