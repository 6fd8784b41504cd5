/**
 * pdfmake building blocks shared by every PDF the app writes (the concept, the council paper):
 * A4 page set-up, styles, the page-number footer, the ENTWURF watermark and tables with a
 * header row repeated on every page.
 */
import type {
  Content,
  ContentTable,
  CustomTableLayout,
  StyleDictionary,
  TableCell,
  TDocumentDefinitions,
} from "pdfmake/interfaces";

/** A4 in points with 2.5 cm side margins; TEXT_WIDTH is what tables span. */
export const PDF_PAGE = {
  width: 595.28,
  margins: [70, 60, 70, 60] as [number, number, number, number],
};
export const PDF_TEXT_WIDTH = PDF_PAGE.width - PDF_PAGE.margins[0] - PDF_PAGE.margins[2];

const ACCENT = "#1F4E79";

export const pdfStyles: StyleDictionary = {
  title: { fontSize: 24, bold: true, color: ACCENT, margin: [0, 0, 0, 12] },
  heading1: { fontSize: 16, bold: true, color: ACCENT, margin: [0, 0, 0, 10] },
  heading2: { fontSize: 13, bold: true, color: ACCENT, margin: [0, 12, 0, 6] },
  heading3: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
  heading4: { fontSize: 11, bold: true, italics: true, margin: [0, 8, 0, 4] },
  paragraph: { margin: [0, 0, 0, 6], lineHeight: 1.2 },
  tableCell: { fontSize: 8 },
  tableHeader: { fontSize: 8, bold: true, fillColor: "#E7EEF6" },
  link: { color: "#0563C1", decoration: "underline" },
  draft: { bold: true, color: "#C00000" },
};

/** Page set-up: A4, margins, default font size, the "Seite n von m" footer and, for drafts, the watermark. */
export function pdfFrame({
  draft,
  draftText = "ENTWURF",
  page = "Seite",
  of = "von",
}: {
  draft: boolean;
  draftText?: string;
  page?: string;
  of?: string;
}): Pick<
  TDocumentDefinitions,
  "pageSize" | "pageMargins" | "footer" | "watermark" | "defaultStyle" | "styles"
> {
  return {
    pageSize: "A4",
    pageMargins: PDF_PAGE.margins,
    defaultStyle: { fontSize: 10.5 },
    styles: pdfStyles,
    footer: (currentPage, pageCount) => ({
      text: `${page} ${currentPage} ${of} ${pageCount}`,
      alignment: "center",
      fontSize: 8.5,
      margin: [0, 24, 0, 0],
    }),
    ...(draft
      ? { watermark: { text: draftText, color: "#C00000", opacity: 0.12, bold: true, angle: -45 } }
      : {}),
  };
}

const grid: CustomTableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => "#A6A6A6",
  vLineColor: () => "#A6A6A6",
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/** A grid table whose first row (if `header` is given) repeats on every page; rows do not break. */
export function pdfTable({
  widths,
  header,
  rows,
}: {
  widths: Array<number | "*" | "auto">;
  header: TableCell[] | null;
  rows: TableCell[][];
}): ContentTable {
  return {
    table: {
      widths,
      headerRows: header ? 1 : 0,
      dontBreakRows: true,
      body: [...(header ? [header] : []), ...rows],
    },
    layout: grid,
    style: "tableCell",
    margin: [0, 4, 0, 10],
  };
}

/** A block set off by a coloured bar on its left (embedded goals and measures). */
export function pdfSidebar(stack: Content[]): ContentTable {
  return {
    table: { widths: ["*"], body: [[{ stack }]] },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: (i) => (i === 0 ? 2 : 0),
      vLineColor: () => ACCENT,
      paddingLeft: () => 8,
    },
    margin: [0, 2, 0, 8],
  };
}
