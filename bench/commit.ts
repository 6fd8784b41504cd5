/**
 * Benchmark of committing board results into the concept store and of diffing revisions:
 * - review (dry run) and commit of 500 cards (50 goals, 450 measures with two responsibilities)
 * - a second commit of 550 cards: 100 measures edited, 50 added (updates, no duplicates)
 * - the diff between the two revisions (500 measures in the newer one)
 * Runs in-process against embedded PGlite, or Postgres when DATABASE_URL is set.
 * Options: --runs 3
 */
import * as Y from "yjs";
import { revealVotes, setVoteResults, startVotingRound } from "@/lib/board/board-control";
import {
  addCard,
  addLane,
  linkMeasureToGoal,
  setCardText,
  setMeasureFields,
} from "@/lib/board/board-doc";
import { commitBoardCards } from "@/lib/commit/commit-board";
import { workshops } from "@/lib/db/schema";
import { diffRevisions } from "@/lib/revision/revisions";
import { formatDocName } from "@/lib/sync/doc-names";
import { DocStore } from "@/lib/sync/doc-store";
import { buildConcept, buildUser } from "../tests/support/factories";
import { openTestDatabase, POSTGRES_URL } from "../tests/support/test-database";
import { median, printTable, writeResults } from "./report";

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf("--runs") + 1] ?? 3) || 3;
const GOALS = 50;
const MEASURES_PER_GOAL = 9;
const ORGANISATIONS = Array.from({ length: 20 }, (_, i) => `Fachbereich ${i + 1}`);

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

async function run(handle: Awaited<ReturnType<typeof openTestDatabase>>) {
  const db = handle.db;
  const userId = (await buildUser(db)).id;
  const concept = await buildConcept(db, {
    members: [{ userId, role: "moderator" }],
    fieldCount: 9,
  });
  const [workshop] = await db
    .insert(workshops)
    .values({
      conceptId: concept.id,
      title: "Bench",
      kind: "workshop",
      date: "2026-06-01",
      facilitator: "KMuT",
    })
    .returning({ id: workshops.id });
  const workshopId = workshop!.id;
  const board = new Y.Doc();
  const control = new Y.Doc();
  const author = { id: userId, name: "Moderation" };
  const cardIds: string[] = [];
  const measureIds: string[] = [];
  for (const [f, field] of concept.fields.entries())
    addLane(board, { title: `Feld ${f + 1}`, fieldId: field.id }, { id: `lane-${f}` });
  for (let g = 0; g < GOALS; g++) {
    const laneId = `lane-${g % concept.fields.length}`;
    const goalId = `goal-${g}`;
    addCard(
      board,
      { laneId, kind: "goal", text: `Ziel ${g}: Teilhabe stärken`, author },
      { id: goalId },
    );
    cardIds.push(goalId);
    for (let m = 0; m < MEASURES_PER_GOAL; m++) {
      const id = `measure-${g}-${m}`;
      addCard(board, { laneId, kind: "measure", text: `Maßnahme ${g}.${m}`, author }, { id });
      linkMeasureToGoal(board, id, goalId);
      setMeasureFields(board, id, {
        responsibilities: [
          { organisation: ORGANISATIONS[(g + m) % 20]!, role: "lead" },
          { organisation: ORGANISATIONS[(g + m + 7) % 20]!, role: "partner" },
        ],
        target: `${m + 1}0 Teilnehmende`,
        timeframe: "2027",
        priority: "B",
      });
      cardIds.push(id);
      measureIds.push(id);
    }
  }
  startVotingRound(control, { budget: 5, allowMultiple: true });
  revealVotes(control);
  setVoteResults(control, {
    round: 1,
    totals: Object.fromEntries(measureIds.map((id, i) => [id, i % 7])),
    voters: 30,
  });
  const store = new DocStore(db);
  const save = () =>
    store.append([
      {
        docName: formatDocName({ kind: "board", id: workshopId }),
        update: Y.encodeStateAsUpdate(board),
      },
      {
        docName: formatDocName({ kind: "board-control", id: workshopId }),
        update: Y.encodeStateAsUpdate(control),
      },
    ]);
  await save();

  const commit = (ids: string[], baseRevision: number, dryRun = false) =>
    commitBoardCards({
      db,
      userId,
      workshopId,
      input: { cardIds: ids, message: "Bench", baseRevision, dryRun },
    });
  const review = await timed(() => commit(cardIds, 0, true));
  const first = await timed(() => commit(cardIds, 0));

  // 100 measures edited, 50 measures added (5 more under each of the first 10 goals).
  for (const id of measureIds.slice(0, 100)) setCardText(board, id, `${id} überarbeitet`);
  const added: string[] = [];
  for (let g = 0; g < 10; g++)
    for (let m = 0; m < 5; m++) {
      const id = `extra-${g}-${m}`;
      addCard(
        board,
        { laneId: `lane-${g % 9}`, kind: "measure", text: `Zusatz ${g}.${m}`, author },
        { id },
      );
      linkMeasureToGoal(board, id, `goal-${g}`);
      added.push(id);
    }
  await save();
  const second = await timed(() => commit([...cardIds, ...added], first.result.revision));
  const diff = await timed(() =>
    diffRevisions({
      db,
      conceptId: concept.id,
      from: first.result.revision,
      to: second.result.revision,
    }),
  );
  const changes = diff.result.items;
  if (
    first.result.diff.items.length !== cardIds.length ||
    changes.filter((c) => c.change === "changed").length !== 100 ||
    changes.filter((c) => c.change === "added").length !== 50
  )
    throw new Error("unexpected commit or diff result");
  return { review: review.ms, first: first.ms, second: second.ms, diff: diff.ms };
}

const handle = await openTestDatabase();
const results: Array<Awaited<ReturnType<typeof run>>> = [];
for (let i = 0; i < RUNS; i++) results.push(await run(handle));
await handle.close();

const column = (key: keyof (typeof results)[number]) => {
  const values = results.map((r) => Math.round(r[key]));
  return `${median(values)} (${values.join(", ")})`;
};
const database = POSTGRES_URL ? "Postgres" : "embedded PGlite (in-process)";
printTable(
  ["measure", `ms, median of ${RUNS} (runs)`],
  [
    ["database", database],
    ["review (dry run) of 500 cards: 50 goals, 450 measures", column("review")],
    ["commit of the same 500 cards, first time", column("first")],
    ["commit of 550 cards: 100 measures edited, 50 added", column("second")],
    ["diff between the two revisions (500 measures)", column("diff")],
  ],
);
writeResults("commit", { database, runs: results });
