import { createThread, listThreads, memberAuthor } from "@/lib/chapter/comments";
import { chapterRoute } from "@/lib/http/chapter-route";
import { readJson } from "@/lib/http/json-route";

export const dynamic = "force-dynamic";

/** The chapter's comment threads with replies, status, quote and whether they are detached. */
export const GET = chapterRoute("editor", async ({ db, chapter }) =>
  Response.json(await listThreads({ db, chapterId: chapter.id })),
);

/** POST { id, quote, body } → the new thread (the editor sets the comment mark with `id`). */
export const POST = chapterRoute("editor", async ({ request, db, chapter, userId }) => {
  const input = await readJson({ request });
  const author = await memberAuthor({ db, userId });
  return Response.json(await createThread({ db, chapter, author, input }), { status: 201 });
});
