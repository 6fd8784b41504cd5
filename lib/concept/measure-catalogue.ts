/**
 * The measure catalogue: every measure of a concept as one flat row, filterable by field of
 * action, responsible organisation, status, priority and "needs a budget decision", with a
 * plain-text search. The per-organisation view ("what is my department responsible for?") is the
 * organisation filter.
 */
import Papa from "papaparse";
import { z } from "zod";
import { measurePriorities, measureStatuses } from "@/lib/domain-values";
import type { Queryable } from "@/lib/db/client";
import {
  loadConceptContent,
  type MeasureContent,
  type ResponsibilityContent,
} from "./load-concept-content";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/forms/parse-input";

export const catalogueFilterSchema = z.object({
  field: z.uuid().optional(),
  organisation: z.uuid().optional(),
  status: z.enum(measureStatuses).optional(),
  priority: z.enum(measurePriorities).optional(),
  budget: z.enum(["yes", "no"]).optional(),
  q: z.string().trim().max(200).optional(),
});
export type CatalogueFilter = z.infer<typeof catalogueFilterSchema>;

export interface CatalogueRow {
  /** "2.4.1" */
  number: string;
  fieldId: string;
  fieldTitle: string;
  goalText: string;
  measure: MeasureContent;
}

/** Query parameters (all optional, empty ones ignored) → a valid filter, or 400 naming the field. */
export function parseCatalogueFilter(params: URLSearchParams): CatalogueFilter {
  const raw = Object.fromEntries([...params].filter(([, value]) => value !== ""));
  return parseInput(catalogueFilterSchema, raw);
}

/** Every current (not retired) measure of the concept, in number order. */
export async function loadCatalogue({
  db,
  conceptId,
}: {
  db: Queryable;
  conceptId: string;
}): Promise<CatalogueRow[]> {
  const content = await loadConceptContent({ db, conceptId });
  if (!content) throw new AppError("not_found:concept");
  return content.fields.flatMap((field) =>
    field.goals
      .filter((goal) => !goal.retired)
      .flatMap((goal) =>
        goal.measures
          .filter((measure) => !measure.retired)
          .map((measure) => ({
            number: `${field.number}.${goal.number}.${measure.number}`,
            fieldId: field.id,
            fieldTitle: field.title,
            goalText: goal.text,
            measure,
          })),
      ),
  );
}

/** The rows that pass every filter; the search needs all its words, in any text of a row. */
export function filterCatalogue(rows: CatalogueRow[], filter: CatalogueFilter): CatalogueRow[] {
  const words = (filter.q ?? "").toLocaleLowerCase("de").split(/\s+/).filter(Boolean);
  return rows.filter((row) => matches(row, filter, words));
}

function matches(
  { number, fieldId, goalText, measure }: CatalogueRow,
  filter: CatalogueFilter,
  words: string[],
) {
  if (filter.field && fieldId !== filter.field) return false;
  if (filter.status && measure.status !== filter.status) return false;
  if (filter.priority && measure.priority !== filter.priority) return false;
  if (filter.budget && measure.needsBudgetDecision !== (filter.budget === "yes")) return false;
  if (
    filter.organisation &&
    !measure.responsibilities.some((r) => r.organisationId === filter.organisation)
  )
    return false;
  if (words.length === 0) return true;
  const haystack = [
    number,
    measure.title,
    measure.description,
    goalText,
    measure.target,
    measure.timeframe,
    measure.costNote,
    ...measure.responsibilities.map((r) => r.organisationName),
  ]
    .join(" ")
    .toLocaleLowerCase("de");
  return words.every((word) => haystack.includes(word));
}

/** Column labels and value labels, in the reader's language. */
export interface CsvLabels {
  columns: Record<
    | "number"
    | "field"
    | "goal"
    | "title"
    | "responsible"
    | "status"
    | "priority"
    | "target"
    | "timeframe"
    | "budget"
    | "costNote"
    | "votes",
    string
  >;
  status: (status: MeasureContent["status"]) => string;
  priority: (priority: NonNullable<MeasureContent["priority"]>) => string;
  role: (role: ResponsibilityContent["role"]) => string;
  yes: string;
  no: string;
}

/**
 * The rows as CSV for spreadsheets: semicolon-separated with a byte-order mark, which is what
 * German Excel opens without an import dialog.
 */
export function catalogueCsv(rows: CatalogueRow[], labels: CsvLabels): string {
  const { columns } = labels;
  const data = rows.map(({ number, fieldTitle, goalText, measure }) => [
    number,
    fieldTitle,
    goalText,
    measure.title,
    measure.responsibilities
      .map((r) => `${r.organisationName} (${labels.role(r.role)})`)
      .join(", "),
    labels.status(measure.status),
    measure.priority ? labels.priority(measure.priority) : "",
    measure.target,
    measure.timeframe,
    measure.needsBudgetDecision ? labels.yes : labels.no,
    measure.costNote,
    measure.voteCount ?? "",
  ]);
  const fields = [
    columns.number,
    columns.field,
    columns.goal,
    columns.title,
    columns.responsible,
    columns.status,
    columns.priority,
    columns.target,
    columns.timeframe,
    columns.budget,
    columns.costNote,
    columns.votes,
  ];
  return `\uFEFF${Papa.unparse(
    { fields, data },
    { delimiter: ";", newline: "\r\n", escapeFormulae: true },
  )}`;
}
