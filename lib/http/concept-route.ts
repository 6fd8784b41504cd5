import { requireConceptRole } from "@/lib/auth/access";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb, type Db } from "@/lib/db/client";
import type { ConceptRole } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { jsonRoute } from "./json-route";

type Params = { params: Promise<{ conceptId: string } & Record<string, string>> };

/**
 * A JSON route under /api/concepts/<conceptId>: resolves the user, checks their role in the
 * concept (401/403/404 otherwise) and hands the handler what it needs.
 */
export function conceptRoute(
  atLeast: ConceptRole,
  handler: (context: {
    request: Request;
    db: Db;
    conceptId: string;
    userId: string;
    /** The user's role in the concept (at least `atLeast`). */
    role: ConceptRole;
    /** All path parameters of the route, e.g. a revision number. */
    params: Record<string, string>;
  }) => Promise<Response>,
) {
  return jsonRoute(async (request: Request, { params }: Params) => {
    const all = await params;
    const { conceptId } = all;
    const user = await getCurrentUser();
    if (!user) throw new AppError("unauthorized:session");
    const db = await getDb();
    const role = await requireConceptRole({ db, userId: user.id, conceptId, atLeast });
    return handler({ request, db, conceptId, userId: user.id, role, params: all });
  });
}
