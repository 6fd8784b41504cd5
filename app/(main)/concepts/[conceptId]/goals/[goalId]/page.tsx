import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { GoalEditForm } from "@/components/concept/measure-edit-form";
import { Card } from "@/components/ui/card";
import { requirePageConceptRole } from "@/lib/auth/guards";
import { loadConceptContent } from "@/lib/concept/load-concept-content";
import { getDb } from "@/lib/db/client";
import { latestRevisionNumber } from "@/lib/revision/record-revision";

/** Editing one goal (moderators); each save is a revision. */
export default async function EditGoalPage({
  params,
}: {
  params: Promise<{ conceptId: string; goalId: string }>;
}) {
  const { conceptId, goalId } = await params;
  await requirePageConceptRole({
    conceptId,
    atLeast: "moderator",
    returnTo: `/concepts/${conceptId}/goals/${goalId}`,
  });
  const db = await getDb();
  // The number first: a revision landing in between then makes a save conflict, never overwrite.
  const baseRevision = await latestRevisionNumber({ tx: db, conceptId });
  const content = await loadConceptContent({ db, conceptId });
  const found = content?.fields
    .flatMap((field) =>
      field.goals.map((goal) => ({ goal, number: `${field.number}.${goal.number}` })),
    )
    .find(({ goal }) => goal.id === goalId);
  if (!found) notFound();
  const t = await getTranslations("measure");
  return (
    <Card className="space-y-4">
      <h2 className="text-xl font-semibold">{t("editGoalHeading", { number: found.number })}</h2>
      <GoalEditForm conceptId={conceptId} goal={found.goal} baseRevision={baseRevision} />
    </Card>
  );
}
