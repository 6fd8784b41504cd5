import { setChapterStatus } from "@/lib/concept/chapters";
import { conceptRoute } from "@/lib/http/concept-route";

export const dynamic = "force-dynamic";

/**
 * PATCH { status: "draft" | "in_review" | "final" } → { id, status } (moderators). A final
 * chapter is read-only for everyone, also for connections already open.
 */
export const PATCH = conceptRoute(
  "moderator",
  async ({ request, db, conceptId, userId, params }) => {
    const body: unknown = await request.json().catch(() => ({}));
    const input = { ...(typeof body === "object" ? body : {}), chapterId: params.chapterId };
    return Response.json(await setChapterStatus({ db, userId, conceptId, input }));
  },
);
