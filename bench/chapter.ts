/**
 * Benchmark of chapters, server side:
 * - finalising a chapter of 20,000 words with 30 embedded measures (frozen version with Yjs
 *   state, JSON, HTML and text, in one transaction with the status change; target <= 500 ms)
 * - the diff of two versions of that chapter with 5 % of the paragraphs changed (<= 300 ms)
 * Browser measurements (navigation to editable, keystroke latency, first-load JS) are added by
 * bench/chapter-browser.ts through `BrowserSection` below, when that file exists.
 * Runs in-process against embedded PGlite, or Postgres when DATABASE_URL is set.
 * Options: --runs 5 --words 20000 --measures 30
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { JSONContent } from "@tiptap/core";
import { eq } from "drizzle-orm";
import { chapterStateFromJSON } from "@/lib/chapter/content";
import { setChapterStatus } from "@/lib/chapter/chapters";
import { chapterDocName, freezeContent, insertVersion } from "@/lib/chapter/freeze-version";
import { diffVersions } from "@/lib/chapter/versions";
import { openDatabase, type Db } from "@/lib/db/client";
import {
  chapters,
  docSnapshots,
  docUpdates,
  goals,
  measures,
  organisations,
  responsibilities,
} from "@/lib/db/schema";
import { recordRevision } from "@/lib/revision/record-revision";
import { buildConcept, buildUser } from "../tests/support/factories";
import { openTestDatabase, POSTGRES_URL } from "../tests/support/test-database";
import { buildBenchChapter, WORDS_PER_PARAGRAPH } from "./bench-chapter";
import { median, numberArg, printTable, writeResults } from "./report";

const RUNS = numberArg("--runs", 5);
const WORDS = numberArg("--words", 20_000);
const MEASURES = numberArg("--measures", 30);
/** Measurements bench/chapter-browser.ts adds (rows of the same table, and raw numbers). */
export interface BrowserSection {
  rows: string[][];
  results: Record<string, unknown>;
}

/** The browser part, if bench/chapter-browser.ts exists (it exports `measureChapterInBrowser`). */
async function browserSection(): Promise<BrowserSection | null> {
  const file = path.join(import.meta.dirname, "chapter-browser.ts");
  if (!fs.existsSync(file)) return null;
  const browserModule = (await import(file)) as {
    measureChapterInBrowser?: (options: {
      words: number;
      measures: number;
    }) => Promise<BrowserSection>;
  };
  return browserModule.measureChapterInBrowser
    ? browserModule.measureChapterInBrowser({ words: WORDS, measures: MEASURES })
    : null;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

async function setUp(db: Db) {
  const userId = (await buildUser(db)).id;
  const concept = await buildConcept(db, {
    members: [{ userId, role: "moderator" }],
    fieldCount: 3,
  });
  const [organisation] = await db
    .insert(organisations)
    .values({ name: `Volkshochschule ${crypto.randomUUID().slice(0, 6)}`, kind: "other" })
    .returning({ id: organisations.id });
  const measureIds: string[] = [];
  for (const field of concept.fields)
    for (let g = 1; g <= 2; g++) {
      const [goal] = await db
        .insert(goals)
        .values({ fieldId: field.id, number: g, text: `Ziel ${field.number}.${g}` })
        .returning({ id: goals.id });
      const perGoal = Math.ceil(MEASURES / (concept.fields.length * 2));
      for (let m = 1; m <= perGoal && measureIds.length < MEASURES; m++) {
        const [measure] = await db
          .insert(measures)
          .values({
            goalId: goal!.id,
            number: m,
            title: `Maßnahme ${field.number}.${g}.${m}`,
            target: "20 im Jahr",
          })
          .returning({ id: measures.id });
        await db
          .insert(responsibilities)
          .values({ measureId: measure!.id, organisationId: organisation!.id, role: "lead" });
        measureIds.push(measure!.id);
      }
    }
  await db.transaction((tx) =>
    recordRevision({ tx, conceptId: concept.id, authorId: userId, message: "Bench" }),
  );
  const [chapter] = await db
    .insert(chapters)
    .values({
      conceptId: concept.id,
      kind: "field",
      title: "Bench",
      fieldId: concept.fields[0]!.id,
    })
    .returning();
  return { userId, conceptId: concept.id, chapter: chapter!, measureIds };
}

/** Makes `json` the chapter's stored document (a snapshot, as after compaction). */
async function storeContent(db: Db, chapterId: string, json: JSONContent) {
  const docName = chapterDocName(chapterId);
  await db.delete(docUpdates).where(eq(docUpdates.docName, docName));
  await db
    .insert(docSnapshots)
    .values({ docName, state: chapterStateFromJSON(json), lastUpdateId: 0 })
    .onConflictDoUpdate({
      target: docSnapshots.docName,
      set: { state: chapterStateFromJSON(json), lastUpdateId: 0 },
    });
}

let finished = false;
process.on("beforeExit", () => {
  if (finished) return;
  console.error(
    "bench stalled: a database call never answered (on PGlite: a query on db inside a transaction)",
  );
  process.exitCode = 1;
});
// Embedded PGlite in a data folder, as `npm start` runs it, or Postgres when DATABASE_URL is set.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-bench-chapter-"));
const handle = POSTGRES_URL
  ? await openTestDatabase()
  : await openDatabase({ kind: "pglite", dataDir });
if (!POSTGRES_URL) await handle.migrate();
const db = handle.db;
const { userId, conceptId, chapter, measureIds } = await setUp(db);
const base = buildBenchChapter({ words: WORDS, measureIds });
const paragraphs = Math.ceil(WORDS / WORDS_PER_PARAGRAPH);
const changed = new Set(
  Array.from(
    { length: Math.round(paragraphs * 0.05) },
    (_, i) => Math.floor(i * 20 + 3) % paragraphs,
  ),
);
await storeContent(db, chapter.id, base);

const finalise: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const { ms, result } = await timed(() =>
    setChapterStatus({ db, userId, conceptId, chapterId: chapter.id, input: { status: "final" } }),
  );
  finalise.push(ms);
  if (!result.version) throw new Error("no version frozen");
  // Reopened directly: only finalising is measured.
  await db.update(chapters).set({ status: "draft" }).where(eq(chapters.id, chapter.id));
}

