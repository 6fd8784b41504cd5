import "server-only";
import { eq } from "drizzle-orm";
import { getServerSession } from "next-auth";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { getAuthOptions } from "./options";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  canCreateConcepts: boolean;
}

/** The signed-in user, re-read from the database so a deleted account loses access at once. */
export async function getCurrentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(getAuthOptions());
  const id = session?.user?.id;
  if (!id) return null;
  const db = await getDb();
  const [user] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      canCreateConcepts: users.canCreateConcepts,
    })
    .from(users)
    .where(eq(users.id, id));
  return user ?? null;
}
