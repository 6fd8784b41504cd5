/**
 * `npm run bench:sync`: the project's sync server against the reference y-websocket server
 * (@y/websocket-server 0.1.1: no auth, no persistence), same load, same run.
 *
 * Load model: N clients on one board document, each editing the text of its own card once a
 * second at a random offset within the second (so the server's board rules check every edit). Ten are full y-websocket clients that apply everything and measure latency
 * (write → arrival at every other full client). The rest are lightweight writers: they encode
 * their own edits with their own Y.Doc and never apply what they receive, so the load generator
 * leaves the cores to the server, which still fans out to every client.
 *
 * Options: --clients 20,100,300  --seconds 10  (env BENCH_SECONDS)  --rounds 1
 * --targets reference,pglite,postgres (postgres needs DATABASE_URL)  --settle 40 (seconds after
 * the clients leave before the last memory sample); BENCH_NODE_ARGS are passed to the
 * project's server process (for profiling).
 *
 * Memory: the server process's RSS (VmRSS of /proc/<pid>/status, all threads, so the PGlite
 * worker too) idle after start, its peak while the clients connect and edit, at the end of the
 * edits, and after the clients have left and --settle seconds passed (documents unload 30 s
 * after their last client). The project's server also reports its main thread's heap and
 * external memory through bench/memory-probe.mjs.
 *
 * With --rounds R, each client count runs the targets in turn R times (reference, PGlite,
 * Postgres, reference, …), so slow drifts of a shared machine hit every target alike, and a
 * summary compares the median p99 of each target with the reference's.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { CardAuthor } from "@/lib/board/board-schema";
import { parseEnv } from "@/lib/env";
import { ensureBuild } from "@/server/ensure-build";
import { encodeSyncMessage, encodeSyncStep1, SYNC } from "@/server/sync/protocol";
import { identityOf } from "../tests/support/board-cards";
import { HttpClient } from "../tests/support/http-client";
import { median, printTable, writeResults } from "./report";
import { ownCard, timeArrivals } from "./timed-card";

const ROOT = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const argValue = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const CLIENT_COUNTS = (argValue("--clients") ?? "20,100,300").split(",").map(Number);
const SECONDS = Number(argValue("--seconds") ?? process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(argValue("--rounds") ?? 1);
const SETTLE_SECONDS = Number(argValue("--settle") ?? 40);
/** A fresh server settles this long (JIT, first requests' garbage) before its idle sample. */
const IDLE_SETTLE_MS = 5_000;
const FULL_CLIENTS = 10;
const DATABASE_URL = parseEnv(process.env).DATABASE_URL;

process.setMaxListeners(0);

interface Target {
  name: string;
  /** The project's server reports its group-commit latency; the reference has none. */
  metrics?: () => Promise<{ persistLatency: { p50: number; p99: number } }>;
  /** Where the project's server writes its heap figures (bench/memory-probe.mjs). */
  memoryFile?: string;
  process: ChildProcess;
  wsBase: string;
  docName: string;
  headers: Record<string, string>;
  /** Who the clients write as: their cards carry this author. */
  author: CardAuthor;
  stop(): Promise<void>;
}

function waitForOutput(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`exited ${code}:\n${output}`)));
  });
}

function stopper(child: ChildProcess, cleanUp?: () => Promise<void>) {
  return async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
    await cleanUp?.();
  };
}

