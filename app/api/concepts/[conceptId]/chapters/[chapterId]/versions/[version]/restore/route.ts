import { chapterRoute } from "@/lib/http/chapter-route";
import { parseVersionNumber, restoreVersion } from "@/lib/chapter/versions";

export const dynamic = "force-dynamic";

/** Restores version n as the live content (editors and moderators) → { kept }. */
export const POST = chapterRoute("editor", async ({ db, chapter, userId, params }) =>
  Response.json(
    await restoreVersion({ db, chapter, userId, version: parseVersionNumber(params.version) }),
  ),
);
