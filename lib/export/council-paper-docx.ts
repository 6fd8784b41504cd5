/**
 * The council paper as DOCX in the shape of the seeds' papers: the town and paper type with its
 * number, the head facts, the committee sequence as a table (Gremium | Sitzungstermin |
 * Zuständigkeit | Abstimmungsergebnis), then Betreff, Beschlussvorschlag as numbered points,
 * Begründung with its sections, financial impact, mission statement, annexes and signature.
 * Built from the same blocks as the concept's DOCX (docx-kit).
 */
import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  TextRun,
  type FileChild,
  type ParagraphChild,
} from "docx";
import type { CouncilPaperExport } from "./council-paper-model";
import { docxNumbering, docxStyles, fixedTable, LIST, sectionFrame, TEXT_WIDTH } from "./docx-kit";
import { councilPaperLabels as L } from "./labels";

/** Committee sequence columns in DXA, adding up to the text width. */
const CONSULTATION_COLUMNS = [2772, 2100, 1600, TEXT_WIDTH - 2772 - 2100 - 1600] as const;
/** Head facts: label and value. */
const FACT_COLUMNS = [2400, TEXT_WIDTH - 2400] as const;

/** A text's lines as runs, with line breaks between them. */
function lines(text: string, options: { bold?: boolean; size?: number } = {}): ParagraphChild[] {
  return text
    .split("\n")
    .map((line, i) => new TextRun({ text: line, break: i ? 1 : undefined, ...options }));
}

const heading = (text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(text)] });
const paragraphs = (texts: string[]) =>
  texts.map((text) => new Paragraph({ children: lines(text) }));

/** The paper as DOCX bytes. */
export async function renderCouncilPaperDocx(paper: CouncilPaperExport): Promise<Buffer> {
  const body: FileChild[] = [
    ...(paper.town
      ? [new Paragraph({ children: [new TextRun({ text: paper.town, bold: true, size: 28 })] })]
      : []),
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      children: [
        new TextRun(paper.typeLabel),
        ...(paper.number ? [new TextRun({ text: `  ${L.number}: ${paper.number}` })] : []),
      ],
    }),
  ];
  if (paper.facts.length)
    body.push(
      fixedTable({
        widths: FACT_COLUMNS,
        header: [],
        rows: paper.facts.map((fact) => [
          { content: fact.label, bold: true, shaded: true },
          { content: fact.value },
        ]),
        fontSize: 20,
      }),
    );
  body.push(heading(L.consultations));
  body.push(
    fixedTable({
      widths: CONSULTATION_COLUMNS,
      header: L.consultationColumns,
      rows: paper.consultations.map((row) => row.map((content) => ({ content }))),
      fontSize: 20,
    }),
  );
  body.push(heading(L.subject), new Paragraph({ children: lines(paper.subject, { bold: true }) }));
  if (paper.resolution.length)
    body.push(
      heading(L.resolution),
      ...paper.resolution.map(
        (point) =>
          new Paragraph({
            numbering: { reference: LIST.ordered, level: 0, instance: 1 },
            children: lines(point),
          }),
      ),
    );
  if (paper.explanation.length) {
    body.push(heading(paper.explanationLabel));
    paper.explanation.forEach((section, index) => {
      if (section.heading)
        body.push(
          new Paragraph({
            heading: HeadingLevel.HEADING_3,
            children: [new TextRun(`${index + 1}. ${section.heading}`)],
          }),
        );
      body.push(...paragraphs(section.paragraphs));
    });
  }
  body.push(heading(L.financialImpact), ...paragraphs(paper.financialImpact));
  if (paper.missionConformity.length)
    body.push(heading(L.missionConformity), ...paragraphs(paper.missionConformity));
  if (paper.annexes.length)
    body.push(
      heading(L.annexes),
      ...paper.annexes.map(
        (annex, i) => new Paragraph({ children: [new TextRun(`Anlage ${i + 1}: ${annex}`)] }),
      ),
    );
  if (paper.signatory.name || paper.signatory.title)
    body.push(
      new Paragraph({ spacing: { before: 720 } }),
      ...[paper.signatory.name, paper.signatory.title]
        .filter(Boolean)
        .map((text) => new Paragraph({ children: [new TextRun(text)] })),
    );
  const doc = new Document({
    title: `${paper.typeLabel} ${paper.number}: ${paper.subject}`.trim(),
    creator: paper.town ?? undefined,
    styles: docxStyles,
    numbering: docxNumbering,
    sections: [{ ...sectionFrame({ draft: false }), children: body }],
  });
  return Packer.toBuffer(doc);
}
