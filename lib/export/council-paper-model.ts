/**
 * What the council paper's DOCX and PDF writers print, resolved from the stored paper: German
 * labels, dates as 12.03.2027, the committee sequence as table rows. Plain JSON, so it crosses
 * into the render worker as it is.
 */
import type { CouncilPaper } from "@/lib/council-paper/schema";
import { councilPaperLabels as L } from "./labels";

export interface CouncilPaperExport {
  town: string | null;
  /** "Beschlussvorlage" */
  typeLabel: string;
  number: string;
  subject: string;
  /** Label and value pairs of the head (department, file reference, date, public or not). */
  facts: Array<{ label: string; value: string }>;
  /** Gremium | Sitzungstermin | Zuständigkeit | Abstimmungsergebnis */
  consultations: Array<[string, string, string, string]>;
  /** "Beschlussvorschlag"'s numbered points. */
  resolution: string[];
  /** "Begründung" or, for a Mitteilungsvorlage, "Inhalt der Mitteilung". */
  explanationLabel: string;
  explanation: Array<{ heading: string; paragraphs: string[] }>;
  financialImpact: string[];
  missionConformity: string[];
  annexes: string[];
  signatory: { name: string; title: string };
  /** yyyy-mm-dd of the paper, for file names. */
  date: string;
}

/** yyyy-mm-dd → dd.mm.yyyy; anything else as it is. */
export function germanDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : iso;
}

/** Paragraphs of a plain text: split at blank lines, single line breaks kept inside. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

export function buildCouncilPaperExport({
  paper,
  town,
}: {
  paper: CouncilPaper;
  town: string | null;
}): CouncilPaperExport {
  const facts = [
    { label: L.leadDepartment, value: paper.leadDepartment },
    { label: L.involvedDepartments, value: paper.involvedDepartments.join(", ") },
    { label: L.fileReference, value: paper.fileReference },
    { label: L.date, value: germanDate(paper.date) },
    { label: L.publicity, value: paper.public ? L.public : L.notPublic },
  ].filter((fact) => fact.value);
  return {
    town,
    typeLabel: L.paperType[paper.type],
    number: paper.number,
    subject: paper.subject,
    facts,
    consultations: paper.consultations.map((c) => [
      c.committee,
      [germanDate(c.meetingDate), c.agendaItem ? `${L.agendaItem} ${c.agendaItem}` : ""]
        .filter(Boolean)
        .join(", "),
      L.role[c.role],
      c.result,
    ]),
    resolution: paper.resolution,
    explanationLabel: paper.type === "information" ? L.information : L.explanation,
    explanation: paper.explanation
      .map((section) => ({ heading: section.heading, paragraphs: paragraphsOf(section.text) }))
      .filter((section) => section.heading || section.paragraphs.length),
    financialImpact: paragraphsOf(paper.financialImpact),
    missionConformity: paragraphsOf(paper.missionConformity),
    annexes: paper.annexes,
    signatory: paper.signatory,
    date: paper.date,
  };
}
