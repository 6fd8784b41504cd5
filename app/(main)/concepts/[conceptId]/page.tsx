import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ExportPanel } from "@/components/concept/export-panel";
import { MeasureCard } from "@/components/concept/measure-card";
import { ButtonLink } from "@/components/ui/button";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { Alert } from "@/components/ui/form";
import { roleAtLeast } from "@/lib/auth/access";
import { requirePageConceptRole } from "@/lib/auth/guards";
import { loadConceptContent } from "@/lib/concept/load-concept-content";
import { getDb } from "@/lib/db/client";
import { chaptersWithoutFinal } from "@/lib/export/load-export-model";
import { revisionContent } from "@/lib/revision/revisions";

/** The concept's fields, goals and measures; with ?revision=<n>, as they were in that revision. */
export default async function ConceptOverviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ conceptId: string }>;
  searchParams: Promise<{ revision?: string }>;
}) {
  const { conceptId } = await params;
  const { role } = await requirePageConceptRole({
    conceptId,
    atLeast: "viewer",
    returnTo: `/concepts/${conceptId}`,
  });
  const { revision } = await searchParams;
  const revisionNumber = revision ? Number(revision) : null;
  const db = await getDb();
  const content =
    revisionNumber === null
      ? await loadConceptContent({ db, conceptId })
      : await revisionContent({ db, conceptId, number: revisionNumber }).catch(() => notFound());
  if (!content) notFound();
  const t = await getTranslations();
  const canModerate = roleAtLeast(role, "moderator") && revisionNumber === null;
  const missingFinal = await chaptersWithoutFinal({ db, conceptId });

  return (
    <div className="space-y-8">
      {revisionNumber !== null ? (
        <Alert tone="info">
          {t("history.viewingRevision", { number: revisionNumber })}{" "}
          <a href={`/concepts/${conceptId}`} className="font-medium underline">
            {t("history.backToCurrent")}
          </a>
        </Alert>
      ) : null}
      <ExportPanel
        conceptId={conceptId}
        canExportDraft={roleAtLeast(role, "editor")}
        missing={missingFinal}
        revision={revisionNumber}
      />
      {content.concept.missionStatement ? (
        <Card>
          <h2 className="mb-2 text-lg font-semibold">{t("concept.missionStatement")}</h2>
          <p className="max-w-3xl leading-relaxed text-ink/90">
            {content.concept.missionStatement}
          </p>
        </Card>
      ) : null}

      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-xl font-semibold">{t("concept.fieldsHeading")}</h2>
        {canModerate ? (
          <ButtonLink href={`/concepts/${conceptId}/fields`} variant="secondary">
            {t("concept.editFields")}
          </ButtonLink>
        ) : null}
      </div>

      {content.fields.length === 0 ? (
        <EmptyState>{t("concept.noFields")}</EmptyState>
      ) : (
        <>
          <nav aria-label={t("concept.fieldsHeading")}>
            <ol className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
              {content.fields.map((field) => (
                <li key={field.id}>
                  <a
                    href={`#field-${field.number}`}
                    className="flex gap-2 rounded-md border border-line bg-white px-3 py-2 text-sm hover:border-brand-600"
                  >
                    <span className="font-semibold text-brand-700">{field.number}</span>
                    <span>{field.title}</span>
                  </a>
                </li>
              ))}
            </ol>
          </nav>

          {content.fields.map((field) => (
            <section
              key={field.id}
              id={`field-${field.number}`}
              aria-labelledby={`field-${field.number}-title`}
              className="scroll-mt-6 space-y-4"
              data-testid="field"
            >
              <div className="border-l-4 border-brand-600 pl-4">
                <h3 id={`field-${field.number}-title`} className="text-xl font-semibold">
                  <span className="mr-1 text-brand-700">{field.number}</span> {field.title}
                </h3>
                {field.prioritisedUntil ? (
                  <Badge tone="amber">
                    {t("concept.prioritisedUntil", { date: new Date(field.prioritisedUntil) })}
                  </Badge>
                ) : null}
                {field.strategicGoal ? (
                  <p className="mt-2 max-w-3xl text-ink/90">
                    <span className="font-medium">{t("concept.strategicGoal")}: </span>
                    {field.strategicGoal}
                  </p>
                ) : null}
              </div>
              {field.goals.length === 0 ? (
                <p className="text-sm text-muted">{t("concept.noGoals")}</p>
              ) : (
                field.goals.map((goal) => (
                  <div
                    key={goal.id}
                    className="space-y-3 rounded-lg bg-brand-50/60 p-4"
                    data-testid="goal"
                  >
                    <div className="flex flex-wrap items-start justify-between gap-2">
                      <h4 className="font-semibold text-brand-800">
                        <span className="mr-1">
                          {field.number}.{goal.number}
                        </span>{" "}
                        {goal.text}
                      </h4>
                      {goal.retired ? <Badge tone="red">{t("measure.retired")}</Badge> : null}
                      {canModerate ? (
                        <a
                          href={`/concepts/${conceptId}/goals/${goal.id}`}
                          className="text-sm font-medium text-brand-700 hover:underline"
                          aria-label={t("measure.editGoal", {
                            number: `${field.number}.${goal.number}`,
                          })}
                        >
                          {t("common.edit")}
                        </a>
                      ) : null}
                    </div>
                    {goal.measures.length === 0 ? (
                      <p className="text-sm text-muted">{t("concept.noMeasures")}</p>
                    ) : (
                      <div className="space-y-3">
                        {goal.measures.map((measure) => (
                          <MeasureCard
                            key={measure.id}
                            measure={measure}
                            label={`${field.number}.${goal.number}.${measure.number}`}
                            editHref={
                              canModerate
                                ? `/concepts/${conceptId}/measures/${measure.id}`
                                : undefined
                            }
                          />
                        ))}
                      </div>
                    )}
                  </div>
                ))
              )}
            </section>
          ))}
        </>
      )}
    </div>
  );
}
