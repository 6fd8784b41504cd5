import { memberAuthor, replyToThread } from "@/lib/chapter/comments";
import { chapterRoute } from "@/lib/http/chapter-route";
import { readJson } from "@/lib/http/json-route";

export const dynamic = "force-dynamic";

/** POST { body } → the thread with the new reply. */
export const POST = chapterRoute("editor", async ({ request, db, chapter, userId, params }) => {
  const input = await readJson({ request });
  const author = await memberAuthor({ db, userId });
  return Response.json(
    await replyToThread({ db, chapter, author, threadId: params.threadId!, input }),
    { status: 201 },
  );
});
