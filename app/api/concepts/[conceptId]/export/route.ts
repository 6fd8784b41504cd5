import { attachmentDisposition } from "@/lib/export/file-name";
import { exportConcept, parseExportQuery } from "@/lib/export/export-concept";
import { conceptRoute } from "@/lib/http/concept-route";

export const dynamic = "force-dynamic";

/**
 * The concept as DOCX, PDF or Markdown: `?format=docx|pdf|md[&draft=1][&revision=n]`. Members;
 * viewers get final content only (draft=1 is 403).
 */
export const GET = conceptRoute("viewer", async ({ request, db, conceptId, role }) => {
  const query = parseExportQuery(new URL(request.url).searchParams);
  const file = await exportConcept({ db, conceptId, role, request: query });
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": attachmentDisposition(file.fileName),
      "cache-control": "private, no-store",
    },
  });
});
