import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { jsonRoute } from "@/lib/http/json-route";
import { createInvite } from "@/lib/workshop/invites";

export const dynamic = "force-dynamic";

/** POST { role, expiresInHours } → { token, joinPath, expiresAt }; moderators of the workshop's concept. */
export const POST = jsonRoute(
  async (request, { params }: { params: Promise<{ workshopId: string }> }) => {
    const { workshopId } = await params;
    const user = await getCurrentUser();
    const input: unknown = await request.json().catch(() => ({}));
    const invite = await createInvite({ db: await getDb(), userId: user?.id, workshopId, input });
    return Response.json(
      {
        token: invite.token,
        joinPath: `/join/${invite.token}`,
        expiresAt: invite.expiresAt.toISOString(),
      },
      { status: 201 },
    );
  },
);
