import { getTranslations } from "next-intl/server";
import { FieldForm } from "@/components/concept/field-form";
import { Card } from "@/components/ui/card";
import { requirePageConceptRole } from "@/lib/auth/guards";
import { fieldsOfConcept } from "@/lib/concept/fields";
import { getDb } from "@/lib/db/client";
import { latestRevisionNumber } from "@/lib/revision/record-revision";

export default async function EditFieldsPage({
  params,
}: {
  params: Promise<{ conceptId: string }>;
}) {
  const { conceptId } = await params;
  await requirePageConceptRole({
    conceptId,
    atLeast: "moderator",
    returnTo: `/concepts/${conceptId}/fields`,
  });
  const db = await getDb();
  // The number first: a revision landing in between then makes a save conflict, never overwrite.
  const baseRevision = await latestRevisionNumber({ tx: db, conceptId });
  const fields = await fieldsOfConcept({ db, conceptId });
  const t = await getTranslations("fields");
  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-xl font-semibold">{t("heading")}</h2>
        <p className="text-muted">{t("intro")}</p>
      </div>
      {fields.map((field) => (
        <Card key={field.id}>
          <h3 className="mb-4 text-lg font-semibold">
            <span className="mr-1 text-brand-700">{field.number}</span> {field.title}
          </h3>
          <FieldForm conceptId={conceptId} field={field} baseRevision={baseRevision} />
        </Card>
      ))}
      <Card className="border-dashed">
        <h3 className="mb-4 text-lg font-semibold">{t("add")}</h3>
        <FieldForm conceptId={conceptId} baseRevision={baseRevision} />
      </Card>
    </div>
  );
}
