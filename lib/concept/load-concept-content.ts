import { asc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { groupBy } from "@/lib/group-by";
import {
  concepts,
  fields,
  goals,
  indicators,
  measures,
  organisations,
  responsibilities,
  type Concept,
  type Field,
  type Goal,
  type Measure,
  type OrganisationKind,
  type ResponsibilityRole,
} from "@/lib/db/schema";

export interface ResponsibilityContent {
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  role: ResponsibilityRole;
}

export interface IndicatorContent {
  id: string;
  definition: string;
  unit: string;
  baseline: string;
  target: string;
  breakdown: string;
}

export type MeasureContent = Omit<Measure, "goalId" | "createdAt" | "retiredAt"> & {
  retired: boolean;
  responsibilities: ResponsibilityContent[];
  indicators: IndicatorContent[];
};

export type GoalContent = Pick<Goal, "id" | "number" | "text" | "priority"> & {
  retired: boolean;
  measures: MeasureContent[];
};

export type FieldContent = Pick<
  Field,
  "id" | "number" | "title" | "strategicGoal" | "prioritisedUntil"
> & { goals: GoalContent[] };

/**
 * The structured content of a concept: what an overview shows, what a revision stores and what
 * diffs and exports compare. Plain JSON, ordered by number.
 */
export interface ConceptContent {
  concept: Pick<Concept, "id" | "title" | "type" | "status" | "missionStatement" | "reviewDate">;
  fields: FieldContent[];
}

export async function loadConceptContent({
  db,
  conceptId,
}: {
  db: Queryable;
  conceptId: string;
}): Promise<ConceptContent | undefined> {
  const [concept] = await db
    .select({
      id: concepts.id,
      title: concepts.title,
      type: concepts.type,
      status: concepts.status,
      missionStatement: concepts.missionStatement,
      reviewDate: concepts.reviewDate,
    })
    .from(concepts)
    .where(eq(concepts.id, conceptId));
  if (!concept) return undefined;

  const fieldRows = await db
    .select()
    .from(fields)
    .where(eq(fields.conceptId, conceptId))
    .orderBy(asc(fields.number));
  const fieldIds = fieldRows.map((f) => f.id);
  const goalRows = fieldIds.length
    ? await db
        .select()
        .from(goals)
        .where(inArray(goals.fieldId, fieldIds))
        .orderBy(asc(goals.number))
    : [];
  const goalIds = goalRows.map((g) => g.id);
  const measureRows = goalIds.length
    ? await db
        .select()
        .from(measures)
        .where(inArray(measures.goalId, goalIds))
        .orderBy(asc(measures.number))
    : [];
  const measureIds = measureRows.map((m) => m.id);
  const responsibilityRows = measureIds.length
    ? await db
        .select({
          measureId: responsibilities.measureId,
          organisationId: responsibilities.organisationId,
          organisationName: organisations.name,
          organisationKind: organisations.kind,
          role: responsibilities.role,
        })
        .from(responsibilities)
        .innerJoin(organisations, eq(organisations.id, responsibilities.organisationId))
        .where(inArray(responsibilities.measureId, measureIds))
        .orderBy(asc(responsibilities.position))
    : [];
  const indicatorRows = measureIds.length
    ? await db
        .select()
        .from(indicators)
        .where(inArray(indicators.measureId, measureIds))
        .orderBy(asc(indicators.createdAt))
    : [];

  const responsibilitiesByMeasure = groupBy(responsibilityRows, (r) => r.measureId);
  const indicatorsByMeasure = groupBy(indicatorRows, (i) => i.measureId);
  const measuresByGoal = groupBy(measureRows, (m) => m.goalId);
  const goalsByField = groupBy(goalRows, (g) => g.fieldId);

  return {
    concept,
    fields: fieldRows.map((field) => ({
      id: field.id,
      number: field.number,
      title: field.title,
      strategicGoal: field.strategicGoal,
      prioritisedUntil: field.prioritisedUntil,
      goals: (goalsByField.get(field.id) ?? []).map((goal) => ({
        id: goal.id,
        number: goal.number,
        text: goal.text,
        priority: goal.priority,
        retired: goal.retiredAt !== null,
        measures: (measuresByGoal.get(goal.id) ?? []).map(
          ({ goalId: _goalId, createdAt: _createdAt, retiredAt, ...measure }) => ({
            ...measure,
            retired: retiredAt !== null,
            responsibilities: (responsibilitiesByMeasure.get(measure.id) ?? []).map(
              ({ measureId: _measureId, ...r }) => r,
            ),
            indicators: (indicatorsByMeasure.get(measure.id) ?? []).map((i) => ({
              id: i.id,
              definition: i.definition,
              unit: i.unit,
              baseline: i.baseline,
              target: i.target,
              breakdown: i.breakdown,
            })),
          }),
        ),
      })),
    })),
  };
}
