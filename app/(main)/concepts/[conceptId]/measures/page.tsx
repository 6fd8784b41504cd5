import { getTranslations } from "next-intl/server";
import { MeasureCard } from "@/components/concept/measure-card";
import { Button, ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/form";
import { Options } from "@/components/ui/options";
import { requirePageConceptRole } from "@/lib/auth/guards";
import { fieldsOfConcept } from "@/lib/concept/fields";
import {
  filterCatalogue,
  loadCatalogue,
  parseCatalogueFilter,
  type CatalogueFilter,
} from "@/lib/concept/measure-catalogue";
import { getDb } from "@/lib/db/client";
import { measurePriorities, measureStatuses } from "@/lib/domain-values";
import { isAppError } from "@/lib/errors";

/** The measure catalogue: every measure, filtered and searched; any member may see it. */
export default async function MeasuresPage({
  params,
  searchParams,
}: {
  params: Promise<{ conceptId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { conceptId } = await params;
  await requirePageConceptRole({
    conceptId,
    atLeast: "viewer",
    returnTo: `/concepts/${conceptId}/measures`,
  });
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams))
    if (typeof value === "string") query.set(key, value);
  let filter: CatalogueFilter = {};
  try {
    filter = parseCatalogueFilter(query);
  } catch (error) {
    if (!isAppError(error)) throw error; // a hand-edited URL: show everything instead
  }
  const db = await getDb();
  const [all, fields] = await Promise.all([
    loadCatalogue({ db, conceptId }),
    fieldsOfConcept({ db, conceptId }),
  ]);
  const rows = filterCatalogue(all, filter);
  const organisations = [
    ...new Map(
      all.flatMap((row) => row.measure.responsibilities).map((r) => [r.organisationId, r]),
    ).values(),
  ].sort((a, b) => a.organisationName.localeCompare(b.organisationName, "de"));
  const t = await getTranslations();
  const csvQuery = new URLSearchParams(
    Object.entries(filter).map(([key, value]) => [key, String(value)]),
  );
  csvQuery.set("format", "csv");

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h2 className="text-xl font-semibold">{t("catalogue.heading")}</h2>
        <p className="text-muted">{t("catalogue.intro")}</p>
      </div>
      <form
        method="get"
        aria-label={t("catalogue.filters")}
        className="grid gap-3 rounded-lg border border-line bg-white p-4 sm:grid-cols-2 lg:grid-cols-3"
      >
        <label className="flex flex-col gap-1 text-sm font-medium sm:col-span-2 lg:col-span-3">
          {t("catalogue.search")}
          <Input
            type="search"
            name="q"
            defaultValue={filter.q ?? ""}
            placeholder={t("catalogue.searchPlaceholder")}
          />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("catalogue.field")}
          <Select name="field" defaultValue={filter.field ?? ""}>
            <option value="">{t("catalogue.any")}</option>
            {fields.map((field) => (
              <option key={field.id} value={field.id}>
                {field.number} {field.title}
              </option>
            ))}
          </Select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("catalogue.organisation")}
          <Select name="organisation" defaultValue={filter.organisation ?? ""}>
            <option value="">{t("catalogue.any")}</option>
            {organisations.map((o) => (
              <option key={o.organisationId} value={o.organisationId}>
                {o.organisationName}
              </option>
            ))}
          </Select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("catalogue.status")}
          <Select name="status" defaultValue={filter.status ?? ""}>
            <option value="">{t("catalogue.any")}</option>
            <Options values={measureStatuses} label={(s) => t(`enums.measureStatus.${s}`)} />
          </Select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("catalogue.priority")}
          <Select name="priority" defaultValue={filter.priority ?? ""}>
            <option value="">{t("catalogue.any")}</option>
            <Options values={measurePriorities} label={(p) => t(`enums.measurePriority.${p}`)} />
          </Select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("catalogue.budget")}
          <Select name="budget" defaultValue={filter.budget ?? ""}>
            <option value="">{t("catalogue.any")}</option>
            <option value="yes">{t("common.yes")}</option>
            <option value="no">{t("common.no")}</option>
          </Select>
        </label>
        <div className="flex flex-wrap items-end gap-2">
          <Button type="submit">{t("catalogue.apply")}</Button>
          <ButtonLink href={`/concepts/${conceptId}/measures`} variant="ghost">
            {t("catalogue.reset")}
          </ButtonLink>
        </div>
      </form>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p role="status" className="font-medium" data-testid="catalogue-count">
          {t("catalogue.count", { count: rows.length })}
        </p>
        <a
          href={`/api/concepts/${conceptId}/measures?${csvQuery}`}
          className="text-sm font-medium text-brand-700 hover:underline"
          download
        >
          {t("catalogue.csv")}
        </a>
      </div>
      {rows.length === 0 ? (
        <EmptyState>{t("catalogue.empty")}</EmptyState>
      ) : (
        <ul className="space-y-3">
          {rows.map((row) => (
            <li key={row.measure.id} className="space-y-1">
              <p className="text-xs text-muted">
                {row.fieldTitle} · {row.goalText}
              </p>
              <MeasureCard measure={row.measure} label={row.number} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
