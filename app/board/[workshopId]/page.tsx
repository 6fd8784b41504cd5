import type { Metadata } from "next";
import { BoardApp } from "@/components/board/board-app";
import { requireBoardSession } from "@/lib/workshop/require-board-session";

export const metadata: Metadata = { title: "Board" };

/** The live board of a workshop, for members and for guests who joined by invite. */
export default async function BoardPage({ params }: { params: Promise<{ workshopId: string }> }) {
  const { workshopId } = await params;
  const session = await requireBoardSession({ workshopId, returnTo: `/board/${workshopId}` });
  return <BoardApp session={session} />;
}
