/**
 * Password hashing in a worker thread at a lower CPU priority, so neither scrypt nor legacy
 * bcrypt ever runs on the server's event loop, and when both want the CPU the event loop (the
 * live board) wins. Used by lib/auth/password.ts.
 *
 * Messages: { id, op: "scrypt", password, salt, N, r, p, length, maxmem } → { id, key }
 *           { id, op: "bcrypt", password, hash } → { id, ok };  failures → { id, error }.
 */
import crypto from "node:crypto";
import os from "node:os";
import { parentPort } from "node:worker_threads";
import bcrypt from "bcryptjs";

try {
  // On Linux, priority 0's "process" is the calling thread: only this worker is niced.
  os.setPriority(0, 10);
} catch {
  // not permitted or not supported: the worker still keeps the work off the event loop
}

parentPort.on("message", (job) => {
  try {
    if (job.op === "scrypt") {
      const key = crypto.scryptSync(job.password, Buffer.from(job.salt), job.length, {
        N: job.N,
        r: job.r,
        p: job.p,
        maxmem: job.maxmem,
      });
      parentPort.postMessage({ id: job.id, key });
    } else if (job.op === "bcrypt") {
      parentPort.postMessage({ id: job.id, ok: bcrypt.compareSync(job.password, job.hash) });
    } else {
      parentPort.postMessage({ id: job.id, error: `unknown op ${job.op}` });
    }
  } catch (error) {
    parentPort.postMessage({ id: job.id, error: String(error) });
  }
});
