/**
 * Password hashes, computed and checked off the event loop so sign-ins never stall live boards.
 *
 * New hashes use scrypt through Node's async `crypto.scrypt`, which runs on libuv's thread pool.
 * Hashes from before (bcrypt, "$2a$…/$2b$…") still verify, in a worker thread
 * (bcrypt-worker.mjs), and `passwordNeedsRehash` tells the caller to replace them after a
 * successful sign-in.
 *
 * At most (cores − 1) hashes run at once (at least one), so a burst of sign-ins leaves a core to
 * the event loop and the database instead of starving them; further sign-ins wait their turn.
 *
 * Stored format (PHC string): `$scrypt$ln=<log2 N>,r=<r>,p=<p>$<salt>$<hash>`, base64 without
 * padding.
 */
import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { Worker } from "node:worker_threads";

const scrypt = promisify(crypto.scrypt) as (
  password: crypto.BinaryLike,
  salt: crypto.BinaryLike,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

interface ScryptParams {
  /** log2 of the CPU/memory cost N */
  ln: number;
  r: number;
  p: number;
}

/**
 * N = 2^15, r = 8, p = 1: 32 MiB and about 0.1 s of one core per hash on a small server, a
 * little more CPU than the bcrypt (cost 10) it replaces, plus memory hardness against GPU
 * cracking. Below OWASP's 2^17 (128 MiB), which a town's small server cannot give every
 * sign-in; raising it later is safe: `passwordNeedsRehash` upgrades hashes at sign-in.
 */
const CURRENT: ScryptParams = { ln: 15, r: 8, p: 1 };
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
  return hashingSlots().run(() =>
    scrypt(password.normalize("NFC"), salt, length, {
      N,
      r: params.r,
      p: params.p,
      // scrypt needs about 128 · N · r bytes; leave headroom over Node's 32 MiB default.
      maxmem: 256 * N * params.r,
    }),
  );
}

/** A counting semaphore for CPU-heavy hashing work. */
class Slots {
  private waiting: Array<() => void> = [];
  private free: number;

  constructor(count: number) {
    this.free = count;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    }
  }
}

const slotsKey = Symbol.for("integrationskonzept.hashingSlots");
function hashingSlots(): Slots {
  const store = globalThis as unknown as Record<symbol, Slots | undefined>;
  return (store[slotsKey] ??= new Slots(Math.max(1, os.availableParallelism() - 1)));
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
    return hashingSlots().run(() => bcryptWorker().compare({ password, hash: stored }));
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

/** One worker thread for legacy bcrypt checks, started on first use and never keeping the process alive. */
class BcryptWorker {
  private worker: Worker | undefined;
  private nextId = 1;
  private pending = new Map<number, { resolve(ok: boolean): void; reject(error: Error): void }>();

  compare({ password, hash }: { password: string; hash: string }): Promise<boolean> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<boolean>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, password, hash });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // A plain path (not `new URL(…, import.meta.url)`), so bundlers leave it alone.
    const worker = new Worker(path.resolve(process.cwd(), "lib/auth/bcrypt-worker.mjs"));
    worker.unref();
    worker.on("message", (reply: { id: number; ok?: boolean; error?: string }) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (!waiting) return;
      if (reply.error !== undefined) waiting.reject(new Error(reply.error));
      else waiting.resolve(reply.ok === true);
    });
    const fail = (error: Error) => {
      this.worker = undefined;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`bcrypt worker exited with ${code}`)));
    this.worker = worker;
    return worker;
  }
}

const globalKey = Symbol.for("integrationskonzept.bcryptWorker");
function bcryptWorker(): BcryptWorker {
  const store = globalThis as unknown as Record<symbol, BcryptWorker | undefined>;
  return (store[globalKey] ??= new BcryptWorker());
}
