import { GUEST_COOKIE } from "@/lib/auth/principal";
import { getDb } from "@/lib/db/client";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { refusedJoinBurst, setLinkSessionCookie } from "@/lib/http/link-join";
import { GUEST_SESSION_TTL_SECONDS, joinWorkshop } from "@/lib/workshop/invites";

export const dynamic = "force-dynamic";

/** POST { displayName, organisationKind? }: joins the invite's workshop as a guest (sets the guest cookie). */
export const POST = jsonRoute(
  async (request, { params }: { params: Promise<{ token: string }> }) => {
    const refused = await refusedJoinBurst(request);
    if (refused) return refused;
    const { token } = await params;
    const input = await readJson({ request });
    const joined = await joinWorkshop({ db: await getDb(), token, input });
    await setLinkSessionCookie(GUEST_COOKIE, joined.sessionToken, GUEST_SESSION_TTL_SECONDS);
    return Response.json(
      { guestId: joined.guestId, workshopId: joined.workshopId },
      { status: 201 },
    );
  },
);
