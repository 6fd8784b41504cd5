import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { jsonRoute } from "@/lib/http/json-route";
import { revokeInvite } from "@/lib/workshop/invites";

export const dynamic = "force-dynamic";

/**
 * Revokes an invite link (moderators): 204. With `?removeGuests=true` everyone who joined
 * through it is removed too: 200 { removedGuests }.
 */
export const DELETE = jsonRoute(
  async (request, { params }: { params: Promise<{ workshopId: string; inviteId: string }> }) => {
    const { workshopId, inviteId } = await params;
    const user = await getCurrentUser();
    const removeGuests = new URL(request.url).searchParams.get("removeGuests");
    const { removedGuests } = await revokeInvite({
      db: await getDb(),
      userId: user?.id,
      workshopId,
      inviteId,
      options: removeGuests === null ? {} : { removeGuests },
    });
    return removeGuests === null
      ? new Response(null, { status: 204 })
      : Response.json({ removedGuests });
  },
);
