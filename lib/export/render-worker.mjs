// The export render worker: writes DOCX and PDF files off the main thread, so a large concept
// never stalls the sync server or other requests. Started on demand by
// lib/export/render-export.ts, which ends it again after a while without exports.
import fs from "node:fs";
import os from "node:os";
import { parentPort } from "node:worker_threads";

/**
 * Renders at a lower CPU priority than the main thread (Linux: setpriority on this thread's own
 * id), so on a busy machine the board's messages go first. Elsewhere it runs as it is.
 */
function lowerPriority() {
  try {
    const tid = Number(fs.readlinkSync("/proc/thread-self").split("/").pop());
    if (tid) os.setPriority(tid, 10);
  } catch {
    // not Linux, or not permitted
  }
}

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

lowerPriority();
const { renderBinary } = await loadJob();
parentPort.on("message", async ({ id, job, format }) => {
  try {
    const bytes = await renderBinary(job, format);
    parentPort.postMessage({ id, bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.stack ?? error) });
  }
});
