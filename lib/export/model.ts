/**
 * The one intermediate model every concept export is written from (DOCX, PDF, Markdown): the
 * title page facts, then the chapters in order with their rich text as a typed block tree and,
 * for a field of action, the rows of its goals-and-measures table. Everything a writer prints is
 * resolved here (German labels, numbers like "2.4"), so the writers only lay it out. Plain JSON:
 * it crosses into the render worker as it is.
 */
import type { JSONContent } from "@tiptap/core";
import { itemLabels, itemLines, stripCommentMarks } from "@/lib/chapter/content";
import { conceptItemsOf, type ConceptItems } from "@/lib/chapter/concept-item-view";
import { isAllowedHref } from "@/lib/chapter/links";
import type { ConceptContent } from "@/lib/concept/load-concept-content";
import de from "@/messages/de.json";

export interface Inline {
  text: string;
  bold?: true;
  italic?: true;
  underline?: true;
  strike?: true;
  /** Only http(s) and mailto links survive. */
  href?: string;
}

/** A line break inside a paragraph is a text of "\n". */
export type Block =
  | { kind: "heading"; level: 2 | 3 | 4; inlines: Inline[] }
  | { kind: "paragraph"; inlines: Inline[] }
  | { kind: "list"; ordered: boolean; start: number; items: Block[][] }
  | { kind: "quote"; blocks: Block[] }
  | { kind: "table"; rows: Array<{ header: boolean; cells: Block[][] }> }
  /** An embedded goal or measure, as the chapter shows it: a bold title line, then details. */
  | { kind: "item"; title: string; note: string | null; details: string[] }
  | { kind: "rule" };

export interface MeasureRow {
  /** "2.4.1" */
  number: string;
  title: string;
  /** "Jobcenter (Federführend)", one per responsible organisation. */
  responsible: string[];
  target: string;
  timeframe: string;
  priority: string;
  status: string;
}

export interface GoalRows {
  /** "2.4" */
  number: string;
  text: string;
  measures: MeasureRow[];
}

export interface ExportChapter {
  kind: "mission" | "context" | "process" | "field";
  /** "2 Ankommen …" for a field of action (number first), else the chapter's title. */
  title: string;
  /** final: its final version; draft: the current text; missing: no final version yet. */
  source: "final" | "draft" | "missing";
  blocks: Block[];
  /** Fields of action only: the strategic goal and the goals with their measures. */
  field: { number: number; strategicGoal: string; goals: GoalRows[] } | null;
}

export interface ExportModel {
  title: string;
  town: string | null;
  /** "Handlungskonzept, 1. Fassung" */
  typeAndEdition: string;
  status: string;
  /** yyyy-mm-dd (Europe/Berlin), for file names. */
  date: string;
  /** "2. Dezember 2026" */
  dateLabel: string;
  draft: boolean;
  /** The store revision the export shows (null: the concept has none). */
  revision: number | null;
  chapters: ExportChapter[];
  /** Titles of chapters without a final version (final exports only). */
  missing: string[];
}

const enums = de.enums;

/** Berlin calendar date of `now`: yyyy-mm-dd and the German long form. */
export function exportDate(now: Date): { date: string; dateLabel: string } {
  const timeZone = "Europe/Berlin";
  return {
    date: new Intl.DateTimeFormat("en-CA", { timeZone }).format(now),
    dateLabel: new Intl.DateTimeFormat("de-DE", {
      timeZone,
      day: "numeric",
      month: "long",
      year: "numeric",
    }).format(now),
  };
}

function inlinesOf(node: JSONContent, marks: Omit<Inline, "text"> = {}): Inline[] {
  if (node.type === "hardBreak") return [{ text: "\n" }];
  if (node.type === "text") {
    const own: Omit<Inline, "text"> = { ...marks };
    for (const mark of node.marks ?? []) {
      if (mark.type === "bold") own.bold = true;
      else if (mark.type === "italic") own.italic = true;
      else if (mark.type === "underline") own.underline = true;
      else if (mark.type === "strike") own.strike = true;
      else if (mark.type === "link" && typeof mark.attrs?.href === "string")
        if (isAllowedHref(mark.attrs.href)) own.href = mark.attrs.href.trim();
    }
    return node.text ? [{ text: node.text, ...own }] : [];
  }
  return (node.content ?? []).flatMap((child) => inlinesOf(child, marks));
}

function itemBlock(items: ConceptItems, attrs: Record<string, unknown> | undefined): Block {
  const kind = attrs?.kind === "goal" ? "goal" : "measure";
  const item = items.get(`${kind}:${typeof attrs?.id === "string" ? attrs.id : ""}`);
  if (!item)
    return {
      kind: "item",
      title: kind === "goal" ? itemLabels.missingGoal : itemLabels.missingMeasure,
      note: null,
      details: [],
    };
  const { heading, details } = itemLines(item);
  return { kind: "item", title: heading, note: item.retired ? itemLabels.retired : null, details };
}

