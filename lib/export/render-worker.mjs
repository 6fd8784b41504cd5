// The export render worker: writes one DOCX or PDF off the main thread, so a large concept never
// stalls the sync server or other requests. Started per export by lib/export/render-export.ts.
import { parentPort, workerData } from "node:worker_threads";

/** The TypeScript job, through tsx's loader when the worker did not inherit one. */
async function loadJob() {
  try {
    return await import("./render-job.ts");
  } catch (error) {
    if (error?.code !== "ERR_UNKNOWN_FILE_EXTENSION") throw error;
    const { register } = await import("tsx/esm/api");
    register();
    // A new specifier: the failed import stays cached under the old one.
    return import("./render-job.ts?tsx");
  }
}

const { renderBinary } = await loadJob();
const bytes = await renderBinary(workerData.model, workerData.format);
parentPort.postMessage(bytes, [bytes.buffer]);
