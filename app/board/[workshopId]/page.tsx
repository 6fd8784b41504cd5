import { toBase64 } from "lib0/buffer";
import type { Metadata } from "next";
import { BoardApp } from "@/components/board/board-app";
import { getDb } from "@/lib/db/client";
import { readLiveDocState } from "@/lib/sync/server-edits";
import { requireBoardSession } from "@/lib/workshop/require-board-session";

export const metadata: Metadata = { title: "Board" };

/**
 * The live board of a workshop, for members and for guests who joined by invite. The board's
 * current state comes with the page, so the cards show without waiting for the socket, which
 * then only brings what changed since.
 */
export default async function BoardPage({ params }: { params: Promise<{ workshopId: string }> }) {
  const { workshopId } = await params;
  const session = await requireBoardSession({ workshopId, returnTo: `/board/${workshopId}` });
  const state = await readLiveDocState({ db: await getDb(), docName: session.boardDoc });
  return <BoardApp session={session} boardState={toBase64(state)} />;
}
