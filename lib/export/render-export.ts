import "server-only";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { BinaryFormat, RenderJob } from "./render-job";

/** A render that takes longer than this is stopped (its worker terminated). */
const RENDER_TIMEOUT_MS = 120_000;
/** The worker (with docx and pdfmake loaded) ends after this long without an export. */
const IDLE_MS = 30_000;

const WORKER_URL = pathToFileURL(path.resolve(process.cwd(), "lib/export/render-worker.mjs")).href;

type Reply = { id: number; bytes: Uint8Array<ArrayBuffer> } | { id: number; error: string };

let worker: Worker | null = null;
let idleTimer: NodeJS.Timeout | null = null;
let nextId = 1;
let queue: Promise<unknown> = Promise.resolve();

/** The running worker, or a new one. */
function renderWorker(): Worker {
  if (idleTimer) clearTimeout(idleTimer);
  if (worker) return worker;
  // A one-line script that imports the worker module, so Next's bundler does not follow it:
  // the worker runs the TypeScript writers from the source tree through tsx.
  const started = new Worker(`import(${JSON.stringify(WORKER_URL)})`, { eval: true });
  started.unref();
  started.once("exit", () => {
    if (worker === started) worker = null;
  });
  worker = started;
  return started;
}

function stopWhenIdle() {
  idleTimer = setTimeout(() => void worker?.terminate(), IDLE_MS);
  idleTimer.unref();
}

function runJob(job: RenderJob, format: BinaryFormat): Promise<Uint8Array<ArrayBuffer>> {
  const current = renderWorker();
  const id = nextId++;
  return new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    const timer = setTimeout(() => void current.terminate(), RENDER_TIMEOUT_MS);
    const done = () => {
      clearTimeout(timer);
      current.off("message", onMessage);
      current.off("error", onError);
      current.off("exit", onExit);
    };
    const onMessage = (reply: Reply) => {
      if (reply.id !== id) return;
      done();
      if ("bytes" in reply) resolve(reply.bytes);
      else reject(new Error(`export render failed: ${reply.error}`));
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    const onExit = (code: number) => {
      done();
      reject(new Error(`export worker exited with ${code}`));
    };
    current.on("message", onMessage);
    current.once("error", onError);
    current.once("exit", onExit);
    current.postMessage({ id, job, format });
  }).finally(stopWhenIdle);
}

/**
 * Writes a document (the concept, or its council paper) as DOCX or PDF in a worker thread at a lower CPU priority: the main thread
 * (HTTP, the sync server) never runs the layout and never loads docx or pdfmake. The worker is
 * started by the first export and ends after IDLE_MS without one. One render at a time per
 * process; further ones wait their turn.
 */
export function renderInWorker({
  job,
  format,
}: {
  job: RenderJob;
  format: BinaryFormat;
}): Promise<Uint8Array<ArrayBuffer>> {
  const run = queue.then(() => runJob(job, format));
  queue = run.catch(() => undefined);
  return run;
}