async function startReference(): Promise<Target> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(
    process.execPath,
    [path.join(ROOT, "node_modules/@y/websocket-server/src/server.js")],
    {
      env: { ...process.env, HOST: "127.0.0.1", PORT: String(port) },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  await waitForOutput(child, /running at/);
  return {
    name: "reference y-websocket",
    process: child,
    wsBase: `ws://127.0.0.1:${port}`,
    docName: "board-bench",
    headers: {},
    author: { id: "bench", name: "Arbeitsgruppe" },
    stop: stopper(child),
  };
}

async function startProject(database: "pglite" | "postgres"): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-bench-"));
  let databaseUrl = "";
  let dropDatabase: (() => Promise<void>) | undefined;
  if (database === "postgres") {
    const { createPostgresDatabase } = await import("../tests/support/test-database");
    const created = await createPostgresDatabase();
    databaseUrl = created.url;
    dropDatabase = created.drop;
  }
  // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the server under load.
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const memoryFile = path.join(dataDir, "memory.json");
  const probe = path.join(ROOT, "bench/memory-probe.mjs");
  const serverArgs = [...nodeArgs, "--import", probe, "--import", "tsx", "server/main.ts"];
  const child = spawn(process.execPath, serverArgs, {
    cwd: ROOT,
    env: {
      ...process.env,
      BENCH_MEMORY_FILE: memoryFile,
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      REDIS_URL: "",
      LOG_LEVEL: "info",
      // All clients sign in as one person here; a real room has one socket or three per person.
      SYNC_MAX_SOCKETS_PER_PERSON: "10000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const match = await waitForOutput(child, /"msg":"listening","url":"http:\/\/localhost:(\d+)"/);
  const baseUrl = `http://127.0.0.1:${match[1]}`;
  const moderator = new HttpClient(baseUrl);
  await moderator.signIn("moderation@deichhausen.example");
  const html = await (await moderator.fetch("/")).text();
  const conceptId = /href="\/concepts\/([0-9a-f-]{36})"/.exec(html)?.[1];
  const workshops = (await (
    await moderator.fetch(`/api/concepts/${conceptId}/workshops`)
  ).json()) as Array<{ boardDoc: string }>;
  return {
    name: `project (${database === "pglite" ? "PGlite" : "Postgres"})`,
    // With the moderator's session: /api/metrics may require one.
    metrics: async () => (await moderator.fetch("/api/metrics")).json(),
    memoryFile,
    process: child,
    wsBase: `ws://127.0.0.1:${match[1]}/sync`,
    docName: workshops[0]!.boardDoc,
    headers: { cookie: moderator.cookieHeader },
    author: await identityOf(moderator),
    stop: stopper(child, async () => {
      await dropDatabase?.();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }),
  };
}

/** utime + stime of a process in seconds, and its resident memory (all threads) in MiB. */
function processStats(pid: number): { cpuSeconds: number; rssMiB: number } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return { cpuSeconds: ticks / 100, rssMiB: rssKb / 1024 };
}

interface HeapSample {
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

/**
 * The heap figures the project's server last wrote (bench/memory-probe.mjs): the main thread's,
 * and the worker threads' (the PGlite worker) summed.
 */
function heapSample(target: Target): (HeapSample & { workers: HeapSample }) | undefined {
  if (!target.memoryFile) return undefined;
  const read = (file: string): HeapSample => {
    const { heapUsed, heapTotal, external, arrayBuffers } = JSON.parse(
      fs.readFileSync(file, "utf8"),
    ) as HeapSample;
    return { heapUsed, heapTotal, external, arrayBuffers };
  };
  try {
    const dir = path.dirname(target.memoryFile);
    const stem = path.basename(target.memoryFile, ".json");
    const workers = { heapUsed: 0, heapTotal: 0, external: 0, arrayBuffers: 0 };
    for (const name of fs.readdirSync(dir)) {
      if (!name.startsWith(`${stem}.thread`) || !name.endsWith(".json")) continue;
      // A thread that ended (the one that ran initdb) stopped writing: not counted.
      const file = path.join(dir, name);
      if (Date.now() - fs.statSync(file).mtimeMs > 3_000) continue;
      const sample = read(file);
      for (const key of Object.keys(workers) as Array<keyof HeapSample>)
        workers[key] += sample[key];
    }
    return { ...read(target.memoryFile), workers };
  } catch {
    return undefined;
  }
}

/** Tracks the highest RSS of a process, sampled every 250 ms until stopped. */
function peakSampler(pid: number) {
  let peak = processStats(pid).rssMiB;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, processStats(pid).rssMiB);
    } catch {
      // the process exited; the last peak stands
    }
  }, 250);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Writer {
  edit(seq: number): void;
  close(): void;
}

/** A full client: the y-websocket provider, applying everything and timing what arrives. */
async function fullClient(
  target: Target,
  latencies: number[],
  received: { count: number },
): Promise<Writer> {
  const headers = target.headers;
  class HeaderWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(target.wsBase, target.docName, doc, {
    WebSocketPolyfill: HeaderWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  timeArrivals(doc, (ms) => {
    latencies.push(ms);
    received.count++;
  });
  await new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    provider.on("sync", (synced: boolean) => synced && resolve());
  });
  const edit = ownCard(doc, target.author);
  return { edit, close: () => provider.destroy() };
}

