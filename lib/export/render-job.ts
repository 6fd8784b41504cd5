/**
 * What the render worker runs: a binary format written from an export model, the concept's or
 * the council paper's. Only this file's imports (docx, pdfmake and the writers) load in the
 * worker; the server's main thread never imports it.
 */
import type { CouncilPaperExport } from "./council-paper-model";
import { renderCouncilPaperDocx } from "./council-paper-docx";
import { renderCouncilPaperPdf } from "./council-paper-pdf";
import { renderDocx } from "./docx";
import type { ExportModel } from "./model";
import { renderConceptPdf } from "./pdf";

export type BinaryFormat = "docx" | "pdf";

/** The document to write: the concept, or its council paper. */
export type RenderJob =
  | { document: "concept"; model: ExportModel }
  | { document: "council_paper"; model: CouncilPaperExport };

function render(job: RenderJob, format: BinaryFormat): Promise<Buffer> {
  if (job.document === "council_paper")
    return format === "docx" ? renderCouncilPaperDocx(job.model) : renderCouncilPaperPdf(job.model);
  return format === "docx" ? renderDocx(job.model) : renderConceptPdf(job.model);
}

export async function renderBinary(job: RenderJob, format: BinaryFormat): Promise<Uint8Array> {
  const bytes = await render(job, format);
  // A copy of its own, so its buffer can be transferred (Node buffers may share a pool).
  return new Uint8Array(bytes);
}
