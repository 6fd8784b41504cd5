import { getCurrentUser } from "@/lib/auth/session";
import { setChapterStatus } from "@/lib/concept/chapters";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { jsonRoute, readJson } from "@/lib/http/json-route";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ conceptId: string; chapterId: string }> };

/**
 * PATCH { status: "draft" | "in_review" | "final" } → { id, status } (moderators; the command
 * checks the role). A final chapter is read-only for everyone, also for connections already open.
 */
export const PATCH = jsonRoute(async (request, { params }: Params) => {
  const { conceptId, chapterId } = await params;
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthorized:session");
  const body = await readJson({ request });
  const input = { ...(typeof body === "object" ? body : {}), chapterId };
  const chapter = await setChapterStatus({ db: await getDb(), userId: user.id, conceptId, input });
  return Response.json(chapter);
});
