import bcrypt from "bcryptjs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInWithPassword } from "@/lib/auth/credentials";
import { verifyPassword } from "@/lib/auth/password";
import { users } from "@/lib/db/schema";
import { buildUser } from "../../support/factories";
import { openTestDatabase } from "../../support/test-database";

type Handle = Awaited<ReturnType<typeof openTestDatabase>>;

describe("signing in with a password", () => {
  let handle: Handle;
  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(async () => {
    await handle.close();
  });

  it("accepts an old bcrypt hash once and replaces it with scrypt", async () => {
    const user = await buildUser(handle.db, {
      passwordHash: bcrypt.hashSync("Altes Passwort", 10),
    });
    const result = await signInWithPassword({
      db: handle.db,
      input: { email: user.email.toUpperCase(), password: "Altes Passwort" },
      address: "192.0.2.10",
    });
    expect(result).toEqual({ ok: true, user: expect.objectContaining({ id: user.id }) });
    const [row] = await handle.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.passwordHash).toMatch(/^\$scrypt\$/);
    expect(await verifyPassword({ password: "Altes Passwort", hash: row!.passwordHash! })).toBe(
      true,
    );
    // And the new hash signs in too.
    const again = await signInWithPassword({
      db: handle.db,
      input: { email: user.email, password: "Altes Passwort" },
      address: "192.0.2.10",
    });
    expect(again.ok).toBe(true);
  });

  it("refuses a wrong password, an unknown account and an account without a password alike", async () => {
    const withoutPassword = await buildUser(handle.db, { passwordHash: null });
    for (const email of [withoutPassword.email, "niemand@example.test"]) {
      expect(
        await signInWithPassword({
          db: handle.db,
          input: { email, password: "irgendwas" },
          address: "192.0.2.11",
        }),
      ).toEqual({ ok: false, reason: "invalid_credentials" });
    }
  });
});
