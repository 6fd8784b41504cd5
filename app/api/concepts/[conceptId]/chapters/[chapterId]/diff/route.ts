import { chapterRoute } from "@/lib/http/chapter-route";
import { diffVersions, parseVersionNumber } from "@/lib/chapter/versions";

export const dynamic = "force-dynamic";

const side = (value: string | null, name: string) =>
  value === "current" ? "current" : parseVersionNumber(value, name);

/** GET ?from=<n>&to=<n|current> → { blocks } (editors and moderators). */
export const GET = chapterRoute("editor", async ({ request, db, chapter }) => {
  const query = new URL(request.url).searchParams;
  const from = side(query.get("from"), "from");
  const to = side(query.get("to") ?? "current", "to");
  return Response.json(await diffVersions({ db, chapter, from, to }));
});
