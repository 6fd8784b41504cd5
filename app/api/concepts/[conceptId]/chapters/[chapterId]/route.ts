import { setChapterStatus } from "@/lib/chapter/chapters";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { jsonRoute, readJson } from "@/lib/http/json-route";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ conceptId: string; chapterId: string }> };

/**
 * PATCH { status: "draft" | "final" } → { id, status, version? } (moderators). Final freezes a
 * version and makes the chapter read-only for everyone, also for connections already open.
 */
export const PATCH = jsonRoute(async (request, { params }: Params) => {
  const { conceptId, chapterId } = await params;
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthorized:session");
  const input = await readJson({ request });
  return Response.json(
    await setChapterStatus({ db: await getDb(), userId: user.id, conceptId, chapterId, input }),
  );
});
