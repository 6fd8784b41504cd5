/**
 * The concept as DOCX, editable in Word and LibreOffice: title page, a TOC field Word and
 * LibreOffice fill in on opening (updateFields; the entries are also written in advance), the
 * chapters with real heading styles, each field of action followed by its goals-and-measures
 * table, page numbers in the footer and, for drafts, the ENTWURF header and watermark.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  PageBreak,
  Paragraph,
  TableOfContents,
  TextRun,
  type FileChild,
  type ParagraphChild,
} from "docx";
import {
  docxNumbering,
  docxStyles,
  fixedTable,
  LIST,
  sectionFrame,
  TEXT_WIDTH,
  type CellSpec,
} from "./docx-kit";
import { exportLabels as L } from "./labels";
import type { Block, ExportModel, GoalRows, Inline } from "./model";

const HEADING = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  4: HeadingLevel.HEADING_4,
} as const;

/** Measure table columns in DXA, adding up to the text width. */
const MEASURE_COLUMNS = [800, 2472, 2000, 1400, 900, 800, 700] as const;

function runs(inlines: Inline[], size?: number): ParagraphChild[] {
  return inlines.map((run) => {
    if (run.text === "\n") return new TextRun({ break: 1 });
    const text = new TextRun({
      text: run.text,
      bold: run.bold,
      italics: run.italic,
      underline: run.underline || run.href ? {} : undefined,
      strike: run.strike,
      size,
      ...(run.href ? { color: "0563C1" } : {}),
    });
    return run.href ? new ExternalHyperlink({ link: run.href, children: [text] }) : text;
  });
}

/** Renders chapter blocks; each list gets a numbering instance of its own, so numbers restart. */
class BlockWriter {
  private instance = 0;

  blocks(list: Block[], depth = 0, size?: number): FileChild[] {
    return list.flatMap((block) => this.block(block, depth, size));
  }

  private block(block: Block, depth: number, size?: number): FileChild[] {
    const indent = depth ? { left: 360 * depth } : undefined;
    switch (block.kind) {
      case "heading":
        return [new Paragraph({ heading: HEADING[block.level], children: runs(block.inlines) })];
      case "paragraph":
        return [new Paragraph({ indent, children: runs(block.inlines, size) })];
      case "list": {
        const instance = ++this.instance;
        return block.items.flatMap((item) =>
          item.flatMap((child, i): FileChild[] =>
            i === 0 && child.kind === "paragraph"
              ? [
                  new Paragraph({
                    numbering: {
                      reference: block.ordered ? LIST.ordered : LIST.bullet,
                      level: Math.min(depth, 3),
                      instance,
                    },
                    children: runs(child.inlines, size),
                  }),
                ]
              : this.block(child, depth + 1, size),
          ),
        );
      }
      case "quote":
        return this.blocks(block.blocks, depth + 1, size);
      case "table": {
        const columns = Math.max(1, ...block.rows.map((r) => r.cells.length));
        const width = Math.floor(TEXT_WIDTH / columns);
        const toCells = (cells: Block[][], bold: boolean): CellSpec[] =>
          cells.map((cell) => ({
            content: this.blocks(cell, 0, 18) as Paragraph[],
            bold,
            shaded: bold,
          }));
        const [first, ...rest] = block.rows;
        const hasHeader = first?.header ?? false;
        return [
          fixedTable({
            widths: Array(columns).fill(width),
            header: hasHeader && first ? toCells(first.cells, true) : [],
            rows: (hasHeader ? rest : block.rows).map((row) => toCells(row.cells, row.header)),
          }),
          new Paragraph({}),
        ];
      }
      case "item":
        return [
          new Paragraph({
            indent: { left: 360 * depth + 200 },
            border: { left: { style: BorderStyle.SINGLE, size: 18, color: "1F4E79", space: 8 } },
            keepNext: block.details.length > 0,
            children: [
              new TextRun({ text: block.title, bold: true, size }),
              ...(block.note
                ? [new TextRun({ text: ` (${block.note})`, italics: true, size })]
                : []),
            ],
          }),
          ...block.details.map(
            (detail) =>
              new Paragraph({
                indent: { left: 360 * depth + 200 },
                border: {
                  left: { style: BorderStyle.SINGLE, size: 18, color: "1F4E79", space: 8 },
                },
                children: [new TextRun({ text: detail, size: size ?? 20 })],
              }),
          ),
        ];
      case "rule":
        return [
          new Paragraph({
            border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "A6A6A6", space: 1 } },
          }),
        ];
    }
  }
}

