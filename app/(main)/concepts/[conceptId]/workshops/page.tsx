import { getFormatter, getTranslations } from "next-intl/server";
import { WorkshopForm } from "@/components/concept/workshop-form";
import { WorkshopGuests } from "@/components/concept/workshop-guests";
import { ButtonLink } from "@/components/ui/button";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { roleAtLeast } from "@/lib/auth/access";
import { requirePageConceptRole } from "@/lib/auth/guards";
import { fieldsOfConcept } from "@/lib/concept/fields";
import { getDb } from "@/lib/db/client";
import { listWorkshops } from "@/lib/workshop/workshops";

export default async function WorkshopsPage({
  params,
}: {
  params: Promise<{ conceptId: string }>;
}) {
  const { conceptId } = await params;
  const { role } = await requirePageConceptRole({
    conceptId,
    atLeast: "viewer",
    returnTo: `/concepts/${conceptId}/workshops`,
  });
  const db = await getDb();
  const [workshops, fields] = await Promise.all([
    listWorkshops({ db, conceptId }),
    fieldsOfConcept({ db, conceptId }),
  ]);
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <div className="space-y-6">
      <h2 className="text-xl font-semibold">{t("workshops.heading")}</h2>
      {workshops.length === 0 ? (
        <EmptyState>{t("workshops.empty")}</EmptyState>
      ) : (
        <ul className="space-y-3">
          {workshops.map((workshop) => (
            <li key={workshop.id}>
              <Card className="space-y-2" data-testid="workshop">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h3 className="text-lg font-semibold">{workshop.title}</h3>
                  <Badge tone="brand">{t(`enums.workshopKind.${workshop.kind}`)}</Badge>
                </div>
                <p className="text-sm text-muted">
                  {format.dateTime(new Date(workshop.date), { dateStyle: "long" })}
                  {workshop.location ? ` · ${workshop.location}` : ""} · {workshop.facilitator}
                </p>
                <ButtonLink href={`/board/${workshop.id}`} variant="secondary">
                  {t("workshops.openBoard")}
                </ButtonLink>
                {roleAtLeast(role, "moderator") ? (
                  <WorkshopGuests workshopId={workshop.id} title={workshop.title} />
                ) : null}
                {workshop.fieldNumbers.length ? (
                  <p className="text-sm">
                    {t("workshops.fieldsList", { fields: workshop.fieldNumbers.join(", ") })}
                  </p>
                ) : null}
              </Card>
            </li>
          ))}
        </ul>
      )}
      {roleAtLeast(role, "moderator") ? (
        <Card>
          <h3 className="mb-4 text-lg font-semibold">{t("workshops.create")}</h3>
          <WorkshopForm
            conceptId={conceptId}
            fields={fields.map(({ id, number, title }) => ({ id, number, title }))}
          />
        </Card>
      ) : null}
    </div>
  );
}
