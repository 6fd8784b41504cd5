/**
 * The goals and measures of one state of the concept store as embedded items show them. A
 * module without the renderer or messages, so the editor's client bundle can use it; the server
 * renders versions and exports from the same views (lib/chapter/content.ts).
 */
import type { ConceptContent } from "@/lib/concept/load-concept-content";
import type { MeasureStatus, ResponsibilityRole } from "@/lib/db/schema";
import type { ConceptItemKind } from "./extensions";

/** A goal or measure as an embedded item shows it. */
export interface ConceptItemView {
  kind: ConceptItemKind;
  id: string;
  /** "2.4" for a goal, "2.4.1" for a measure. */
  number: string;
  text: string;
  /** Measures only: responsibilities with their roles, target and status. */
  responsibilities: Array<{ organisation: string; role: ResponsibilityRole }>;
  target: string;
  status: MeasureStatus | null;
  retired: boolean;
}

/** The goals and measures of one state of the concept store, by `${kind}:${id}`. */
export type ConceptItems = ReadonlyMap<string, ConceptItemView>;

export const conceptItemKey = (kind: string, id: string) => `${kind}:${id}`;

export function conceptItemsOf(content: ConceptContent | undefined): ConceptItems {
  const items = new Map<string, ConceptItemView>();
  for (const field of content?.fields ?? [])
    for (const goal of field.goals) {
      const goalNumber = `${field.number}.${goal.number}`;
      items.set(conceptItemKey("goal", goal.id), {
        kind: "goal",
        id: goal.id,
        number: goalNumber,
        text: goal.text,
        responsibilities: [],
        target: "",
        status: null,
        retired: goal.retired,
      });
      for (const measure of goal.measures)
        items.set(conceptItemKey("measure", measure.id), {
          kind: "measure",
          id: measure.id,
          number: `${goalNumber}.${measure.number}`,
          text: measure.title,
          responsibilities: measure.responsibilities.map((r) => ({
            organisation: r.organisationName,
            role: r.role,
          })),
          target: measure.target,
          status: measure.status,
          retired: measure.retired,
        });
    }
  return items;
}