/** A lightweight writer: its own Y.Doc for encoding, a raw socket, nothing applied. */
async function lightWriter(target: Target): Promise<Writer> {
  const doc = new Y.Doc();
  const ws = new WebSocket(`${target.wsBase}/${target.docName}`, { headers: target.headers });
  ws.binaryType = "nodebuffer";
  await new Promise<void>((resolve, reject) => {
    ws.once("error", reject);
    ws.once("open", () => {
      ws.send(encodeSyncStep1(Y.encodeStateVector(doc)));
      // Synced once the server's sync step 2 (first frame [0, 1, …]) arrives.
      ws.on("message", function first(data: Buffer) {
        if (data[0] === 0 && data[1] === 1) {
          ws.off("message", first);
          resolve();
        }
      });
    });
  });
  ws.on("error", () => undefined);
  doc.on("update", (update: Uint8Array) => {
    if (ws.readyState === ws.OPEN) ws.send(encodeSyncMessage(SYNC.update, update));
  });
  const edit = ownCard(doc, target.author);
  return { edit, close: () => ws.close() };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface Result {
  round: number;
  server: string;
  clients: number;
  connectSyncMs: number;
  delivered: number;
  expected: number;
  p50: number;
  p95: number;
  p99: number;
  cpuSeconds: number;
  /** RSS at the end of the edits (all clients connected). */
  rssMiB: number;
  /** RSS of the fresh server before any client connected. */
  rssIdleMiB: number;
  /** Highest RSS sampled while the clients connected and edited. */
  rssPeakMiB: number;
  /** RSS after the clients left and the settle time passed. */
  rssAfterMiB: number;
  /** The project's main-thread heap figures at the same three points. */
  heapIdle?: ReturnType<typeof heapSample>;
  heapLoaded?: ReturnType<typeof heapSample>;
  heapAfter?: ReturnType<typeof heapSample>;
  persistP50?: number;
  persistP99?: number;
}

async function runLoad(target: Target, n: number, round: number): Promise<Result> {
  const pid = target.process.pid!;
  await sleep(IDLE_SETTLE_MS);
  const rssIdleMiB = processStats(pid).rssMiB;
  const heapIdle = heapSample(target);
  const peak = peakSampler(pid);

  const latencies: number[] = [];
  const received = { count: 0 };
  const fullCount = Math.min(FULL_CLIENTS, n);
  const started = performance.now();
  const writers: Writer[] = [];
  for (let i = 0; i < fullCount; i++) writers.push(await fullClient(target, latencies, received));
  for (let batch = fullCount; batch < n; batch += 25) {
    const size = Math.min(25, n - batch);
    writers.push(...(await Promise.all(Array.from({ length: size }, () => lightWriter(target)))));
  }
  const connectSyncMs = performance.now() - started;

  await new Promise((resolve) => setTimeout(resolve, 1_000));
  latencies.length = 0;
  received.count = 0;
  const before = processStats(target.process.pid!);

  // Every client edits once a second, starting at a random point within the second.
  let edits = 0;
  const editsByFull = new Array<number>(fullCount).fill(0);
  const timers: NodeJS.Timeout[] = [];
  const stopAt = performance.now() + SECONDS * 1000;
  writers.forEach((writer, i) => {
    let seq = 0;
    const tick = () => {
      if (performance.now() >= stopAt) return;
      writer.edit(seq++);
      edits++;
      if (i < fullCount) editsByFull[i]!++;
      timers.push(setTimeout(tick, 1000));
    };
    timers.push(setTimeout(tick, Math.random() * 1000));
  });
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000 + 100));
  const expected = editsByFull.reduce((sum, own) => sum + (edits - own), 0);
  const drainUntil = performance.now() + 10_000;
  while (received.count < expected && performance.now() < drainUntil) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const after = processStats(pid);
  const heapLoaded = heapSample(target);
  const rssPeakMiB = peak.stop();
  for (const t of timers) clearTimeout(t);
  const persist = target.metrics ? (await target.metrics()).persistLatency : undefined;
  for (const w of writers) w.close();
  // Documents unload 30 s after their last client leaves; memory is sampled after that.
  await sleep(SETTLE_SECONDS * 1000);
  const rssAfterMiB = processStats(pid).rssMiB;
  const heapAfter = heapSample(target);

  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    round,
    server: target.name,
    clients: n,
    connectSyncMs,
    delivered: received.count,
    expected,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    cpuSeconds: after.cpuSeconds - before.cpuSeconds,
    rssMiB: after.rssMiB,
    rssIdleMiB,
    rssPeakMiB,
    rssAfterMiB,
    heapIdle,
    heapLoaded,
    heapAfter,
    persistP50: persist?.p50,
    persistP99: persist?.p99,
  };
}

