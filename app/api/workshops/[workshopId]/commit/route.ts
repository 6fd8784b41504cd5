import { getCurrentUser } from "@/lib/auth/session";
import { commitBoardCards } from "@/lib/commit/commit-board";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { jsonRoute, readJson } from "@/lib/http/json-route";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ workshopId: string }> };

/**
 * POST { cardIds, message, baseRevision, dryRun? } → { revision, dryRun, diff, skipped }:
 * commits goal and measure cards of the board into the concept (moderators). 409
 * conflict:revision with `currentRevision` if someone committed since `baseRevision`.
 */
export const POST = jsonRoute(async (request, { params }: Params) => {
  const { workshopId } = await params;
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthorized:session");
  const input = await readJson({ request });
  const result = await commitBoardCards({ db: await getDb(), userId: user.id, workshopId, input });
  return Response.json(result, { status: result.dryRun ? 200 : 201 });
});
