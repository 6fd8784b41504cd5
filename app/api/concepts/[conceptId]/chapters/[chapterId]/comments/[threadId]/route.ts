import { setThreadStatus } from "@/lib/chapter/comments";
import { chapterRoute } from "@/lib/http/chapter-route";
import { readJson } from "@/lib/http/json-route";

export const dynamic = "force-dynamic";

/** PATCH { status: "open" | "resolved" } → the thread. */
export const PATCH = chapterRoute("editor", async ({ request, db, chapter, userId, params }) => {
  const input = await readJson({ request });
  return Response.json(
    await setThreadStatus({ db, chapter, userId, threadId: params.threadId!, input }),
  );
});
