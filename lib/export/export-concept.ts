import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { ConceptRole } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/forms/parse-input";
import { parseRevisionNumber } from "@/lib/revision/revision-number";
import { downloadBaseName } from "./file-name";
import { loadExportModel } from "./load-export-model";
import { renderMarkdown } from "./markdown";
import type { ExportModel } from "./model";
import { renderInWorker } from "./render-export";

export const exportFormats = ["docx", "pdf", "md"] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** The media type of each export format (the council paper's DOCX and PDF use the same). */
export const CONTENT_TYPES: Record<ExportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  md: "text/markdown; charset=utf-8",
};

const exportQuerySchema = z.object({
  format: z.enum(exportFormats),
  draft: z.enum(["0", "1"]).optional(),
});

export interface ExportRequest {
  format: ExportFormat;
  draft: boolean;
  revision: number | null;
}

/** `?format=docx|pdf|md[&draft=1][&revision=n]`, else a 400 naming the parameter. */
export function parseExportQuery(params: URLSearchParams): ExportRequest {
  const { format, draft } = parseInput(exportQuerySchema, {
    format: params.get("format") ?? undefined,
    draft: params.get("draft") ?? undefined,
  });
  const revision = params.get("revision");
  return {
    format,
    draft: draft === "1",
    revision: revision === null ? null : parseRevisionNumber(revision, "revision"),
  };
}

/**
 * "Handlungskonzept-Migration-und-Teilhabe-Deichhausen-Entwurf-2026-12-01.docx": title, the
 * town (unless the title names it already), Entwurf for drafts, the revision of a past state,
 * the date.
 */
export function exportFileName(model: ExportModel, request: ExportRequest): string {
  const town = model.town?.replace(/^(Stadt|Gemeinde|Landkreis|Kreis|Hansestadt)\s+/, "");
  return `${downloadBaseName([
    model.title,
    town && !model.title.includes(town) ? town : "",
    model.draft ? "Entwurf" : "",
    request.revision === null ? "" : `Revision ${request.revision}`,
    model.date,
  ])}.${request.format}`;
}

/**
 * The concept as a file: final chapter versions and the latest (or the given) store revision,
 * or with `draft` the current chapter drafts. Viewers (council) may export the final content
 * only: a draft is 403 forbidden:draft.
 */
export async function exportConcept({
  db,
  conceptId,
  role,
  request,
  now = new Date(),
}: {
  db: Db;
  conceptId: string;
  role: ConceptRole;
  request: ExportRequest;
  now?: Date;
}): Promise<{ body: Uint8Array<ArrayBuffer> | string; fileName: string; contentType: string }> {
  if (request.draft && role === "viewer") throw new AppError("forbidden:draft");
  const model = await loadExportModel({
    db,
    conceptId,
    draft: request.draft,
    revision: request.revision,
    now,
  });
  const body =
    request.format === "md"
      ? renderMarkdown(model)
      : await renderInWorker({ job: { document: "concept", model }, format: request.format });
  return {
    body,
    fileName: exportFileName(model, request),
    contentType: CONTENT_TYPES[request.format],
  };
}
