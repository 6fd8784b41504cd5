import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { jsonRoute } from "@/lib/http/json-route";
import { listGuests } from "@/lib/workshop/guests";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ workshopId: string }> };

/** The workshop's guests who have not been removed (moderators). */
export const GET = jsonRoute(async (_request, { params }: Params) => {
  const { workshopId } = await params;
  const user = await getCurrentUser();
  return Response.json(await listGuests({ db: await getDb(), userId: user?.id, workshopId }));
});
