/**
 * `npm run bench:signin`: does signing in stall the live board?
 *
 * Starts the real server (production build, PGlite), puts ten y-websocket clients on the demo
 * board, each editing twice a second, and measures edit latency (write → arrival at every other
 * client) in two phases of equal length: without sign-ins, and while 16 parallel sign-ins run
 * back to back (next-auth's credentials flow, as the API and scripts use it; the form's server
 * action runs the same code). The sign-ins come from a separate process at a lower CPU priority,
 * as they would from 16 devices. Target: board p99 during sign-ins at most 2× the p99 without.
 *
 * Options: --seconds 10 (per phase)  --rounds 3 (phases alternate: quiet, sign-ins, quiet, …)
 * --parallel 16. Sign-in limits are switched off for the run, so every sign-in hashes.
 */
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { ensureBuild } from "@/server/ensure-build";
import { identityOf } from "../tests/support/board-cards";
import { DEMO } from "../tests/support/demo-fixture";
import { HttpClient } from "../tests/support/http-client";
import { median, percentile, printTable, writeResults } from "./report";
import { boardClient, startBenchServer, type BoardClient } from "./bench-server";

const ROOT = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const argValue = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const SECONDS = Number(argValue("--seconds") ?? 10);
const ROUNDS = Number(argValue("--rounds") ?? 3);
const PARALLEL = Number(argValue("--parallel") ?? 16);
const CLIENTS = 10;
const EDITS_PER_SECOND = 2;

process.setMaxListeners(0);

interface SignInLoad {
  /** Runs the parallel sign-ins for `seconds`; resolves with each sign-in's duration in ms. */
  run(seconds: number): Promise<number[]>;
  stop(): void;
}

/**
 * The 16 people signing in, as a separate process at a lower CPU priority: in a real room they
 * sit at their own devices, so the load generator's own work must not count against the server
 * (nor delay the board clients that measure). Started once; each phase sends it "run <s>".
 */
async function startSignInLoad(baseUrl: string): Promise<SignInLoad> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "bench/signin.ts", "--sign-in-load", baseUrl],
    {
      cwd: ROOT,
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  try {
    os.setPriority(child.pid!, 10);
  } catch {
    // not permitted: the load then competes at the same priority
  }
  let buffer = "";
  const waiting: Array<(line: string) => void> = [];
  child.stdout!.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    let newline: number;
    while ((newline = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      waiting.shift()?.(line);
    }
  });
  const next = () => new Promise<string>((resolve) => waiting.push(resolve));
  await next(); // "ready"
  return {
    async run(seconds) {
      const reply = next();
      child.stdin!.write(`run ${seconds}\n`);
      return (JSON.parse(await reply) as { times: number[] }).times;
    },
    stop: () => child.kill("SIGTERM"),
  };
}

/** The child process of startSignInLoad: PARALLEL loops of next-auth credential sign-ins. */
async function runSignInLoad(baseUrl: string) {
  const accounts = [DEMO.moderator, DEMO.editor, DEMO.viewer];
  // Warm up this process's HTTP client and modules.
  await new HttpClient(baseUrl).fetch("/api/auth/csrf");
  process.stdin.setEncoding("utf8");
  let pending = "";
  process.stdin.on("data", (chunk: string) => {
    pending += chunk;
    let newline: number;
    while ((newline = pending.indexOf("\n")) >= 0) {
      const seconds = Number(pending.slice(0, newline).split(" ")[1]);
      pending = pending.slice(newline + 1);
      void (async () => {
        const stopAt = performance.now() + seconds * 1000;
        const times: number[] = [];
        await Promise.all(
          Array.from({ length: PARALLEL }, async (_, i) => {
            while (performance.now() < stopAt) {
              const started = performance.now();
              const client = new HttpClient(baseUrl);
              await client.signIn(accounts[i % accounts.length]!);
              if (!client.hasSession()) throw new Error("sign-in failed during the bench");
              times.push(performance.now() - started);
            }
          }),
        );
        process.stdout.write(`${JSON.stringify({ times })}\n`);
      })();
    }
  });
  // The parent went away: so does the load.
  process.stdin.on("end", () => process.exit(0));
  process.stdout.write("ready\n");
}

interface Phase {
  round: number;
  phase: "without sign-ins" | "during sign-ins";
  edits: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  signIns: number;
  signInP50?: number;
  signInP99?: number;
}

