/**
 * Limits on sign-in attempts (per account and per client address) and invite joins (per
 * address), with rate-limiter-flexible. In memory by default; with REDIS_URL the counters live
 * in Redis, so the limits hold across instances, and an in-memory limiter takes over while
 * Redis is unreachable (fail safe, not open).
 *
 * Sign-in counts an attempt before the password is checked (so parallel guesses cannot slip
 * through between check and count) and gives it back when the password was right.
 */
import { Redis } from "ioredis";
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";

interface Limiters {
  signInAccount: RateLimiterAbstract;
  signInAddress: RateLimiterAbstract;
  joinAddress: RateLimiterAbstract;
}

export type LimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Waits (briefly) for the Redis connection, so the first attempts already count in Redis. */
async function ready(redis: Redis): Promise<void> {
  if (redis.status === "ready") return;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off("ready", done);
      resolve();
    };
    const timer = setTimeout(done, 2000);
    redis.once("ready", done);
  });
}

async function createLimiters(): Promise<Limiters> {
  const env = getEnv();
  const redis = env.REDIS_URL
    ? new Redis(env.REDIS_URL, {
        // Fail fast so the in-memory insurance limiter answers while Redis is away.
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        lazyConnect: false,
      })
    : undefined;
  redis?.on("error", (error: Error) =>
    log.warn("rate limiter: redis unavailable, limits are per instance", { error: error.message }),
  );
  const limiter = (name: string, points: number, duration: number): RateLimiterAbstract => {
    // points 0 switches a limit off; rate-limiter-flexible needs at least one point.
    const options = { keyPrefix: `rl:${name}`, points: Math.max(points, 1), duration };
    const memory = new RateLimiterMemory(options);
    if (!redis) return memory;
    return new RateLimiterRedis({
      ...options,
      keyPrefix: `${env.REDIS_STREAM}:rate-limit:${name}`,
      storeClient: redis,
      rejectIfRedisNotReady: true,
      insuranceLimiter: memory,
    });
  };
  if (redis) await ready(redis);
  return {
    signInAccount: limiter(
      "sign-in-account",
      env.SIGNIN_LIMIT_PER_ACCOUNT,
      env.SIGNIN_LIMIT_WINDOW_SECONDS,
    ),
    signInAddress: limiter(
      "sign-in-address",
      env.SIGNIN_LIMIT_PER_ADDRESS,
      env.SIGNIN_LIMIT_WINDOW_SECONDS,
    ),
    joinAddress: limiter("join-address", env.JOIN_LIMIT_PER_ADDRESS, env.JOIN_LIMIT_WINDOW_SECONDS),
  };
}

// Next's route modules and the custom server may load this module more than once.
const globalKey = Symbol.for("integrationskonzept.rateLimiters");
function limiters(): Promise<Limiters> {
  const store = globalThis as unknown as Record<symbol, Promise<Limiters> | undefined>;
  return (store[globalKey] ??= createLimiters());
}

function retryAfter(rejection: unknown): number {
  if (rejection instanceof RateLimiterRes)
    return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
  throw rejection;
}

/**
 * Counts one sign-in attempt for the account (by e-mail, known or not, so answers reveal no
 * accounts) and the address. Refused when either has used its attempts in the window.
 */
export async function consumeSignInAttempt({
  email,
  address,
}: {
  email: string;
  address: string;
}): Promise<LimitDecision> {
  const env = getEnv();
  const { signInAccount, signInAddress } = await limiters();
  const checks: Array<Promise<unknown>> = [];
  if (env.SIGNIN_LIMIT_PER_ACCOUNT > 0) checks.push(signInAccount.consume(email.toLowerCase()));
  if (env.SIGNIN_LIMIT_PER_ADDRESS > 0) checks.push(signInAddress.consume(address));
  const results = await Promise.allSettled(checks);
  const refused = results.filter((r) => r.status === "rejected");
  if (refused.length === 0) return { allowed: true };
  return {
    allowed: false,
    retryAfterSeconds: Math.max(...refused.map((r) => retryAfter(r.reason))),
  };
}

/** After a correct password: the account starts afresh, and the address gets its attempt back. */
export async function rewardSignIn({ email, address }: { email: string; address: string }) {
  const env = getEnv();
  const { signInAccount, signInAddress } = await limiters();
  await Promise.all([
    env.SIGNIN_LIMIT_PER_ACCOUNT > 0 ? signInAccount.delete(email.toLowerCase()) : undefined,
    env.SIGNIN_LIMIT_PER_ADDRESS > 0 ? signInAddress.reward(address, 1) : undefined,
  ]);
}

/** Counts one invite join (successful or not) for the address. */
export async function consumeInviteJoin({ address }: { address: string }): Promise<LimitDecision> {
  if (getEnv().JOIN_LIMIT_PER_ADDRESS <= 0) return { allowed: true };
  try {
    await (await limiters()).joinAddress.consume(address);
    return { allowed: true };
  } catch (rejection) {
    return { allowed: false, retryAfterSeconds: retryAfter(rejection) };
  }
}
