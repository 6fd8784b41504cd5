import { requireChapter, type Chapter } from "@/lib/chapter/chapter-access";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb, type Db } from "@/lib/db/client";
import type { ConceptRole } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { jsonRoute } from "./json-route";

type Params = {
  params: Promise<{ conceptId: string; chapterId: string } & Record<string, string>>;
};

/**
 * A JSON route under /api/concepts/<conceptId>/chapters/<chapterId>: resolves the user, their
 * role in the concept and the chapter (401/403/404 otherwise) before the handler runs.
 */
export function chapterRoute(
  atLeast: ConceptRole,
  handler: (context: {
    request: Request;
    db: Db;
    conceptId: string;
    chapter: Chapter;
    userId: string;
    role: ConceptRole;
    params: Record<string, string>;
  }) => Promise<Response>,
) {
  return jsonRoute(async (request: Request, { params }: Params) => {
    const all = await params;
    const user = await getCurrentUser();
    if (!user) throw new AppError("unauthorized:session");
    const db = await getDb();
    const { chapter, role } = await requireChapter({
      db,
      userId: user.id,
      conceptId: all.conceptId,
      chapterId: all.chapterId,
      atLeast,
    });
    return handler({
      request,
      db,
      conceptId: all.conceptId,
      chapter,
      userId: user.id,
      role,
      params: all,
    });
  });
}