async function runPhase({
  clients,
  load,
  withSignIns,
  round,
  latencies,
}: {
  clients: BoardClient[];
  load: SignInLoad;
  withSignIns: boolean;
  round: number;
  latencies: number[];
}): Promise<Phase> {
  latencies.length = 0;
  const stopAt = performance.now() + SECONDS * 1000;
  const running = withSignIns ? load.run(SECONDS) : undefined;
  const timers: NodeJS.Timeout[] = [];
  clients.forEach((client, i) => {
    let seq = round * 1_000_000;
    const tick = () => {
      if (performance.now() >= stopAt) return;
      client.edit(seq++);
      timers.push(setTimeout(tick, 1000 / EDITS_PER_SECOND));
    };
    timers.push(setTimeout(tick, Math.random() * (1000 / EDITS_PER_SECOND) + i));
  });
  const [signInTimes] = await Promise.all([
    running ?? Promise.resolve([]),
    new Promise((resolve) => setTimeout(resolve, SECONDS * 1000)),
  ]);
  // Let the last edits arrive.
  await new Promise((resolve) => setTimeout(resolve, 500));
  for (const t of timers) clearTimeout(t);
  const sorted = [...latencies].sort((a, b) => a - b);
  const signIns = [...signInTimes].sort((a, b) => a - b);
  return {
    round,
    phase: withSignIns ? "during sign-ins" : "without sign-ins",
    edits: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
    signIns: signIns.length,
    signInP50: withSignIns ? percentile(signIns, 50) : undefined,
    signInP99: withSignIns ? percentile(signIns, 99) : undefined,
  };
}

async function main() {
  ensureBuild(ROOT);
  const server = await startBenchServer({
    prefix: "kw-bench-signin-",
    env: { SIGNIN_LIMIT_PER_ACCOUNT: "0", SIGNIN_LIMIT_PER_ADDRESS: "0" },
  });
  try {
    const moderator = new HttpClient(server.baseUrl);
    await moderator.signIn(DEMO.moderator);
    const html = await (await moderator.fetch("/")).text();
    const conceptId = /href="\/concepts\/([0-9a-f-]{36})"/.exec(html)?.[1];
    const workshops = (await (
      await moderator.fetch(`/api/concepts/${conceptId}/workshops`)
    ).json()) as Array<{ boardDoc: string }>;
    const docName = workshops[0]!.boardDoc;
    const author = await identityOf(moderator);
    const latencies: number[] = [];
    const clients: BoardClient[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      clients.push(
        await boardClient(
          `${server.baseUrl.replace(/^http/, "ws")}/sync`,
          docName,
          moderator.cookieHeader,
          author,
          latencies,
        ),
      );
    }
    // Warm up: the first sign-ins and edits pay for JIT and module loading.
    await Promise.all(
      Array.from({ length: 4 }, () => new HttpClient(server.baseUrl).signIn(DEMO.editor)),
    );
    const load = await startSignInLoad(server.baseUrl);
    await load.run(2);
    await runPhase({ clients, load, withSignIns: false, round: 0, latencies });

    const phases: Phase[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      for (const withSignIns of [false, true]) {
        const phase = await runPhase({
          clients,
          load,
          withSignIns,
          round,
          latencies,
        });
        phases.push(phase);
        console.error(
          `done: round ${round}, ${phase.phase}: p99 ${phase.p99.toFixed(1)} ms, ${phase.signIns} sign-ins`,
        );
      }
    }
    for (const c of clients) c.close();
    load.stop();

    printTable(
      [
        "round",
        "phase",
        "edits timed",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "max ms",
        "sign-ins",
        "sign-in p50/p99 ms",
      ],
      phases.map((p) => [
        String(p.round),
        p.phase,
        String(p.edits),
        p.p50.toFixed(1),
        p.p95.toFixed(1),
        p.p99.toFixed(1),
        p.max.toFixed(1),
        String(p.signIns),
        p.signInP50 === undefined ? "–" : `${p.signInP50.toFixed(0)}/${p.signInP99!.toFixed(0)}`,
      ]),
    );
    const quiet = median(phases.filter((p) => p.phase === "without sign-ins").map((p) => p.p99));
    const busy = median(phases.filter((p) => p.phase === "during sign-ins").map((p) => p.p99));
    const ratio = busy / quiet;
    console.log();
    printTable(
      [
        "median p99 without sign-ins ms",
        `median p99 during ${PARALLEL} parallel sign-ins ms`,
        "ratio",
        "target ≤ 2×",
      ],
      [[quiet.toFixed(1), busy.toFixed(1), `${ratio.toFixed(2)}×`, ratio <= 2 ? "met" : "missed"]],
    );
    writeResults("signin", {
      seconds: SECONDS,
      rounds: ROUNDS,
      parallel: PARALLEL,
      clients: CLIENTS,
      editsPerSecond: EDITS_PER_SECOND,
      phases,
      medianP99Quiet: quiet,
      medianP99SignIns: busy,
      ratio,
    });
  } finally {
    await server.stop();
  }
  process.exit(0);
}

const loadTarget = argValue("--sign-in-load");
(loadTarget ? runSignInLoad(loadTarget) : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
