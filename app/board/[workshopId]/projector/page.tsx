import type { Metadata } from "next";
import { ProjectorView } from "@/components/board/projector-view";
import { requireBoardSession } from "@/lib/workshop/require-board-session";

export const metadata: Metadata = { title: "Projektor" };

/** Full-screen view of a workshop's board for the room's projector. */
export default async function ProjectorPage({
  params,
}: {
  params: Promise<{ workshopId: string }>;
}) {
  const { workshopId } = await params;
  const session = await requireBoardSession({
    workshopId,
    returnTo: `/board/${workshopId}/projector`,
  });
  return <ProjectorView session={session} />;
}
