import { CouncilPaperForm } from "@/components/concept/council-paper-form";
import { roleAtLeast } from "@/lib/auth/access";
import { requirePageConceptRole } from "@/lib/auth/guards";
import { loadCouncilPaper } from "@/lib/council-paper/council-paper";
import { getDb } from "@/lib/db/client";

/** The concept's council paper (Vorlage): moderators edit it, every other member reads it. */
export default async function CouncilPaperPage({
  params,
}: {
  params: Promise<{ conceptId: string }>;
}) {
  const { conceptId } = await params;
  const { role } = await requirePageConceptRole({
    conceptId,
    atLeast: "viewer",
    returnTo: `/concepts/${conceptId}/council-paper`,
  });
  const { createdAt: _createdAt, ...state } = await loadCouncilPaper({
    db: await getDb(),
    conceptId,
  });
  return (
    <CouncilPaperForm
      conceptId={conceptId}
      initial={state}
      canEdit={roleAtLeast(role, "moderator")}
    />
  );
}
