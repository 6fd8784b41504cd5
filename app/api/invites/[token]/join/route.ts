import { cookies } from "next/headers";
import { GUEST_COOKIE } from "@/lib/auth/principal";
import { getDb } from "@/lib/db/client";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { GUEST_SESSION_TTL_SECONDS, joinWorkshop } from "@/lib/workshop/invites";

export const dynamic = "force-dynamic";

/** POST { displayName, organisationKind? }: joins the invite's workshop as a guest (sets the guest cookie). */
export const POST = jsonRoute(
  async (request, { params }: { params: Promise<{ token: string }> }) => {
    const { token } = await params;
    const input = await readJson({ request });
    const joined = await joinWorkshop({ db: await getDb(), token, input });
    (await cookies()).set(GUEST_COOKIE, joined.sessionToken, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      maxAge: GUEST_SESSION_TTL_SECONDS,
    });
    return Response.json(
      { guestId: joined.guestId, workshopId: joined.workshopId },
      { status: 201 },
    );
  },
);
