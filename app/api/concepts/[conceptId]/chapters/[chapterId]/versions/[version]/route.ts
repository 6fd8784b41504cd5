import { chapterRoute } from "@/lib/http/chapter-route";
import { getVersion, parseVersionNumber } from "@/lib/chapter/versions";

export const dynamic = "force-dynamic";

/** One version: { version, kind, revision, html, text, json, createdAt, frozenBy }. */
export const GET = chapterRoute("viewer", async ({ db, chapter, role, params }) =>
  Response.json(
    await getVersion({ db, chapter, role, version: parseVersionNumber(params.version) }),
  ),
);
