import {
  exportCouncilPaper,
  parseCouncilPaperQuery,
} from "@/lib/council-paper/export-council-paper";
import { attachmentDisposition } from "@/lib/export/file-name";
import { conceptRoute } from "@/lib/http/concept-route";
import { publicBaseUrl } from "@/lib/http/review-route";

export const dynamic = "force-dynamic";

/** The council paper as DOCX, PDF or OParl 1.1 JSON: `?format=docx|pdf|oparl`. Members. */
export const GET = conceptRoute("viewer", async ({ request, db, conceptId }) => {
  const format = parseCouncilPaperQuery(new URL(request.url).searchParams);
  const file = await exportCouncilPaper({
    db,
    conceptId,
    format,
    base: publicBaseUrl(request),
  });
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": attachmentDisposition(file.fileName),
      "cache-control": "private, no-store",
    },
  });
});
