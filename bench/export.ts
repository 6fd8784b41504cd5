/**
 * `npm run bench:export`: how long the concept export takes, what it costs the server, and
 * whether it stalls the live board.
 *
 * Prepares an embedded data folder with the demo and a synthetic concept (20 fields of action,
 * each with a final chapter of 5,000 words, 500 measures with two responsibilities each), starts
 * the real server on it (production build, PGlite) and measures over HTTP:
 * - the demo concept and the synthetic one as DOCX, PDF and Markdown (median of --runs), with the
 *   server's peak RSS during each export (sampled from /proc every 20 ms);
 * - edit latency of 20 y-websocket clients on the demo board (each editing twice a second),
 *   in phases without exports and during back-to-back exports of the synthetic concept
 *   (PDF and DOCX in turn). Targets: DOCX ≤ 3 s, PDF ≤ 8 s, board p99 during exports ≤ 2× without.
 *
 * Options: --runs 3  --seconds 10 (per sync phase)  --rounds 2  --clients 20
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { ensureBuild } from "@/server/ensure-build";
import { chapterStateFromJSON } from "@/lib/chapter/content";
import { loadConceptContent } from "@/lib/concept/load-concept-content";
import { openDatabase, type Db } from "@/lib/db/client";
import {
  chapterVersions,
  chapters,
  conceptMembers,
  concepts,
  fields,
  goals,
  measures,
  organisations,
  responsibilities,
  revisions,
  users,
} from "@/lib/db/schema";
import { seedDemo } from "@/lib/demo/seed-demo";
import { identityOf } from "../tests/support/board-cards";
import { DEMO, demoConcept } from "../tests/support/demo-fixture";
import { HttpClient } from "../tests/support/http-client";
import { boardClient, startBenchServer, type BoardClient } from "./bench-server";
import { buildBenchChapter } from "./bench-chapter";
import { median, numberArg, percentile, printTable, writeResults } from "./report";

const ROOT = path.resolve(import.meta.dirname, "..");
const RUNS = numberArg("--runs", 3);
const SECONDS = numberArg("--seconds", 10);
const ROUNDS = numberArg("--rounds", 2);
const CLIENTS = numberArg("--clients", 20);
const EDITS_PER_SECOND = 2;
const FIELDS = 20;
const GOALS_PER_FIELD = 5;
const MEASURES_PER_GOAL = 5;
const WORDS_PER_CHAPTER = 5_000;

process.setMaxListeners(0);

/** The synthetic concept, moderated by the demo's moderator, in one transaction. */
async function buildSyntheticConcept(db: Db): Promise<string> {
  const [moderator] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, DEMO.moderator));
  const organisationNames = Array.from({ length: 10 }, (_, i) => `Fachbereich Bench ${i + 1}`);
  return db.transaction(async (tx) => {
    const orgRows = await tx
      .insert(organisations)
      .values(organisationNames.map((name) => ({ name, kind: "administration" as const })))
      .returning({ id: organisations.id });
    const [concept] = await tx
      .insert(concepts)
      .values({ title: "Integrationskonzept Benchstadt", type: "integration_concept" })
      .returning({ id: concepts.id });
    const conceptId = concept!.id;
    await tx.insert(conceptMembers).values({ conceptId, userId: moderator!.id, role: "moderator" });
    let measureCount = 0;
    for (let f = 1; f <= FIELDS; f++) {
      const [field] = await tx
        .insert(fields)
        .values({
          conceptId,
          number: f,
          title: `Handlungsfeld ${f}`,
          strategicGoal: `Leitziel ${f}`,
        })
        .returning({ id: fields.id });
      const goalRows = await tx
        .insert(goals)
        .values(
          Array.from({ length: GOALS_PER_FIELD }, (_, g) => ({
            fieldId: field!.id,
            number: g + 1,
            text: `Operatives Ziel ${f}.${g + 1}: Angebote werden verlässlich und mehrsprachig erreichbar.`,
          })),
        )
        .returning({ id: goals.id });
      const measureRows = await tx
        .insert(measures)
        .values(
          goalRows.flatMap((goal, g) =>
            Array.from({ length: MEASURES_PER_GOAL }, (_, m) => ({
              goalId: goal.id,
              number: m + 1,
              title: `Maßnahme ${f}.${g + 1}.${m + 1}: Beratung im Stadtteil ausbauen`,
              target: "zwei Angebote je Stadtteil",
              timeframe: "2026–2028",
              status: "planned" as const,
              priority: "A" as const,
            })),
          ),
        )
        .returning({ id: measures.id });
      await tx.insert(responsibilities).values(
        measureRows.flatMap((measure, i) => [
          { measureId: measure.id, organisationId: orgRows[i % 10]!.id, role: "lead" as const },
          {
            measureId: measure.id,
            organisationId: orgRows[(i + 1) % 10]!.id,
            role: "partner" as const,
            position: 1,
          },
        ]),
      );
      measureCount += measureRows.length;
      const json = buildBenchChapter({
        words: WORDS_PER_CHAPTER,
        measureIds: measureRows.map((m) => m.id),
      });
      const [chapter] = await tx
        .insert(chapters)
        .values({
          conceptId,
          fieldId: field!.id,
          kind: "field",
          title: `Handlungsfeld ${f}`,
          status: "final",
          position: f,
        })
        .returning({ id: chapters.id });
      await tx.insert(chapterVersions).values({
        chapterId: chapter!.id,
        version: 1,
        kind: "final",
        yjsState: chapterStateFromJSON(json),
        json,
        html: "",
        text: "",
        revision: 1,
      });
    }
    const content = await loadConceptContent({ db: tx, conceptId });
    await tx
      .insert(revisions)
      .values({ conceptId, number: 1, message: "Benchmark", content, authorId: moderator!.id });
    if (measureCount !== FIELDS * GOALS_PER_FIELD * MEASURES_PER_GOAL) throw new Error("measures");
    return conceptId;
  });
}

