import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { createInvite, listInvites } from "@/lib/workshop/invites";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ workshopId: string }> };

/** The workshop's working invites (moderators). */
export const GET = jsonRoute(async (_request, { params }: Params) => {
  const { workshopId } = await params;
  const user = await getCurrentUser();
  return Response.json(await listInvites({ db: await getDb(), userId: user?.id, workshopId }));
});

/** POST { role, expiresInHours } → { token, joinPath, expiresAt }; moderators of the workshop's concept. */
export const POST = jsonRoute(async (request, { params }: Params) => {
  const { workshopId } = await params;
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthorized:session");
  const input = await readJson({ request });
  const invite = await createInvite({ db: await getDb(), userId: user.id, workshopId, input });
  return Response.json(
    {
      id: invite.inviteId,
      token: invite.token,
      joinPath: `/join/${invite.token}`,
      expiresAt: invite.expiresAt.toISOString(),
    },
    { status: 201 },
  );
});