/** The goals and measures of a field as one table: a goal row spanning all columns, its measures below. */
function goalsTable(goals: GoalRows[]) {
  return fixedTable({
    widths: MEASURE_COLUMNS,
    header: L.columns,
    rows: goals.flatMap((goal): CellSpec[][] => [
      [
        { content: goal.number, bold: true, shaded: true },
        { content: `${L.goal}: ${goal.text}`, bold: true, shaded: true, span: 6 },
      ],
      ...goal.measures.map((m): CellSpec[] => [
        { content: m.number },
        { content: m.title },
        {
          content: m.responsible.map(
            (r) => new Paragraph({ children: [new TextRun({ text: r, size: 18 })] }),
          ),
        },
        { content: m.target },
        { content: m.timeframe },
        { content: m.priority },
        { content: m.status },
      ]),
    ]),
  });
}

function titlePage(model: ExportModel): FileChild[] {
  const line = (text: string, options: { size?: number; bold?: boolean; color?: string } = {}) =>
    new Paragraph({ spacing: { after: 200 }, children: [new TextRun({ text, ...options })] });
  return [
    new Paragraph({ spacing: { before: 2400 } }),
    ...(model.town ? [line(model.town, { size: 28 })] : []),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(model.title)] }),
    line(model.typeAndEdition, { size: 26 }),
    line(`${L.status}: ${model.status}`),
    line(
      `${L.date}: ${model.dateLabel}${model.revision ? ` (${L.revision} ${model.revision})` : ""}`,
    ),
    ...(model.draft
      ? [line(`${L.draft} – ${L.draftNote} ${model.dateLabel}`, { bold: true, color: "C00000" })]
      : []),
  ];
}

/** The export model as DOCX bytes. */
export async function renderDocx(model: ExportModel): Promise<Buffer> {
  const writer = new BlockWriter();
  const body: FileChild[] = [
    ...titlePage(model),
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({
      alignment: AlignmentType.LEFT,
      children: [new TextRun({ text: L.contents, bold: true, size: 32, color: "1F4E79" })],
    }),
    new TableOfContents(L.contents, { hyperlink: true, headingStyleRange: "1-1" }),
  ];
  for (const chapter of model.chapters) {
    body.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        pageBreakBefore: true,
        children: [new TextRun(chapter.title)],
      }),
    );
    if (chapter.source === "missing")
      body.push(new Paragraph({ children: [new TextRun({ text: L.missingText, italics: true })] }));
    body.push(...writer.blocks(chapter.blocks));
    if (!chapter.field) continue;
    if (chapter.field.strategicGoal && chapter.source === "missing")
      body.push(
        new Paragraph({
          children: [
            new TextRun({ text: `${L.strategicGoal}: `, bold: true }),
            new TextRun(chapter.field.strategicGoal),
          ],
        }),
      );
    if (chapter.field.goals.length)
      body.push(
        new Paragraph({
          heading: HeadingLevel.HEADING_2,
          children: [new TextRun(L.goalsAndMeasures)],
        }),
        goalsTable(chapter.field.goals),
      );
  }
  const doc = new Document({
    title: model.title,
    creator: model.town ?? undefined,
    features: { updateFields: true },
    styles: docxStyles,
    numbering: docxNumbering,
    sections: [{ ...sectionFrame({ draft: model.draft, draftText: L.draft }), children: body }],
  });
  return Packer.toBuffer(doc);
}
