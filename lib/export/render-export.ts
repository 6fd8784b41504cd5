import "server-only";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { ExportModel } from "./model";
import type { BinaryFormat } from "./render-job";

/** A render that takes longer than this is stopped (its worker terminated). */
const RENDER_TIMEOUT_MS = 120_000;

const WORKER_URL = pathToFileURL(path.resolve(process.cwd(), "lib/export/render-worker.mjs")).href;

let queue: Promise<unknown> = Promise.resolve();

function runWorker(model: ExportModel, format: BinaryFormat): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    // A one-line script that imports the worker module, so Next's bundler does not follow it:
    // the worker runs the TypeScript writers from the source tree through tsx.
    const worker = new Worker(`import(${JSON.stringify(WORKER_URL)})`, {
      eval: true,
      workerData: { model, format },
    });
    let bytes: Uint8Array<ArrayBuffer> | null = null;
    const timer = setTimeout(() => void worker.terminate(), RENDER_TIMEOUT_MS);
    worker.once("message", (message: Uint8Array<ArrayBuffer>) => (bytes = message));
    worker.once("error", reject);
    worker.once("exit", (code) => {
      clearTimeout(timer);
      if (bytes) resolve(bytes);
      else reject(new Error(`export worker exited with ${code} and no file`));
    });
  });
}

/**
 * Writes the model as DOCX or PDF in a worker thread of its own, started for this export and
 * gone after it: the main thread (HTTP, the sync server) never runs the layout and never loads
 * docx or pdfmake. One render at a time per process; further ones wait their turn.
 */
export function renderInWorker({
  model,
  format,
}: {
  model: ExportModel;
  format: BinaryFormat;
}): Promise<Uint8Array<ArrayBuffer>> {
  const run = queue.then(() => runWorker(model, format));
  queue = run.catch(() => undefined);
  return run;
}