/** A data folder with the demo and the synthetic concept, closed again for the server. */
async function prepareDataDir(): Promise<{ dataDir: string; syntheticId: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-bench-export-"));
  const handle = await openDatabase({ kind: "pglite", dataDir });
  try {
    await handle.migrate();
    await seedDemo({ db: handle.db });
    return { dataDir, syntheticId: await buildSyntheticConcept(handle.db) };
  } finally {
    await handle.close();
  }
}

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

/** One export over HTTP: time until the last byte, size, and the server's peak RSS meanwhile. */
async function timedExport(client: HttpClient, pid: number, url: string) {
  let peak = rssMiB(pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 20);
  const started = performance.now();
  const response = await client.fetch(url);
  const bytes = (await response.arrayBuffer()).byteLength;
  const ms = performance.now() - started;
  clearInterval(sampler);
  if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
  return { ms, bytes, peakRssMiB: Math.max(peak, rssMiB(pid)) };
}

interface SyncPhase {
  round: number;
  phase: "without exports" | "during exports";
  edits: number;
  p50: number;
  p99: number;
  exports: number;
}

async function syncPhase({
  clients,
  latencies,
  round,
  exporting,
}: {
  clients: BoardClient[];
  latencies: number[];
  round: number;
  exporting: (() => Promise<unknown>) | null;
}): Promise<SyncPhase> {
  latencies.length = 0;
  const stopAt = performance.now() + SECONDS * 1000;
  const timers: NodeJS.Timeout[] = [];
  clients.forEach((client, i) => {
    let seq = round * 1_000_000 + (exporting ? 500_000 : 0);
    const tick = () => {
      if (performance.now() >= stopAt) return;
      client.edit(seq++);
      timers.push(setTimeout(tick, 1000 / EDITS_PER_SECOND));
    };
    timers.push(setTimeout(tick, Math.random() * (1000 / EDITS_PER_SECOND) + i));
  });
  let exports = 0;
  const load = (async () => {
    while (exporting && performance.now() < stopAt) {
      await exporting();
      exports++;
    }
  })();
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  await load;
  await new Promise((resolve) => setTimeout(resolve, 500));
  for (const t of timers) clearTimeout(t);
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    round,
    phase: exporting ? "during exports" : "without exports",
    edits: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    exports,
  };
}

