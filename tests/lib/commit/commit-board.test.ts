import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { revealVotes, setVoteResults, startVotingRound } from "@/lib/board/board-control";
import {
  addCard,
  addLane,
  cardsOf,
  linkMeasureToGoal,
  setCardText,
  setMeasureFields,
} from "@/lib/board/board-doc";
import { commitBoardCards } from "@/lib/commit/commit-board";
import { loadConceptContent } from "@/lib/concept/load-concept-content";
import { workshops } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { formatDocName } from "@/lib/sync/doc-names";
import { DocStore } from "@/lib/sync/doc-store";
import { buildConcept, buildUser } from "../../support/factories";
import { openTestDatabase } from "../../support/test-database";
import { outcomeOf } from "../../support/app-error";

describe("committing board cards into the concept", () => {
  let handle: Awaited<ReturnType<typeof openTestDatabase>>;
  let moderator: string;
  let editor: string;
  let conceptId: string;
  let fieldIds: string[];
  let workshopId: string;
  const board = new Y.Doc();
  const control = new Y.Doc();
  let store: DocStore;

  /** Writes the board's and control's current state to the store, as the sync server would. */
  async function saveBoard() {
    await store.append([
      {
        docName: formatDocName({ kind: "board", id: workshopId }),
        update: Y.encodeStateAsUpdate(board),
      },
      {
        docName: formatDocName({ kind: "board-control", id: workshopId }),
        update: Y.encodeStateAsUpdate(control),
      },
    ]);
  }

  const commit = (input: Record<string, unknown>, userId = moderator) =>
    commitBoardCards({ db: handle.db, userId, workshopId, input });

  beforeAll(async () => {
    handle = await openTestDatabase();
    store = new DocStore(handle.db);
    moderator = (await buildUser(handle.db)).id;
    editor = (await buildUser(handle.db)).id;
    const concept = await buildConcept(handle.db, {
      members: [
        { userId: moderator, role: "moderator" },
        { userId: editor, role: "editor" },
      ],
    });
    conceptId = concept.id;
    fieldIds = concept.fields.map((f) => f.id);
    const [workshop] = await handle.db
      .insert(workshops)
      .values({
        conceptId,
        title: "AG Sprache",
        kind: "working_group",
        date: "2026-05-06",
        facilitator: "KMuT",
      })
      .returning({ id: workshops.id });
    workshopId = workshop!.id;

    addLane(board, { title: "1 Sprache", fieldId: fieldIds[0]! }, { id: "lane-1" });
    addLane(board, { title: "Ideen" }, { id: "lane-free" });
    const author = { id: moderator, name: "Moderation" };
    addCard(
      board,
      {
        laneId: "lane-1",
        kind: "goal",
        text: "Alle Kinder sprechen Deutsch bei der Einschulung",
        author,
      },
      { id: "goal-a" },
    );
    addCard(
      board,
      { laneId: "lane-1", kind: "measure", text: "Sprachkitas ausbauen", author },
      { id: "measure-a" },
    );
    addCard(
      board,
      { laneId: "lane-1", kind: "idea", text: "Vorlesepaten", author },
      { id: "idea-a" },
    );
    linkMeasureToGoal(board, "measure-a", "goal-a");
    setMeasureFields(board, "measure-a", {
      responsibilities: [
        { organisation: "Jugendamt", role: "lead" },
        { organisation: "Familienzentrum Nord", role: "partner" },
      ],
      target: "alle Kitas bis 2028",
      timeframe: "2026–2028",
      priority: "A",
      status: "planned",
    });
    startVotingRound(control, { budget: 3, allowMultiple: true });
    revealVotes(control);
    setVoteResults(control, { round: 1, totals: { "measure-a": 7 }, voters: 4 });
    await saveBoard();
  });
  afterAll(() => handle.close());

  it("shows exactly what a commit would add, and changes nothing on a dry run", async () => {
    const preview = await commit({
      cardIds: ["goal-a", "measure-a", "idea-a"],
      message: "AG Sprache, Sitzung 1",
      baseRevision: 0,
      dryRun: true,
    });
    expect(preview).toMatchObject({ revision: 1, dryRun: true, skipped: ["idea-a"] });
    expect(preview.diff.items.map((i) => [i.kind, i.change, i.number, i.label])).toEqual([
      ["goal", "added", "1.1", "Alle Kinder sprechen Deutsch bei der Einschulung"],
      ["measure", "added", "1.1.1", "Sprachkitas ausbauen"],
    ]);
    const content = await loadConceptContent({ db: handle.db, conceptId });
    expect(content!.fields[0]!.goals).toEqual([]);
  });

  it("commits goals and measures with responsibilities and provenance, as one revision", async () => {
    const result = await commit({
      cardIds: ["goal-a", "measure-a"],
      message: "AG Sprache, Sitzung 1",
      baseRevision: 0,
    });
    expect(result.revision).toBe(1);
    const goal = (await loadConceptContent({ db: handle.db, conceptId }))!.fields[0]!.goals[0]!;
    expect(goal).toMatchObject({
      number: 1,
      text: "Alle Kinder sprechen Deutsch bei der Einschulung",
    });
    expect(goal.measures[0]).toMatchObject({
      number: 1,
      title: "Sprachkitas ausbauen",
      target: "alle Kitas bis 2028",
      timeframe: "2026–2028",
      priority: "A",
      status: "planned",
      sourceWorkshopId: workshopId,
      sourceCardIds: ["measure-a"],
      voteCount: 7,
    });
    expect(goal.measures[0]!.responsibilities.map((r) => [r.organisationName, r.role])).toEqual([
      ["Jugendamt", "lead"],
      ["Familienzentrum Nord", "partner"],
    ]);
  });

  it("updates, never duplicates, when the same cards are committed again", async () => {
    setCardText(board, "measure-a", "Sprachkitas ausbauen und verstetigen");
    await saveBoard();
    const again = await commit({
      cardIds: ["goal-a", "measure-a"],
      message: "Nachtrag",
      baseRevision: 1,
    });
    expect(again.diff.items).toEqual([
      expect.objectContaining({
        kind: "measure",
        change: "changed",
        number: "1.1.1",
        attributes: [
          {
            attribute: "title",
            before: "Sprachkitas ausbauen",
            after: "Sprachkitas ausbauen und verstetigen",
          },
        ],
      }),
    ]);
    const goals = (await loadConceptContent({ db: handle.db, conceptId }))!.fields[0]!.goals;
    expect(goals).toHaveLength(1);
    expect(goals[0]!.measures).toHaveLength(1);
  });

  it("numbers new goals after all earlier ones and never renumbers", async () => {
    const author = { id: moderator, name: "Moderation" };
    addCard(
      board,
      { laneId: "lane-1", kind: "goal", text: "Eltern kennen die Sprachangebote", author },
      { id: "goal-b" },
    );
    addCard(
      board,
      { laneId: "lane-1", kind: "measure", text: "Elternbriefe in fünf Sprachen", author },
      { id: "measure-b" },
    );
    linkMeasureToGoal(board, "measure-b", "goal-b");
    await saveBoard();
    const result = await commit({
      cardIds: ["goal-b", "measure-b"],
      message: "Ziel 2",
      baseRevision: 2,
    });
    expect(result.diff.items.map((i) => [i.change, i.number])).toEqual([
      ["added", "1.2"],
      ["added", "1.2.1"],
    ]);
    // Committing the first goal again keeps it at 1.1.
    const first = await commit({ cardIds: ["goal-a"], message: "unverändert", baseRevision: 3 });
    expect(first.diff.items).toEqual([]);
    const goals = (await loadConceptContent({ db: handle.db, conceptId }))!.fields[0]!.goals;
    expect(goals.map((g) => g.number)).toEqual([1, 2]);
  });

  it("refuses a commit based on an outdated revision, and only one of two parallel commits wins", async () => {
    expect(await outcomeOf(commit({ cardIds: ["goal-a"], message: "alt", baseRevision: 1 }))).toBe(
      "conflict:revision",
    );
    const conflict = await commit({ cardIds: ["goal-a"], message: "alt", baseRevision: 1 }).catch(
      (error: AppError) => error,
    );
    expect((conflict as AppError).details).toEqual({ currentRevision: 4 });

    const outcomes = await Promise.all([
      outcomeOf(commit({ cardIds: ["goal-a"], message: "A", baseRevision: 4 })),
      outcomeOf(commit({ cardIds: ["goal-b"], message: "B", baseRevision: 4 })),
    ]);
    expect(outcomes.sort()).toEqual(["conflict:revision", "ok"]);
  });

  it("lets only moderators commit, and names what is wrong with the input", async () => {
    expect(
      await outcomeOf(commit({ cardIds: ["goal-a"], message: "x", baseRevision: 5 }, editor)),
    ).toBe("forbidden:concept");
    expect(await outcomeOf(commit({ cardIds: [], message: "", baseRevision: -1 }))).toBe(
      "bad_request:input",
    );
    expect(await outcomeOf(commit({ cardIds: ["nope"], message: "x", baseRevision: 5 }))).toBe(
      "bad_request:commit",
    );
    const author = { id: moderator, name: "Moderation" };
    addCard(
      board,
      { laneId: "lane-free", kind: "goal", text: "Ohne Handlungsfeld", author },
      { id: "goal-free" },
    );
    addCard(
      board,
      { laneId: "lane-1", kind: "measure", text: "Ohne Ziel", author },
      { id: "measure-free" },
    );
    await saveBoard();
    const fieldsOf = (cardIds: string[]) =>
      commit({ cardIds, message: "x", baseRevision: 5 }).catch((e: AppError) => e.fields);
    expect(await fieldsOf(["goal-free"])).toEqual({ "goal-free": "lane_without_field" });
    expect(await fieldsOf(["measure-free"])).toEqual({ "measure-free": "measure_without_goal" });
    expect(await fieldsOf(["idea-a"])).toEqual({ cardIds: "no_goal_or_measure" });
  });

  it("refuses cards whose content the concept store cannot take, naming card and field", async () => {
    const author = { id: moderator, name: "Moderation" };
    for (const id of ["measure-bogus", "measure-huge", "measure-map"]) {
      addCard(board, { laneId: "lane-1", kind: "measure", text: "Lernpaten", author }, { id });
      linkMeasureToGoal(board, id, "goal-a");
    }
    addCard(board, { laneId: "lane-1", kind: "goal", text: "Ziel", author }, { id: "goal-huge" });
    // What a modified client can write straight into the doc, past the typed accessors.
    const raw = (id: string) => cardsOf(board).get(id)!;
    raw("measure-bogus").set("measure", {
      status: "bogus",
      responsibilities: [{ organisation: "Jugendamt", role: "owner" }],
    });
    raw("measure-huge").set("text", new Y.Text("x".repeat(200_000)));
    raw("measure-map").set("measure", new Y.Map());
    raw("goal-huge").set("text", new Y.Text("Ziel ".repeat(400)));
    await saveBoard();
    const before = await loadConceptContent({ db: handle.db, conceptId });

    const error = (await commit({
      cardIds: ["measure-bogus", "measure-huge", "measure-map", "goal-huge", "goal-a"],
      message: "x",
      baseRevision: 5,
    }).catch((e: unknown) => e)) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("bad_request:card");
    expect(error.details).toEqual({
      cards: {
        "measure-bogus": { status: "invalid_choice", "responsibilities.0.role": "invalid_choice" },
        "measure-huge": { title: "too_long" },
        "measure-map": { measure: "invalid" },
        "goal-huge": { text: "too_long" },
      },
    });
    expect(error.fields).toEqual({
      "measure-bogus": "invalid_content",
      "measure-huge": "title_too_long",
      "measure-map": "invalid_content",
      "goal-huge": "title_too_long",
    });
    expect(await loadConceptContent({ db: handle.db, conceptId })).toEqual(before);

    // A measure title at the store's limit (300) is committed.
    raw("measure-huge").set("text", new Y.Text("x".repeat(300)));
    await saveBoard();
    const ok = await commit({ cardIds: ["measure-huge"], message: "x", baseRevision: 5 });
    expect(ok.diff.items).toEqual([
      expect.objectContaining({ kind: "measure", change: "added", label: "x".repeat(300) }),
    ]);
  });
});
