import type { Metadata } from "next";
import { headers } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import { BoardApp } from "@/components/board/board-app";
import { principalFromCookies } from "@/lib/auth/principal";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { openBoardSession, type BoardSession } from "@/lib/workshop/board-access";

export const metadata: Metadata = { title: "Board" };

/** The live board of a workshop, for members and for guests who joined by invite. */
export default async function BoardPage({ params }: { params: Promise<{ workshopId: string }> }) {
  const { workshopId } = await params;
  const principal = await principalFromCookies((await headers()).get("cookie") ?? undefined);
  if (!principal) redirect(`/login?callbackUrl=${encodeURIComponent(`/board/${workshopId}`)}`);
  let session: BoardSession;
  try {
    session = await openBoardSession({ db: await getDb(), workshopId, principal });
  } catch (error) {
    if (isAppError(error) && error.kind === "not_found") notFound();
    if (isAppError(error) && (error.kind === "forbidden" || error.kind === "unauthorized"))
      forbidden();
    throw error;
  }
  return <BoardApp session={session} />;
}
