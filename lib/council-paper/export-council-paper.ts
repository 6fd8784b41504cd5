import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { buildCouncilPaperExport } from "@/lib/export/council-paper-model";
import { CONTENT_TYPES as EXPORT_CONTENT_TYPES } from "@/lib/export/export-concept";
import { downloadBaseName } from "@/lib/export/file-name";
import { councilPaperLabels } from "@/lib/export/labels";
import { renderInWorker } from "@/lib/export/render-export";
import { parseInput } from "@/lib/forms/parse-input";
import { conceptHeading, loadCouncilPaper } from "./council-paper";
import { councilPaperOParl } from "./oparl";
import type { CouncilPaper } from "./schema";

export const councilPaperFormats = ["docx", "pdf", "oparl"] as const;
export type CouncilPaperFormat = (typeof councilPaperFormats)[number];

const CONTENT_TYPES: Record<CouncilPaperFormat, string> = {
  docx: EXPORT_CONTENT_TYPES.docx,
  pdf: EXPORT_CONTENT_TYPES.pdf,
  oparl: "application/json; charset=utf-8",
};

const querySchema = z.object({ format: z.enum(councilPaperFormats) });

/** `?format=docx|pdf|oparl`, else a 400 naming `format`. */
export function parseCouncilPaperQuery(params: URLSearchParams): CouncilPaperFormat {
  return parseInput(querySchema, { format: params.get("format") ?? undefined }).format;
}

/** "Beschlussvorlage-2026-0412-Handlungskonzept-Migration-und-Teilhabe-…-2027-02-10.docx" */
export function councilPaperFileName(paper: CouncilPaper, extension: string): string {
  const subject = paper.subject.length > 80 ? paper.subject.slice(0, 80) : paper.subject;
  return `${downloadBaseName([
    councilPaperLabels.paperType[paper.type],
    paper.number,
    subject,
    paper.date,
  ])}.${extension}`;
}

/**
 * The concept's council paper (stored, else pre-filled) as DOCX or PDF, rendered in the export
 * worker, or as OParl 1.1 JSON whose ids are absolute URLs under `base`. Any member may export
 * it; access is the caller's to check.
 */
export async function exportCouncilPaper({
  db,
  conceptId,
  format,
  base,
  now = new Date(),
}: {
  db: Db;
  conceptId: string;
  format: CouncilPaperFormat;
  /** The app's public origin, e.g. https://konzept.deichhausen.de */
  base: string;
  now?: Date;
}): Promise<{ body: Uint8Array<ArrayBuffer> | string; fileName: string; contentType: string }> {
  const [{ title, town }, state] = await Promise.all([
    conceptHeading({ db, conceptId }),
    loadCouncilPaper({ db, conceptId, now }),
  ]);
  const { paper } = state;
  if (format === "oparl") {
    const oparl = councilPaperOParl({
      paper,
      conceptId,
      base,
      files: {
        paperPdf: councilPaperFileName(paper, "pdf"),
        conceptPdf: `${downloadBaseName([title])}.pdf`,
      },
      created: state.createdAt ?? now.toISOString(),
      modified: state.updatedAt ?? now.toISOString(),
    });
    return {
      body: JSON.stringify(oparl, null, 2),
      fileName: councilPaperFileName(paper, "oparl.json"),
      contentType: CONTENT_TYPES.oparl,
    };
  }
  const model = buildCouncilPaperExport({ paper, town });
  return {
    body: await renderInWorker({ job: { document: "council_paper", model }, format }),
    fileName: councilPaperFileName(paper, format),
    contentType: CONTENT_TYPES[format],
  };
}