function printResults(results: Result[]) {
  const header = [
    "clients",
    ...(ROUNDS > 1 ? ["round"] : []),
    "server",
    "connect+sync ms",
    "delivered/expected",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "server CPU s",
    "RSS idle/peak/after MiB",
    "persist p50/p99 ms",
  ];
  const rows = results.map((r) => [
    String(r.clients),
    ...(ROUNDS > 1 ? [String(r.round)] : []),
    r.server,
    r.connectSyncMs.toFixed(0),
    `${r.delivered}/${r.expected}`,
    r.p50.toFixed(1),
    r.p95.toFixed(1),
    r.p99.toFixed(1),
    r.cpuSeconds.toFixed(2),
    `${r.rssIdleMiB.toFixed(0)}/${r.rssPeakMiB.toFixed(0)}/${r.rssAfterMiB.toFixed(0)}`,
    r.persistP50 === undefined ? "–" : `${r.persistP50.toFixed(1)}/${r.persistP99!.toFixed(1)}`,
  ]);
  printTable(header, rows);
}

/**
 * Memory per run: the process RSS idle after start, at its peak under load, at the end of the
 * edits and after the clients left, and the V8 heap (used) and external memory of the main
 * thread and of the worker threads (PGlite) at the same points, as the project's server
 * reports them.
 */
function printMemory(results: Result[]) {
  const heap = (h?: ReturnType<typeof heapSample>) =>
    h
      ? `${h.heapUsed.toFixed(0)}/${h.external.toFixed(0)} · ${h.workers.heapUsed.toFixed(0)}/${h.workers.external.toFixed(0)}`
      : "–";
  console.log();
  printTable(
    [
      "clients",
      ...(ROUNDS > 1 ? ["round"] : []),
      "server",
      "RSS idle MiB",
      "RSS peak MiB",
      "RSS end of load MiB",
      `RSS ${SETTLE_SECONDS} s after leave MiB`,
      "heap/external idle MiB (main · workers)",
      "… end of load",
      "… after leave",
    ],
    results.map((r) => [
      String(r.clients),
      ...(ROUNDS > 1 ? [String(r.round)] : []),
      r.server,
      r.rssIdleMiB.toFixed(0),
      r.rssPeakMiB.toFixed(0),
      r.rssMiB.toFixed(0),
      r.rssAfterMiB.toFixed(0),
      heap(r.heapIdle),
      heap(r.heapLoaded),
      heap(r.heapAfter),
    ]),
  );
}

/** Per client count and server: p99 of each round, their median, and its ratio to the reference's. */
function printSummary(results: Result[]) {
  const rows: string[][] = [];
  for (const n of CLIENT_COUNTS) {
    const ofN = results.filter((r) => r.clients === n);
    const servers = [...new Set(ofN.map((r) => r.server))];
    const medianOf = (server: string) =>
      median(ofN.filter((r) => r.server === server).map((r) => r.p99));
    const reference = servers.find((s) => s.startsWith("reference"));
    for (const server of servers) {
      const runs = ofN.filter((r) => r.server === server);
      const lost = runs.reduce((sum, r) => sum + r.expected - r.delivered, 0);
      rows.push([
        String(n),
        server,
        runs.map((r) => r.p99.toFixed(1)).join(", "),
        medianOf(server).toFixed(1),
        reference ? `${(medianOf(server) / medianOf(reference)).toFixed(2)}×` : "–",
        String(lost),
      ]);
    }
  }
  console.log();
  printTable(
    ["clients", "server", "p99 per round ms", "median p99 ms", "vs reference", "lost"],
    rows,
  );
}

async function main() {
  ensureBuild(ROOT);
  const all: Record<string, () => Promise<Target>> = {
    reference: startReference,
    pglite: () => startProject("pglite"),
    ...(DATABASE_URL ? { postgres: () => startProject("postgres") } : {}),
  };
  const chosen = argValue("--targets")?.split(",") ?? Object.keys(all);
  const starters = chosen.map((name) => {
    const start = all[name];
    if (!start) throw new Error(`unknown target ${name} (postgres needs DATABASE_URL)`);
    return start;
  });
  const results: Result[] = [];
  for (const n of CLIENT_COUNTS) {
    for (let round = 1; round <= ROUNDS; round++) {
      for (const start of starters) {
        const target = await start();
        try {
          const result = await runLoad(target, n, round);
          results.push(result);
          console.error(
            `done: ${result.server}, ${n} clients, round ${round}, p99 ${result.p99.toFixed(1)} ms, ${result.delivered}/${result.expected}`,
          );
        } finally {
          await target.stop();
        }
      }
    }
  }
  printResults(results);
  printMemory(results);
  printSummary(results);
  writeResults("sync", {
    seconds: SECONDS,
    rounds: ROUNDS,
    settleSeconds: SETTLE_SECONDS,
    fullClients: FULL_CLIENTS,
    results,
  });
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
