import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { jsonRoute } from "@/lib/http/json-route";
import { revokeInvite } from "@/lib/workshop/invites";

export const dynamic = "force-dynamic";

/** Revokes an invite link (moderators). */
export const DELETE = jsonRoute(
  async (_request, { params }: { params: Promise<{ workshopId: string; inviteId: string }> }) => {
    const { workshopId, inviteId } = await params;
    const user = await getCurrentUser();
    await revokeInvite({ db: await getDb(), userId: user?.id, workshopId, inviteId });
    return new Response(null, { status: 204 });
  },
);
