import { chapterRoute } from "@/lib/http/chapter-route";
import { listVersions } from "@/lib/chapter/versions";

export const dynamic = "force-dynamic";

/** The chapter's versions, oldest first (viewers: final ones only). */
export const GET = chapterRoute("viewer", async ({ db, chapter, role }) =>
  Response.json(await listVersions({ db, chapter, role })),
);
