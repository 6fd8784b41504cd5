import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import type { MeasureContent } from "@/lib/concept/load-concept-content";
import type { MeasureStatus } from "@/lib/db/schema";

const STATUS_TONE: Record<MeasureStatus, "neutral" | "brand" | "green" | "amber" | "red"> = {
  existing: "neutral",
  new: "brand",
  planned: "amber",
  in_progress: "brand",
  done: "green",
  dropped: "red",
};

export async function MeasureCard({
  measure,
  label,
  editHref,
}: {
  measure: MeasureContent;
  label: string;
  /** For moderators: where to edit it. */
  editHref?: string;
}) {
  const t = await getTranslations();
  const roles = ["lead", "partner", "involved"] as const;
  return (
    <article className="rounded-md border border-line bg-white p-4" data-testid="measure">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h4 className="font-semibold text-ink">
          <span className="mr-1 text-sm font-normal text-muted">{label}</span> {measure.title}
        </h4>
        <div className="flex flex-wrap gap-1.5">
          <Badge tone={STATUS_TONE[measure.status]}>
            {t(`enums.measureStatus.${measure.status}`)}
          </Badge>
          {measure.priority ? (
            <Badge tone="neutral" title={t("measure.priority")}>
              {t(`enums.measurePriority.${measure.priority}`)}
            </Badge>
          ) : null}
          {measure.needsBudgetDecision ? (
            <Badge tone="amber">{t("measure.needsBudgetDecision")}</Badge>
          ) : null}
          {measure.retired ? <Badge tone="red">{t("measure.retired")}</Badge> : null}
          {measure.voteCount !== null ? (
            <Badge tone="brand">{t("catalogue.votes", { count: measure.voteCount })}</Badge>
          ) : null}
          {editHref ? (
            <a
              href={editHref}
              className="text-sm font-medium text-brand-700 hover:underline"
              aria-label={t("measure.editMeasure", { number: label })}
            >
              {t("common.edit")}
            </a>
          ) : null}
        </div>
      </div>
      {measure.description ? (
        <p className="mt-2 text-sm text-ink/90">{measure.description}</p>
      ) : null}
      {measure.steps.length ? (
        <ul className="mt-2 list-disc space-y-0.5 pl-5 text-sm text-ink/90">
          {measure.steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ul>
      ) : null}
      <dl className="mt-3 grid gap-x-6 gap-y-1.5 text-sm sm:grid-cols-[max-content_1fr]">
        {measure.target ? (
          <>
            <dt className="font-medium text-muted">{t("measure.target")}</dt>
            <dd>{measure.target}</dd>
          </>
        ) : null}
        {measure.timeframe || measure.startYear ? (
          <>
            <dt className="font-medium text-muted">{t("measure.timeframe")}</dt>
            <dd>{measure.timeframe || t("measure.fromYear", { year: measure.startYear ?? 0 })}</dd>
          </>
        ) : null}
        {roles.map((role) => {
          const names = measure.responsibilities
            .filter((r) => r.role === role)
            .map((r) => r.organisationName);
          return names.length ? (
            <div key={role} className="contents">
              <dt className="font-medium text-muted">{t(`enums.responsibilityRole.${role}`)}</dt>
              <dd>{names.join(", ")}</dd>
            </div>
          ) : null;
        })}
        {measure.costNote ? (
          <>
            <dt className="font-medium text-muted">{t("measure.costNote")}</dt>
            <dd>{measure.costNote}</dd>
          </>
        ) : null}
      </dl>
    </article>
  );
}
