import "server-only";
import { headers } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import { principalFromCookies } from "@/lib/auth/principal";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { openBoardSession, type BoardSession } from "./board-access";

/** For board pages: the session of a member or guest, or sign-in, 404 or 403. */
export async function requireBoardSession({
  workshopId,
  returnTo,
}: {
  workshopId: string;
  returnTo: string;
}): Promise<BoardSession> {
  const principal = await principalFromCookies((await headers()).get("cookie") ?? undefined);
  if (!principal) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  try {
    return await openBoardSession({ db: await getDb(), workshopId, principal });
  } catch (error) {
    if (isAppError(error) && error.kind === "not_found") notFound();
    if (isAppError(error) && (error.kind === "forbidden" || error.kind === "unauthorized"))
      forbidden();
    throw error;
  }
}
