import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { MeasureEditForm } from "@/components/concept/measure-edit-form";
import { Card } from "@/components/ui/card";
import { requirePageConceptRole } from "@/lib/auth/guards";
import { loadConceptContent } from "@/lib/concept/load-concept-content";
import { getDb } from "@/lib/db/client";
import { latestRevisionNumber } from "@/lib/revision/record-revision";

/** Editing one measure (moderators); each save is a revision. */
export default async function EditMeasurePage({
  params,
}: {
  params: Promise<{ conceptId: string; measureId: string }>;
}) {
  const { conceptId, measureId } = await params;
  await requirePageConceptRole({
    conceptId,
    atLeast: "moderator",
    returnTo: `/concepts/${conceptId}/measures/${measureId}`,
  });
  const db = await getDb();
  // The number first: a revision landing in between then makes a save conflict, never overwrite.
  const baseRevision = await latestRevisionNumber({ tx: db, conceptId });
  const content = await loadConceptContent({ db, conceptId });
  const found = content?.fields
    .flatMap((field) =>
      field.goals.flatMap((goal) =>
        goal.measures.map((measure) => ({
          measure,
          number: `${field.number}.${goal.number}.${measure.number}`,
        })),
      ),
    )
    .find(({ measure }) => measure.id === measureId);
  if (!found) notFound();
  const t = await getTranslations("measure");
  return (
    <Card className="space-y-4">
      <h2 className="text-xl font-semibold">{t("editHeading", { number: found.number })}</h2>
      <MeasureEditForm conceptId={conceptId} measure={found.measure} baseRevision={baseRevision} />
    </Card>
  );
}
