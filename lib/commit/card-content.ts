/**
 * What a board card must hold to become a goal or measure of the concept store. A board doc is
 * written by clients, so the commit re-checks every selected card against the store's own
 * schemas (the limits of the edit forms) and commits only the parsed values, never raw doc
 * content.
 */
import { z } from "zod";
import type { Card } from "@/lib/board/board-doc";
import { measureFieldsSchema, type MeasureFields } from "@/lib/board/board-schema";
import { goalEditSchema, measureEditSchema } from "@/lib/concept/schemas";
import { AppError, isAppError } from "@/lib/errors";
import { parseInput } from "@/lib/forms/parse-input";

/** A goal card's text becomes the goal's text. */
export const goalCardContentSchema = z.object({ text: goalEditSchema.shape.text });

/** A measure card's text becomes the measure's title; its details the measure's fields. */
export const measureCardContentSchema = measureFieldsSchema.extend({
  title: measureEditSchema.shape.title,
});

/** Problems of one card: field (dot path, e.g. "status", "responsibilities.0.role") → key. */
export type CardProblems = Record<string, string>;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" &&
  value !== null &&
  (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);

function problemsOf(parse: () => unknown): CardProblems | null {
  try {
    parse();
    return null;
  } catch (error) {
    if (isAppError(error) && error.fields) return error.fields;
    throw error;
  }
}

/**
 * Checks the content of the selected goal and measure cards. Cards with empty text are left to
 * the commit's own `empty_text` check. Returns each card with its measure details parsed (the
 * defaults filled in); throws `bad_request:card` naming every bad card and field:
 * `{ fields: { <cardId>: "invalid_content" | "title_too_long" }, cards: { <cardId>: { <field>: key } } }`.
 */
export function validateCardContent({ cards }: { cards: Card[] }): Card[] {
  const problems: Record<string, CardProblems> = {};
  const parsed: Card[] = [];
  for (const card of cards) {
    const text = card.text.trim();
    if (!text) {
      parsed.push(card);
      continue;
    }
    if (card.kind === "goal") {
      const found = problemsOf(() => parseInput(goalCardContentSchema, { text }));
      if (found) problems[card.id] = found;
      parsed.push(card);
      continue;
    }
    const raw: unknown = card.measure ?? {};
    if (!isPlainObject(raw)) {
      problems[card.id] = { measure: "invalid" };
      continue;
    }
    let measure: MeasureFields | null = null;
    const found = problemsOf(() => {
      const { title: _title, ...fields } = parseInput(measureCardContentSchema, {
        ...raw,
        title: text,
      });
      measure = fields;
    });
    if (found) problems[card.id] = found;
    else parsed.push({ ...card, measure });
  }
  if (Object.keys(problems).length > 0) {
    throw new AppError("bad_request:card", {
      fields: Object.fromEntries(
        Object.entries(problems).map(([cardId, fields]) => [
          cardId,
          fields.title === "too_long" || fields.text === "too_long"
            ? "title_too_long"
            : "invalid_content",
        ]),
      ),
      details: { cards: problems },
    });
  }
  return parsed;
}
