/**
 * The council paper as an OParl 1.1 `Paper` with its `Consultation` objects embedded, for a
 * town's open-data portal or council information system. Every id is an absolute URL under the
 * app's public base. The app serves no OParl `Organization`, `Meeting` or `AgendaItem` objects,
 * so those are referenced by stable fragment URLs of the paper (one per committee, meeting and
 * agenda item), and are only present where the paper knows them.
 */
import { councilPaperLabels } from "@/lib/export/labels";
import type { CouncilPaper } from "./schema";

export const OPARL = {
  paper: "https://schema.oparl.org/1.1/Paper",
  consultation: "https://schema.oparl.org/1.1/Consultation",
  file: "https://schema.oparl.org/1.1/File",
} as const;

export interface OParlFile {
  id: string;
  type: typeof OPARL.file;
  name: string;
  fileName: string;
  mimeType: string;
  accessUrl: string;
  downloadUrl: string;
}

export interface OParlConsultation {
  id: string;
  type: typeof OPARL.consultation;
  paper: string;
  organization: string[];
  role: string;
  authoritative: boolean;
  meeting?: string;
  agendaItem?: string;
}

export interface OParlPaper {
  id: string;
  type: typeof OPARL.paper;
  name: string;
  reference?: string;
  date: string;
  paperType: string;
  mainFile: OParlFile;
  auxiliaryFile: OParlFile[];
  underDirectionOf: string[];
  consultation: OParlConsultation[];
  web: string;
  created: string;
  modified: string;
}

/** A fragment for a name: "Ausschuss für Soziales" → "ausschuss-für-soziales". */
function slug(name: string): string {
  return (
    name
      .normalize("NFC")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, "") || "x"
  );
}

/**
 * The paper as OParl 1.1 JSON. `base` is the app's public origin (PUBLIC_URL, else the Host the
 * request came to); `files` names the paper's own PDF and its annex, the concept's export.
 */
export function councilPaperOParl({
  paper,
  conceptId,
  base,
  files,
  created,
  modified,
}: {
  paper: CouncilPaper;
  conceptId: string;
  base: string;
  files: { paperPdf: string; conceptPdf: string };
  /** ISO times; for a paper not stored yet, the time of the request. */
  created: string;
  modified: string;
}): OParlPaper {
  const api = `${base}/api/concepts/${conceptId}/council-paper`;
  const id = `${api}/export?format=oparl`;
  const organization = (name: string) => `${id}#organization-${slug(name)}`;
  const file = (name: string, url: string, fileName: string): OParlFile => ({
    id: url,
    type: OPARL.file,
    name,
    fileName,
    mimeType: "application/pdf",
    accessUrl: url,
    downloadUrl: url,
  });
  const paperType = councilPaperLabels.paperType[paper.type];
  return {
    id,
    type: OPARL.paper,
    name: paper.subject,
    ...(paper.number ? { reference: paper.number } : {}),
    date: paper.date,
    paperType,
    mainFile: file(
      `${paperType} ${paper.number}`.trim(),
      `${api}/export?format=pdf`,
      files.paperPdf,
    ),
    auxiliaryFile: paper.annexes.map((annex, index) =>
      file(
        annex,
        // The first annex is the concept itself (its final export); others are named only.
        index === 0
          ? `${base}/api/concepts/${conceptId}/export?format=pdf`
          : `${id}#annex-${index + 1}`,
        index === 0 ? files.conceptPdf : `Anlage-${index + 1}.pdf`,
      ),
    ),
    underDirectionOf: paper.leadDepartment ? [organization(paper.leadDepartment)] : [],
    consultation: paper.consultations.map((c, index) => ({
      id: `${id}#consultation-${index + 1}`,
      type: OPARL.consultation,
      paper: id,
      organization: [organization(c.committee)],
      role: councilPaperLabels.role[c.role],
      authoritative: c.role === "decision",
      ...(c.meetingDate ? { meeting: `${id}#meeting-${slug(c.committee)}-${c.meetingDate}` } : {}),
      ...(c.meetingDate && c.agendaItem
        ? {
            agendaItem: `${id}#agenda-item-${slug(c.committee)}-${c.meetingDate}-${slug(c.agendaItem)}`,
          }
        : {}),
    })),
    web: `${base}/concepts/${conceptId}/council-paper`,
    created,
    modified,
  };
}