/**
 * A chapter's ProseMirror JSON as export blocks. Comment marks and anything the export does not
 * know are dropped; embedded goals and measures are rendered from `items`.
 */
export function chapterBlocksOf({
  json,
  items,
}: {
  json: JSONContent;
  items: ConceptItems;
}): Block[] {
  const blocks = (nodes: JSONContent[] | undefined): Block[] =>
    (nodes ?? []).flatMap((node): Block[] => {
      switch (node.type) {
        case "paragraph":
          return [{ kind: "paragraph", inlines: inlinesOf(node) }];
        case "heading": {
          const level = Number(node.attrs?.level);
          return [
            {
              kind: "heading",
              level: level <= 2 ? 2 : level >= 4 ? 4 : 3,
              inlines: inlinesOf(node),
            },
          ];
        }
        case "bulletList":
        case "orderedList":
          return [
            {
              kind: "list",
              ordered: node.type === "orderedList",
              start: Number(node.attrs?.start) || 1,
              items: (node.content ?? []).map((item) => blocks(item.content)),
            },
          ];
        case "blockquote":
          return [{ kind: "quote", blocks: blocks(node.content) }];
        case "table":
          return [
            {
              kind: "table",
              rows: (node.content ?? []).map((row) => ({
                header: (row.content ?? []).every((cell) => cell.type === "tableHeader"),
                cells: (row.content ?? []).map((cell) => blocks(cell.content)),
              })),
            },
          ];
        case "conceptItem":
          return [itemBlock(items, node.attrs)];
        case "horizontalRule":
          return [{ kind: "rule" }];
        default:
          return blocks(node.content);
      }
    });
  return blocks(stripCommentMarks(json).content);
}

function goalRows(field: ConceptContent["fields"][number]): GoalRows[] {
  return field.goals
    .filter((goal) => !goal.retired)
    .map((goal) => {
      const number = `${field.number}.${goal.number}`;
      return {
        number,
        text: goal.text,
        measures: goal.measures
          .filter((measure) => !measure.retired)
          .map((measure) => ({
            number: `${number}.${measure.number}`,
            title: measure.title,
            responsible: measure.responsibilities.map(
              (r) => `${r.organisationName} (${enums.responsibilityRole[r.role]})`,
            ),
            target: measure.target,
            timeframe: measure.timeframe,
            priority: measure.priority ? enums.measurePriority[measure.priority] : "",
            status: enums.measureStatus[measure.status],
          })),
      };
    });
}

/** One chapter as stored: its kind, title, field and the text the export takes (or none). */
export interface ChapterSource {
  kind: ExportChapter["kind"];
  title: string;
  fieldId: string | null;
  /** The chapter's text; null when it has no final version (final exports). */
  json: JSONContent | null;
}

/**
 * The export model from the store content (latest or as of a revision) and the chapters in
 * order. Introduction chapters come first; then one chapter per field of action of the content,
 * in number order, even when the field has no chapter text yet (its table still belongs in).
 */
export function buildExportModel({
  content,
  town,
  edition,
  chapters,
  draft,
  revision,
  now,
}: {
  content: ConceptContent;
  town: string | null;
  /** 1 for a first concept, n for the (n-1)th update (Fortschreibung). */
  edition: number;
  chapters: ChapterSource[];
  draft: boolean;
  revision: number | null;
  now: Date;
}): ExportModel {
  const items = conceptItemsOf(content);
  const chapterOf = (source: ChapterSource | undefined, title: string) => ({
    title,
    source: !source?.json ? ("missing" as const) : draft ? ("draft" as const) : ("final" as const),
    blocks: source?.json ? chapterBlocksOf({ json: source.json, items }) : [],
  });
  const intro: ExportChapter[] = chapters
    .filter((c) => c.kind !== "field")
    .map((c) => ({ kind: c.kind, field: null, ...chapterOf(c, c.title) }));
  const byField = new Map(chapters.filter((c) => c.fieldId).map((c) => [c.fieldId, c]));
  const fieldChapters: ExportChapter[] = content.fields.map((field) => ({
    kind: "field",
    ...chapterOf(byField.get(field.id), `${field.number} ${field.title}`),
    field: { number: field.number, strategicGoal: field.strategicGoal, goals: goalRows(field) },
  }));
  const all = [...intro, ...fieldChapters];
  const { concept } = content;
  return {
    title: concept.title,
    town,
    typeAndEdition: `${enums.conceptType[concept.type]}, ${edition === 1 ? "1. Fassung" : `${edition}. Fassung (Fortschreibung)`}`,
    status: enums.conceptStatus[concept.status],
    ...exportDate(now),
    draft,
    revision,
    // Intro chapters without any text are left out; a field keeps its heading and table.
    chapters: all.filter((c) => c.kind === "field" || c.source !== "missing"),
    missing: all.filter((c) => c.source === "missing").map((c) => c.title),
  };
}
