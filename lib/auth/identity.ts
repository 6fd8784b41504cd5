import { eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { guests, users } from "@/lib/db/schema";

/** A person as the board shows them: the id their cards carry and the name from the database. */
export interface Identity {
  id: string;
  name: string;
}

/**
 * Who a principal is, from the database (never from what a client says): the account's name,
 * or the display name a guest joined with. Null if the account or guest no longer exists.
 */
export async function identityOf({
  db,
  principal,
}: {
  db: Queryable;
  principal: { kind: "user"; userId: string } | { kind: "guest"; guestId: string };
}): Promise<Identity | null> {
  const [row] =
    principal.kind === "user"
      ? await db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(eq(users.id, principal.userId))
      : await db
          .select({ id: guests.id, name: guests.displayName })
          .from(guests)
          .where(eq(guests.id, principal.guestId));
  return row ?? null;
}
