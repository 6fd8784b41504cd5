/**
 * What the render worker runs: a binary format written from the export model. Only this file's
 * imports (docx, pdfmake and the writers) load in the worker; the server's main thread never
 * imports it.
 */
import { renderDocx } from "./docx";
import type { ExportModel } from "./model";
import { renderConceptPdf } from "./pdf";

export type BinaryFormat = "docx" | "pdf";

export async function renderBinary(model: ExportModel, format: BinaryFormat): Promise<Uint8Array> {
  const bytes = format === "docx" ? await renderDocx(model) : await renderConceptPdf(model);
  // A copy of its own, so its buffer can be transferred (Node buffers may share a pool).
  return new Uint8Array(bytes);
}
