/**
 * The council paper as PDF, with the same content and order as its DOCX, built from the same
 * blocks as the concept's PDF (pdf-kit, the bundled fonts only).
 */
import type { Content } from "pdfmake/interfaces";
import type { CouncilPaperExport } from "./council-paper-model";
import { councilPaperLabels as L, exportLabels } from "./labels";
import { pdfFrame, pdfTable } from "./pdf-kit";
import { renderPdf } from "./pdf-printer";

const heading = (text: string): Content => ({ text, style: "heading2" });
const paragraphs = (texts: string[]): Content[] =>
  texts.map((text) => ({ text, style: "paragraph" }));

function councilPaperPdfDefinition(paper: CouncilPaperExport) {
  const content: Content[] = [
    ...(paper.town
      ? [{ text: paper.town, bold: true, fontSize: 14, margin: [0, 0, 0, 6] } as Content]
      : []),
    {
      text: [paper.typeLabel, ...(paper.number ? [`  ${L.number}: ${paper.number}`] : [])],
      style: "heading1",
    },
  ];
  if (paper.facts.length)
    content.push(
      pdfTable({
        widths: [110, "*"],
        header: null,
        rows: paper.facts.map((fact) => [
          { text: fact.label, style: "tableHeader" },
          { text: fact.value, fontSize: 9.5 },
        ]),
      }),
    );
  content.push(
    heading(L.consultations),
    pdfTable({
      widths: ["*", 95, 80, 95],
      header: L.consultationColumns.map((text) => ({ text, style: "tableHeader" })),
      rows: paper.consultations.map((row) => row.map((text) => ({ text, fontSize: 9.5 }))),
    }),
    heading(L.subject),
    { text: paper.subject, bold: true, style: "paragraph" },
  );
  if (paper.resolution.length)
    content.push(heading(L.resolution), {
      ol: paper.resolution.map((point) => ({ text: point, style: "paragraph" })),
    });
  if (paper.explanation.length) {
    content.push(heading(paper.explanationLabel));
    paper.explanation.forEach((section, index) => {
      if (section.heading)
        content.push({ text: `${index + 1}. ${section.heading}`, style: "heading3" });
      content.push(...paragraphs(section.paragraphs));
    });
  }
  content.push(heading(L.financialImpact), ...paragraphs(paper.financialImpact));
  if (paper.missionConformity.length)
    content.push(heading(L.missionConformity), ...paragraphs(paper.missionConformity));
  if (paper.annexes.length)
    content.push(
      heading(L.annexes),
      ...paragraphs(paper.annexes.map((annex, i) => `Anlage ${i + 1}: ${annex}`)),
    );
  const signature = [paper.signatory.name, paper.signatory.title].filter(Boolean);
  if (signature.length)
    content.push({ stack: signature, margin: [0, 36, 0, 0], unbreakable: true });
  return {
    info: {
      title: `${paper.typeLabel} ${paper.number}: ${paper.subject}`.trim(),
      ...(paper.town ? { author: paper.town } : {}),
    },
    language: "de-DE",
    ...pdfFrame({ draft: false, page: exportLabels.page, of: exportLabels.of }),
    content,
  };
}

/** The paper as PDF bytes. */
export function renderCouncilPaperPdf(paper: CouncilPaperExport): Promise<Buffer> {
  return renderPdf(councilPaperPdfDefinition(paper));
}
