import { getFormatter, getTranslations } from "next-intl/server";
import { RevisionDiff } from "@/components/concept/revision-diff";
import { Button } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { Select } from "@/components/ui/form";
import { requirePageConceptRole } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { diffRevisions, listRevisions } from "@/lib/revision/revisions";

/**
 * The concept's revisions: who changed what, when and why, each viewable as it was, and the
 * changes between any two of them. Any member may see it.
 */
export default async function HistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ conceptId: string }>;
  searchParams: Promise<{ from?: string; to?: string }>;
}) {
  const { conceptId } = await params;
  await requirePageConceptRole({
    conceptId,
    atLeast: "viewer",
    returnTo: `/concepts/${conceptId}/history`,
  });
  const db = await getDb();
  const revisions = await listRevisions({ db, conceptId });
  const t = await getTranslations();
  const format = await getFormatter();
  if (revisions.length === 0)
    return (
      <div className="space-y-6">
        <h2 className="text-xl font-semibold">{t("history.heading")}</h2>
        <EmptyState>{t("history.empty")}</EmptyState>
      </div>
    );

  const numbers = new Set(revisions.map((r) => r.number));
  const latest = revisions[0]!.number;
  const query = await searchParams;
  const to = numbers.has(Number(query.to)) ? Number(query.to) : latest;
  const fallbackFrom = [...numbers].filter((n) => n < to).sort((a, b) => b - a)[0] ?? to;
  const from = numbers.has(Number(query.from)) ? Number(query.from) : fallbackFrom;
  const diff = await diffRevisions({ db, conceptId, from, to });
  const options = revisions.map((r) => (
    <option key={r.number} value={r.number}>
      {t("history.revision", { number: r.number })}: {r.message}
    </option>
  ));

  return (
    <div className="space-y-8">
      <section className="space-y-4" aria-labelledby="compare-heading">
        <h2 id="compare-heading" className="text-xl font-semibold">
          {t("history.compareHeading")}
        </h2>
        <form method="get" className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
          <label className="flex min-w-0 flex-col gap-1 text-sm font-medium">
            {t("history.from")}
            <Select name="from" defaultValue={from}>
              {options}
            </Select>
          </label>
          <label className="flex min-w-0 flex-col gap-1 text-sm font-medium">
            {t("history.to")}
            <Select name="to" defaultValue={to}>
              {options}
            </Select>
          </label>
          <Button type="submit" variant="secondary">
            {t("history.compare")}
          </Button>
        </form>
        <RevisionDiff diff={diff} />
      </section>

      <section className="space-y-4" aria-labelledby="history-heading">
        <h2 id="history-heading" className="text-xl font-semibold">
          {t("history.heading")}
        </h2>
        <ol className="space-y-2">
          {revisions.map((revision) => (
            <li key={revision.number}>
              <Card
                className="flex flex-wrap items-baseline justify-between gap-2 p-4"
                data-testid="revision"
              >
                <div className="min-w-0">
                  <p className="font-medium">
                    {t("history.revision", { number: revision.number })}: {revision.message}
                  </p>
                  <p className="text-sm text-muted">
                    {revision.authorName ?? t("history.unknownAuthor")} ·{" "}
                    {format.dateTime(revision.createdAt, {
                      dateStyle: "medium",
                      timeStyle: "short",
                    })}
                    {revision.workshop
                      ? ` · ${t("history.fromWorkshop", { title: revision.workshop.title })}`
                      : ""}
                  </p>
                </div>
                <div className="flex gap-3 text-sm">
                  <a
                    href={`/concepts/${conceptId}?revision=${revision.number}`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {t("history.view")}
                  </a>
                  {revision.number > 1 ? (
                    <a
                      href={`/concepts/${conceptId}/history?from=${revision.number - 1}&to=${revision.number}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {t("history.changes")}
                    </a>
                  ) : null}
                </div>
              </Card>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
