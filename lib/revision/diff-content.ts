/**
 * What changed between two versions of a concept's structured content (two revisions, or the
 * concept before and after a commit): goals and measures added, changed and removed, each with
 * its number ("2.4", "2.4.1") and, for changes, every differing attribute with both values.
 */
import type {
  ConceptContent,
  GoalContent,
  MeasureContent,
} from "@/lib/concept/load-concept-content";

export type ChangeKind = "added" | "changed" | "removed";

export interface AttributeChange {
  attribute: string;
  before: unknown;
  after: unknown;
}

export interface ItemChange {
  kind: "goal" | "measure";
  change: ChangeKind;
  id: string;
  /** "2.4" for a goal, "2.4.1" for a measure (as numbered in the newer version if it exists). */
  number: string;
  /** The goal's text or the measure's title. */
  label: string;
  fieldTitle: string;
  /** For changed items: each attribute that differs. Empty for added and removed items. */
  attributes: AttributeChange[];
}

export interface ContentDiff {
  items: ItemChange[];
}

interface Located<T> {
  item: T;
  number: string;
  fieldTitle: string;
}

function index(content: ConceptContent) {
  const goals = new Map<string, Located<GoalContent>>();
  const measures = new Map<string, Located<MeasureContent>>();
  for (const field of content.fields) {
    for (const goal of field.goals) {
      const goalNumber = `${field.number}.${goal.number}`;
      goals.set(goal.id, { item: goal, number: goalNumber, fieldTitle: field.title });
      for (const measure of goal.measures) {
        measures.set(measure.id, {
          item: measure,
          number: `${goalNumber}.${measure.number}`,
          fieldTitle: field.title,
        });
      }
    }
  }
  return { goals, measures };
}

/**
 * Goal attributes compared; measures are compared on everything but their id. Numbers are
 * compared as located ("2.4.1"), so a measure moved to another goal shows as renumbered.
 */
const GOAL_ATTRIBUTES = ["text", "priority", "retired"] as const;
const MEASURE_IGNORED = new Set(["id", "number"]);

/** JSON with object keys sorted: stored revisions (jsonb) do not keep key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

function differences(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  attributes: readonly string[],
): AttributeChange[] {
  return attributes
    .filter((attribute) => canonical(before[attribute]) !== canonical(after[attribute]))
    .map((attribute) => ({ attribute, before: before[attribute], after: after[attribute] }));
}

function compare<T extends { id: string }>(
  kind: ItemChange["kind"],
  before: Map<string, Located<T>>,
  after: Map<string, Located<T>>,
  attributesOf: (a: T, b: T) => readonly string[],
  labelOf: (item: T) => string,
): ItemChange[] {
  const changes: ItemChange[] = [];
  for (const [id, next] of after) {
    const previous = before.get(id);
    const base = {
      kind,
      id,
      number: next.number,
      label: labelOf(next.item),
      fieldTitle: next.fieldTitle,
    };
    if (!previous) {
      changes.push({ ...base, change: "added", attributes: [] });
      continue;
    }
    const attributes = differences(
      previous.item as unknown as Record<string, unknown>,
      next.item as unknown as Record<string, unknown>,
      attributesOf(previous.item, next.item),
    );
    if (previous.number !== next.number)
      attributes.unshift({ attribute: "number", before: previous.number, after: next.number });
    if (attributes.length) changes.push({ ...base, change: "changed", attributes });
  }
  for (const [id, previous] of before) {
    if (after.has(id)) continue;
    changes.push({
      kind,
      id,
      number: previous.number,
      label: labelOf(previous.item),
      fieldTitle: previous.fieldTitle,
      change: "removed",
      attributes: [],
    });
  }
  return changes;
}

const byNumber = (a: ItemChange, b: ItemChange) =>
  a.number.localeCompare(b.number, undefined, { numeric: true }) ||
  (a.kind === b.kind ? 0 : a.kind === "goal" ? -1 : 1);

export function diffContent(before: ConceptContent, after: ConceptContent): ContentDiff {
  const a = index(before);
  const b = index(after);
  const goals = compare(
    "goal",
    a.goals,
    b.goals,
    () => GOAL_ATTRIBUTES,
    (goal) => goal.text,
  );
  const measures = compare(
    "measure",
    a.measures,
    b.measures,
    (x, y) =>
      [...new Set([...Object.keys(x), ...Object.keys(y)])].filter((k) => !MEASURE_IGNORED.has(k)),
    (measure) => measure.title,
  );
  return { items: [...goals, ...measures].sort(byNumber) };
}
