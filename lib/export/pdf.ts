/**
 * The concept as PDF (pdfmake, in the server process, no browser or office suite): title page,
 * table of contents with page numbers, chapters as bookmarks (outline) with their sections below,
 * goals-and-measures tables, page numbers and, for drafts, the ENTWURF watermark.
 */
import type { Content, ContentText, TableCell } from "pdfmake/interfaces";
import { exportLabels as L } from "./labels";
import type { Block, ExportModel, GoalRows, Inline } from "./model";
import { PDF_TEXT_WIDTH, pdfFrame, pdfSidebar, pdfTable } from "./pdf-kit";
import { renderPdf } from "./pdf-printer";

function runs(inlines: Inline[]): ContentText[] {
  return inlines.map((run) => ({
    text: run.text,
    ...(run.bold ? { bold: true } : {}),
    ...(run.italic ? { italics: true } : {}),
    ...(run.underline || run.strike
      ? { decoration: run.strike ? ("lineThrough" as const) : ("underline" as const) }
      : {}),
    ...(run.href ? { link: run.href, style: "link" } : {}),
  }));
}

const plain = (inlines: Inline[]) => inlines.map((r) => r.text).join("");

/** Chapter blocks; chapter sections (level 2) become bookmarks below their chapter's. */
function blocks(list: Block[], chapterId: string): Content[] {
  return list.map((block): Content => {
    switch (block.kind) {
      case "heading":
        return {
          text: runs(block.inlines),
          style: `heading${block.level}`,
          ...(block.level === 2
            ? { outline: true, outlineText: plain(block.inlines), outlineParentId: chapterId }
            : {}),
        };
      case "paragraph":
        return { text: runs(block.inlines), style: "paragraph" };
      case "list": {
        const items = block.items.map((item) => ({ stack: blocks(item, chapterId) }));
        return block.ordered
          ? { ol: items, start: block.start, margin: [0, 0, 0, 6] }
          : { ul: items, margin: [0, 0, 0, 6] };
      }
      case "quote":
        return { stack: blocks(block.blocks, chapterId), margin: [18, 0, 0, 6], italics: true };
      case "table": {
        const columns = Math.max(1, ...block.rows.map((r) => r.cells.length));
        const [first, ...rest] = block.rows;
        const row = (cells: Block[][], header: boolean): TableCell[] =>
          Array.from({ length: columns }, (_, i) => ({
            stack: blocks(cells[i] ?? [], chapterId),
            ...(header ? { style: "tableHeader" } : {}),
          }));
        const hasHeader = first?.header ?? false;
        return pdfTable({
          widths: Array(columns).fill("*"),
          header: hasHeader && first ? row(first.cells, true) : null,
          rows: (hasHeader ? rest : block.rows).map((r) => row(r.cells, r.header)),
        });
      }
      case "item":
        return pdfSidebar([
          {
            text: [
              { text: block.title, bold: true },
              ...(block.note ? [{ text: ` (${block.note})`, italics: true }] : []),
            ],
          },
          ...block.details.map((detail): Content => ({ text: detail, fontSize: 9.5 })),
        ]);
      case "rule":
        return {
          canvas: [
            {
              type: "line",
              x1: 0,
              y1: 4,
              x2: PDF_TEXT_WIDTH,
              y2: 4,
              lineWidth: 0.5,
              lineColor: "#A6A6A6",
            },
          ],
          margin: [0, 4, 0, 8],
        };
    }
  });
}

/** The goals and measures of a field as one table: a goal row spanning all columns, its measures below. */
function pdfGoalsTable(goals: GoalRows[]): Content {
  return pdfTable({
    widths: [30, "*", 95, 70, 48, 44, 44],
    header: L.columns.map((text) => ({ text, style: "tableHeader" })),
    rows: goals.flatMap((goal): TableCell[][] => [
      [
        { text: goal.number, bold: true, fillColor: "#E7EEF6" },
        { text: `${L.goal}: ${goal.text}`, bold: true, colSpan: 6, fillColor: "#E7EEF6" },
        "",
        "",
        "",
        "",
        "",
      ],
      ...goal.measures.map((m): TableCell[] => [
        m.number,
        m.title,
        { stack: m.responsible },
        m.target,
        m.timeframe,
        m.priority,
        m.status,
      ]),
    ]),
  });
}

/** The pdfmake document of the concept. */
function conceptPdfDefinition(model: ExportModel) {
  const content: Content[] = [
    { text: "", margin: [0, 140, 0, 0] },
    ...(model.town ? [{ text: model.town, fontSize: 14, margin: [0, 0, 0, 8] } as Content] : []),
    { text: model.title, style: "title" },
    { text: model.typeAndEdition, fontSize: 13, margin: [0, 0, 0, 8] },
    { text: `${L.status}: ${model.status}`, margin: [0, 0, 0, 4] },
    {
      text: `${L.date}: ${model.dateLabel}${model.revision ? ` (${L.revision} ${model.revision})` : ""}`,
    },
    ...(model.draft
      ? [
          {
            text: `${L.draft} – ${L.draftNote} ${model.dateLabel}`,
            style: "draft",
            margin: [0, 12, 0, 0],
          } as Content,
        ]
      : []),
    {
      toc: { title: { text: L.contents, style: "heading1" } },
      pageBreak: "before",
    },
  ];
  model.chapters.forEach((chapter, index) => {
    const id = `chapter-${index + 1}`;
    content.push({
      id,
      text: chapter.title,
      style: "heading1",
      tocItem: true,
      outline: true,
      pageBreak: "before",
    });
    if (chapter.source === "missing")
      content.push({ text: L.missingText, italics: true, style: "paragraph" });
    content.push(...blocks(chapter.blocks, id));
    if (!chapter.field) return;
    if (chapter.field.strategicGoal && chapter.source === "missing")
      content.push({
        text: [{ text: `${L.strategicGoal}: `, bold: true }, chapter.field.strategicGoal],
        style: "paragraph",
      });
    if (chapter.field.goals.length)
      content.push(
        {
          text: L.goalsAndMeasures,
          style: "heading2",
          outline: true,
          outlineParentId: id,
        },
        pdfGoalsTable(chapter.field.goals),
      );
  });
  return {
    info: { title: model.title, ...(model.town ? { author: model.town } : {}) },
    language: "de-DE",
    ...pdfFrame({ draft: model.draft, draftText: L.draft, page: L.page, of: L.of }),
    content,
  };
}

/** The export model as PDF bytes. */
export function renderConceptPdf(model: ExportModel): Promise<Buffer> {
  return renderPdf(conceptPdfDefinition(model));
}
