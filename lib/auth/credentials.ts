/**
 * Sign-in with e-mail and password, for the sign-in form's server action and next-auth's
 * credentials provider alike: rate limits first, then the password check (off the event loop),
 * then, for a hash of an older scheme, the new hash.
 */
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { log } from "@/lib/log";
import { DUMMY_HASH, hashPassword, passwordNeedsRehash, verifyPassword } from "./password";
import { consumeSignInAttempt, rewardSignIn } from "./rate-limit";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(200),
});

export async function findUserByEmail({ db, email }: { db: Queryable; email: string }) {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return user;
}

export type PasswordSignIn =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: "invalid_credentials" }
  | { ok: false; reason: "too_many_attempts"; retryAfterSeconds: number };

export async function signInWithPassword({
  db,
  input,
  address,
}: {
  db: Queryable;
  input: unknown;
  address: string;
}): Promise<PasswordSignIn> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid_credentials" };
  const { email, password } = parsed.data;

  const limit = await consumeSignInAttempt({ email, address });
  if (!limit.allowed) {
    log.warn("sign-in refused: too many attempts", { email, address });
    return { ok: false, reason: "too_many_attempts", retryAfterSeconds: limit.retryAfterSeconds };
  }

  const user = await findUserByEmail({ db, email });
  // Compare against a dummy hash for unknown accounts: same answer, same time.
  const hash = user?.passwordHash ?? DUMMY_HASH;
  const ok = await verifyPassword({ password, hash });
  if (!user?.passwordHash || !ok) return { ok: false, reason: "invalid_credentials" };

  await rewardSignIn({ email, address });
  if (passwordNeedsRehash({ hash })) {
    const passwordHash = await hashPassword({ password });
    await db.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    log.info("password hash upgraded", { userId: user.id });
  }
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