// Two versions: the base and one with 5 % of the paragraphs changed.
// Frozen before the transaction, as the app does: embedded PGlite has one connection, so a
// query on `db` inside a transaction waits for that transaction forever.
const frozenA = await freezeContent({ db, conceptId, chapterId: chapter.id });
const from = await db.transaction((tx) =>
  insertVersion({
    tx,
    chapterId: chapter.id,
    kind: "check_back",
    content: frozenA,
    frozenBy: userId,
  }),
);
await storeContent(db, chapter.id, buildBenchChapter({ words: WORDS, measureIds, changed }));
const frozenB = await freezeContent({ db, conceptId, chapterId: chapter.id });
const htmlBytes = frozenB.html.length;
const to = await db.transaction((tx) =>
  insertVersion({
    tx,
    chapterId: chapter.id,
    kind: "check_back",
    content: frozenB,
    frozenBy: userId,
  }),
);
const diff: number[] = [];
const diffCurrent: number[] = [];
let changedBlocks = 0;
for (let run = 0; run < RUNS; run++) {
  const a = await timed(() => diffVersions({ db, chapter, from: from.version, to: to.version }));
  diff.push(a.ms);
  changedBlocks = a.result.blocks.filter((b) => b.kind !== "same").length;
  diffCurrent.push(
    (await timed(() => diffVersions({ db, chapter, from: from.version, to: "current" }))).ms,
  );
}
await handle.close();
fs.rmSync(dataDir, { recursive: true, force: true });

const fmt = (ms: number) => ms.toFixed(0);
const rows = [
  ["finalise (freeze version + status)", fmt(median(finalise)), fmt(Math.max(...finalise)), "500"],
  ["diff version to version (5 % changed)", fmt(median(diff)), fmt(Math.max(...diff)), "300"],
  [
    "diff version to current content",
    fmt(median(diffCurrent)),
    fmt(Math.max(...diffCurrent)),
    "300",
  ],
];
const browser = await browserSection();
console.log(
  `\nchapter: ${WORDS} words, ${paragraphs} paragraphs, ${measureIds.length} measures, ${changed.size} paragraphs changed (${changedBlocks} diff blocks), HTML ${(htmlBytes / 1024).toFixed(0)} KiB, ${POSTGRES_URL ? "Postgres" : "PGlite"}, ${RUNS} runs\n`,
);
printTable(["step", "median ms", "max ms", "target ms"], [...rows, ...(browser?.rows ?? [])]);
if (!browser) console.log("\n(browser measurements: bench/chapter-browser.ts not present)");
writeResults("chapter", {
  words: WORDS,
  paragraphs,
  measures: measureIds.length,
  changedParagraphs: changed.size,
  database: POSTGRES_URL ? "postgres" : "pglite",
  finaliseMs: finalise,
  diffMs: diff,
  diffCurrentMs: diffCurrent,
  browser: browser?.results ?? null,
});
finished = true;