async function main() {
  ensureBuild(ROOT);
  const { dataDir, syntheticId } = await prepareDataDir();
  const server = await startBenchServer({ prefix: "kw-bench-export-", dataDir });
  const pid = server.child.pid!;
  try {
    const moderator = new HttpClient(server.baseUrl);
    await moderator.signIn(DEMO.moderator);
    const demo = await demoConcept(moderator);
    const idleRss = rssMiB(pid);

    const rows: Array<Record<string, string | number>> = [];
    for (const [name, conceptId] of [
      ["demo", demo.conceptId],
      ["synthetic", syntheticId],
    ] as const)
      for (const format of ["docx", "pdf", "md"]) {
        const url = `/api/concepts/${conceptId}/export?format=${format}`;
        await timedExport(moderator, pid, url); // warm-up: route module, JIT
        const runs = [];
        for (let i = 0; i < RUNS; i++) runs.push(await timedExport(moderator, pid, url));
        const row = {
          concept: name,
          format,
          medianMs: median(runs.map((r) => r.ms)),
          maxMs: Math.max(...runs.map((r) => r.ms)),
          kib: runs[0]!.bytes / 1024,
          peakRssMiB: Math.max(...runs.map((r) => r.peakRssMiB)),
        };
        rows.push(row);
        console.error(`done: ${name} ${format} ${row.medianMs.toFixed(0)} ms`);
      }

    const author = await identityOf(moderator);
    const latencies: number[] = [];
    const clients: BoardClient[] = [];
    for (let i = 0; i < CLIENTS; i++)
      clients.push(
        await boardClient(
          `${server.baseUrl.replace(/^http/, "ws")}/sync`,
          demo.workshops[0]!.boardDoc,
          moderator.cookieHeader,
          author,
          latencies,
        ),
      );
    let turn = 0;
    const exportOnce = () =>
      timedExport(
        moderator,
        pid,
        `/api/concepts/${syntheticId}/export?format=${turn++ % 2 ? "docx" : "pdf"}`,
      );
    await syncPhase({ clients, latencies, round: 0, exporting: null }); // warm-up
    const phases: SyncPhase[] = [];
    for (let round = 1; round <= ROUNDS; round++)
      for (const exporting of [null, exportOnce]) {
        const phase = await syncPhase({ clients, latencies, round, exporting });
        phases.push(phase);
        console.error(`done: round ${round}, ${phase.phase}: p99 ${phase.p99.toFixed(1)} ms`);
      }
    for (const c of clients) c.close();

    const target = (row: (typeof rows)[number]) =>
      row.concept !== "synthetic"
        ? "–"
        : row.format === "docx"
          ? Number(row.medianMs) <= 3000
            ? "≤ 3 s met"
            : "≤ 3 s missed"
          : row.format === "pdf"
            ? Number(row.medianMs) <= 8000
              ? "≤ 8 s met"
              : "≤ 8 s missed"
            : "–";
    console.log(
      `\nSynthetic concept: ${FIELDS} final chapters of ${WORDS_PER_CHAPTER} words, ${FIELDS * GOALS_PER_FIELD * MEASURES_PER_GOAL} measures. Server RSS idle before: ${idleRss.toFixed(0)} MiB\n`,
    );
    printTable(
      ["concept", "format", "median ms", "max ms", "size KiB", "server peak RSS MiB", "target"],
      rows.map((r) => [
        String(r.concept),
        String(r.format),
        Number(r.medianMs).toFixed(0),
        Number(r.maxMs).toFixed(0),
        Number(r.kib).toFixed(0),
        Number(r.peakRssMiB).toFixed(0),
        target(r),
      ]),
    );
    console.log();
    printTable(
      ["round", "phase", "edits timed", "p50 ms", "p99 ms", "exports"],
      phases.map((p) => [
        String(p.round),
        p.phase,
        String(p.edits),
        p.p50.toFixed(1),
        p.p99.toFixed(1),
        String(p.exports),
      ]),
    );
    const quiet = median(phases.filter((p) => p.phase === "without exports").map((p) => p.p99));
    const busy = median(phases.filter((p) => p.phase === "during exports").map((p) => p.p99));
    const ratio = busy / quiet;
    console.log();
    printTable(
      [
        `board p99 without exports ms (${CLIENTS} clients)`,
        "p99 during exports ms",
        "ratio",
        "target ≤ 2×",
      ],
      [[quiet.toFixed(1), busy.toFixed(1), `${ratio.toFixed(2)}×`, ratio <= 2 ? "met" : "missed"]],
    );
    writeResults("export", {
      runs: RUNS,
      seconds: SECONDS,
      rounds: ROUNDS,
      clients: CLIENTS,
      synthetic: {
        fields: FIELDS,
        wordsPerChapter: WORDS_PER_CHAPTER,
        measures: FIELDS * GOALS_PER_FIELD * MEASURES_PER_GOAL,
      },
      idleRssMiB: idleRss,
      exports: rows,
      phases,
      medianP99Quiet: quiet,
      medianP99Exports: busy,
      ratio,
    });
  } finally {
    await server.stop();
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
