/**
 * DOCX building blocks shared by every Word document the app writes (the concept, the council
 * paper): A4 page with its text width, the house styles with real heading styles (Word's
 * navigation pane and TOC use them), list numbering, the page-number footer, the ENTWURF header
 * with watermark, and tables with fixed widths in DXA and a repeated header row, which hold in
 * LibreOffice as well as in Word.
 */
import {
  AlignmentType,
  BorderStyle,
  Footer,
  Header,
  LevelFormat,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type INumberingOptions,
  type ISectionOptions,
  type IStylesOptions,
} from "docx";
import { TextWatermark } from "docx/watermarks";

/** A4 with 2.5 cm margins; TEXT_WIDTH is what tables span, in DXA (twentieths of a point). */
export const PAGE = { width: 11906, height: 16838, margin: 1417 } as const;
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

const FONT = "Arial";
const ACCENT = "1F4E79";

/** Default font, headings 1–4, title: what every document of the app looks like. */
export const docxStyles: IStylesOptions = {
  default: {
    document: {
      run: { font: FONT, size: 22 },
      paragraph: { spacing: { after: 120, line: 276 } },
    },
    title: { run: { font: FONT, size: 48, bold: true, color: ACCENT } },
    heading1: {
      run: { font: FONT, size: 32, bold: true, color: ACCENT },
      paragraph: { spacing: { before: 360, after: 160 }, keepNext: true },
    },
    heading2: {
      run: { font: FONT, size: 26, bold: true, color: ACCENT },
      paragraph: { spacing: { before: 280, after: 120 }, keepNext: true },
    },
    heading3: {
      run: { font: FONT, size: 24, bold: true },
      paragraph: { spacing: { before: 240, after: 100 }, keepNext: true },
    },
    heading4: {
      run: { font: FONT, size: 22, bold: true, italics: true },
      paragraph: { spacing: { before: 200, after: 80 }, keepNext: true },
    },
  },
};

/** Numbering references for bullet and numbered lists (four levels each). */
export const LIST = { bullet: "bullet-list", ordered: "ordered-list" } as const;
export const docxNumbering: INumberingOptions = {
  config: [
    {
      reference: LIST.bullet,
      levels: [0, 1, 2, 3].map((level) => ({
        level,
        format: LevelFormat.BULLET,
        text: ["•", "–", "▪", "•"][level]!,
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 360 } } },
      })),
    },
    {
      reference: LIST.ordered,
      levels: [0, 1, 2, 3].map((level) => ({
        level,
        format: level % 2 ? LevelFormat.LOWER_LETTER : LevelFormat.DECIMAL,
        text: `%${level + 1}.`,
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 360 } } },
      })),
    },
  ],
};

/** "Seite 3 von 12" centred in the footer, with PAGE and NUMPAGES fields. */
export function pageNumberFooter({ label = "Seite", of = "von" } = {}): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            size: 18,
            children: [`${label} `, PageNumber.CURRENT, ` ${of} `, PageNumber.TOTAL_PAGES],
          }),
        ],
      }),
    ],
  });
}

/** The draft marking on every page: "ENTWURF" in the header and as a diagonal watermark. */
export function draftHeader(text = "ENTWURF"): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({ text, bold: true, color: "C00000", size: 20 }),
          new TextWatermark({ text, color: "C0C0C0", opacity: 0.5, layout: "diagonal" }),
        ],
      }),
    ],
  });
}

/** Section page set-up (A4, margins), with the footer and, for drafts, the ENTWURF header. */
export function sectionFrame({
  draft,
  draftText,
}: {
  draft: boolean;
  draftText?: string;
}): Omit<ISectionOptions, "children"> {
  return {
    properties: {
      page: {
        size: { width: PAGE.width, height: PAGE.height },
        margin: {
          top: PAGE.margin,
          bottom: PAGE.margin,
          left: PAGE.margin,
          right: PAGE.margin,
        },
      },
    },
    footers: { default: pageNumberFooter() },
    ...(draft ? { headers: { default: draftHeader(draftText) } } : {}),
  };
}

const border = { style: BorderStyle.SINGLE, size: 4, color: "A6A6A6" };
const cellBorders = { top: border, bottom: border, left: border, right: border };

/** A table cell: its paragraphs (or a string), its width in DXA, optionally spanning columns. */
export interface CellSpec {
  content: string | Paragraph[];
  /** Spans this many columns (the widths of those columns are added up). */
  span?: number;
  bold?: boolean;
  shaded?: boolean;
}

function cell(spec: CellSpec, width: number, size: number): TableCell {
  const children =
    typeof spec.content === "string"
      ? [new Paragraph({ children: [new TextRun({ text: spec.content, bold: spec.bold, size })] })]
      : spec.content.length
        ? spec.content
        : [new Paragraph({})];
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    columnSpan: spec.span,
    borders: cellBorders,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(spec.shaded ? { shading: { type: ShadingType.CLEAR, fill: "E7EEF6", color: "auto" } } : {}),
  });
}

/**
 * A table of fixed layout and explicit column widths in DXA (so LibreOffice keeps them), with a
 * header row repeated on every page. Rows do not break across pages.
 */
export function fixedTable({
  widths,
  header,
  rows,
  fontSize = 18,
}: {
  widths: readonly number[];
  /** The header row (bold, shaded, repeated on every page); empty: none. */
  header: ReadonlyArray<string | CellSpec>;
  rows: ReadonlyArray<readonly CellSpec[]>;
  /** Half-points (18 = 9 pt). */
  fontSize?: number;
}): Table {
  const rowOf = (cells: readonly CellSpec[], isHeader: boolean) => {
    let column = 0;
    return new TableRow({
      tableHeader: isHeader,
      cantSplit: true,
      children: cells.map((spec) => {
        const span = spec.span ?? 1;
        const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
        column += span;
        return cell(spec, width, fontSize);
      }),
    });
  };
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    rows: [
      ...(header.length
        ? [
            rowOf(
              header.map((spec) =>
                typeof spec === "string" ? { content: spec, bold: true, shaded: true } : spec,
              ),
              true,
            ),
          ]
        : []),
      ...rows.map((cells) => rowOf(cells, false)),
    ],
  });
}
