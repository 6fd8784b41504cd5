import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import type { ConceptRole } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { requireConceptRole } from "./access";
import { getCurrentUser, type SessionUser } from "./session";

/** For pages: the signed-in user, or a redirect to sign-in that comes back here afterwards. */
export async function requirePageUser(returnTo: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For pages: the user and their role, or the 404/403 page. */
export async function requirePageConceptRole({
  conceptId,
  atLeast,
  returnTo,
}: {
  conceptId: string;
  atLeast: ConceptRole;
  returnTo: string;
}): Promise<{ user: SessionUser; role: ConceptRole }> {
  const user = await requirePageUser(returnTo);
  try {
    const role = await requireConceptRole({
      db: await getDb(),
      userId: user.id,
      conceptId,
      atLeast,
    });
    return { user, role };
  } catch (error) {
    if (isAppError(error) && error.kind === "not_found") notFound();
    if (isAppError(error) && error.kind === "forbidden") forbidden();
    throw error;
  }
}
