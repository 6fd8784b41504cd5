/**
 * Checks legacy bcrypt password hashes in a worker thread, so bcryptjs's CPU work never runs on
 * the server's event loop. Messages: { id, password, hash } → { id, ok } or { id, error }.
 * Used by lib/auth/password.ts.
 */
import { parentPort } from "node:worker_threads";
import bcrypt from "bcryptjs";

parentPort.on("message", ({ id, password, hash }) => {
  try {
    parentPort.postMessage({ id, ok: bcrypt.compareSync(password, hash) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error) });
  }
});
