/**
 * Password hashes, computed and checked off the event loop so sign-ins never stall live boards.
 *
 * New hashes use scrypt; hashes from before (bcrypt, "$2a$…/$2b$…") still verify, and
 * `passwordNeedsRehash` tells the caller to replace them after a successful sign-in. Both run in
 * worker threads (password-worker.mjs) at a lower CPU priority than the event loop: at most
 * (cores − 1) at once, at least one, so a burst of sign-ins leaves a core to the board and the
 * database, and further sign-ins wait their turn. (Node's async `crypto.scrypt` would run on
 * libuv's thread pool at the event loop's priority, shared with file I/O; measured in
 * `npm run bench:signin`, docs/PERFORMANCE.md.)
 *
 * Stored format (PHC string): `$scrypt$ln=<log2 N>,r=<r>,p=<p>$<salt>$<hash>`, base64 without
 * padding.
 */
import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";

interface ScryptParams {
  /** log2 of the CPU/memory cost N */
  ln: number;
  r: number;
  p: number;
}

/**
 * OWASP's scrypt setting for a 16 MiB memory budget (N = 2^14, r = 8, p = 5): the memory of one
 * hash stays small on a town's server, the CPU cost matches N = 2^16.
 */
const CURRENT: ScryptParams = { ln: 14, r: 8, p: 5 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
/** Refuse stored parameters that would let a crafted hash exhaust memory or CPU. */
const MAX_LN = 20;
const MAX_P = 16;

interface ScryptHash {
  params: ScryptParams;
  salt: Buffer;
  hash: Buffer;
}

function formatScrypt({ params, salt, hash }: ScryptHash): string {
  const b64 = (buffer: Buffer) => buffer.toString("base64").replace(/=+$/, "");
  return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${b64(salt)}$${b64(hash)}`;
}

function parseScrypt(stored: string): ScryptHash | null {
  const match = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(
    stored,
  );
  if (!match) return null;
  const [ln, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (ln < 1 || ln > MAX_LN || r < 1 || r > 32 || p < 1 || p > MAX_P) return null;
  const salt = Buffer.from(match[4]!, "base64");
  const hash = Buffer.from(match[5]!, "base64");
  if (hash.length < 16 || salt.length < 8) return null;
  return { params: { ln, r, p }, salt, hash };
}

function scryptKey({
  password,
  salt,
  params,
  length,
}: {
  password: string;
  salt: Buffer;
  params: ScryptParams;
  length: number;
}): Promise<Buffer> {
  const N = 2 ** params.ln;
  return hashWorkers().run({
    op: "scrypt",
    password: password.normalize("NFC"),
    salt,
    N,
    r: params.r,
    p: params.p,
    length,
    // scrypt needs about 128 · N · r bytes; leave headroom over Node's 32 MiB default.
    maxmem: 256 * N * params.r,
  }) as Promise<Buffer>;
}

const isBcrypt = (stored: string) => /^\$2[abxy]\$\d{2}\$/.test(stored);

export async function hashPassword({ password }: { password: string }): Promise<string> {
  const salt = crypto.randomBytes(SALT_LENGTH);
  const hash = await scryptKey({ password, salt, params: CURRENT, length: KEY_LENGTH });
  return formatScrypt({ params: CURRENT, salt, hash });
}

/** True when `password` matches `hash` (scrypt or legacy bcrypt); false for anything else. */
export async function verifyPassword({
  password,
  hash: stored,
}: {
  password: string;
  hash: string;
}): Promise<boolean> {
  const parsed = parseScrypt(stored);
  if (parsed) {
    const candidate = await scryptKey({
      password,
      salt: parsed.salt,
      params: parsed.params,
      length: parsed.hash.length,
    });
    return crypto.timingSafeEqual(candidate, parsed.hash);
  }
  if (isBcrypt(stored)) {
    return hashWorkers().run({ op: "bcrypt", password, hash: stored }) as Promise<boolean>;
  }
  return false;
}

/** A stored hash that verified but is not the current scheme: bcrypt, or weaker scrypt settings. */
export function passwordNeedsRehash({ hash }: { hash: string }): boolean {
  const parsed = parseScrypt(hash);
  if (!parsed) return true;
  const { ln, r, p } = parsed.params;
  return (
    ln !== CURRENT.ln || r !== CURRENT.r || p !== CURRENT.p || parsed.hash.length !== KEY_LENGTH
  );
}

/**
 * A hash of no real password, compared against when an account does not exist (or has no
 * password), so a failed sign-in costs the same time either way and does not reveal which
 * accounts exist. It has the current parameters, so it costs what a real hash costs.
 */
export const DUMMY_HASH = formatScrypt({
  params: CURRENT,
  salt: Buffer.from("integrationskonzept:dummy-salt"),
  hash: Buffer.alloc(KEY_LENGTH),
});

type Job =
  | {
      op: "scrypt";
      password: string;
      salt: Buffer;
      N: number;
      r: number;
      p: number;
      length: number;
      maxmem: number;
    }
  | { op: "bcrypt"; password: string; hash: string };

interface Pending {
  resolve(value: Buffer | boolean): void;
  reject(error: Error): void;
}

/**
 * A few hashing workers, started on first use; one job per worker at a time, the rest queue.
 * Idle workers never keep the process alive.
 */
class HashWorkers {
  private idle: Worker[] = [];
  private started = 0;
  private queue: Array<{ job: Job; pending: Pending }> = [];
  private nextId = 1;
  private inFlight = new Map<number, Pending>();

  constructor(private readonly size: number) {}

  run(job: Job): Promise<Buffer | boolean> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, pending: { resolve, reject } });
      this.pump();
    });
  }

  private pump() {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.started < this.size ? this.start() : undefined);
      if (!worker) return;
      const { job, pending } = this.queue.shift()!;
      const id = this.nextId++;
      this.inFlight.set(id, pending);
      (worker as Worker & { jobId?: number }).jobId = id;
      worker.ref();
      worker.postMessage({ id, ...job });
    }
  }

  private start(): Worker {
    this.started++;
    // A plain path (not `new URL(…, import.meta.url)`), so bundlers leave it alone.
    const worker = new Worker(path.resolve(process.cwd(), "lib/auth/password-worker.mjs"));
    worker.unref();
    worker.on(
      "message",
      (reply: { id: number; key?: Uint8Array; ok?: boolean; error?: string }) => {
        const pending = this.inFlight.get(reply.id);
        this.inFlight.delete(reply.id);
        worker.unref();
        this.idle.push(worker);
        if (pending) {
          if (reply.error !== undefined) pending.reject(new Error(reply.error));
          else if (reply.key) pending.resolve(Buffer.from(reply.key));
          else pending.resolve(reply.ok === true);
        }
        this.pump();
      },
    );
    let dead = false;
    const fail = (error: Error) => {
      if (dead) return;
      dead = true;
      this.started--;
      this.idle = this.idle.filter((w) => w !== worker);
      const id = (worker as Worker & { jobId?: number }).jobId;
      const pending = id === undefined ? undefined : this.inFlight.get(id);
      if (id !== undefined) this.inFlight.delete(id);
      pending?.reject(error);
      this.pump();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (code !== 0) fail(new Error(`password worker exited with ${code}`));
    });
    return worker;
  }
}

const globalKey = Symbol.for("integrationskonzept.hashWorkers");
function hashWorkers(): HashWorkers {
  const store = globalThis as unknown as Record<symbol, HashWorkers | undefined>;
  return (store[globalKey] ??= new HashWorkers(Math.max(1, os.availableParallelism() - 1)));
}
