import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { jsonRoute } from "@/lib/http/json-route";
import { removeGuest } from "@/lib/workshop/guests";

export const dynamic = "force-dynamic";

/** Removes a guest from the workshop (moderators): their cookie stops working, sockets close. */
export const DELETE = jsonRoute(
  async (_request, { params }: { params: Promise<{ workshopId: string; guestId: string }> }) => {
    const { workshopId, guestId } = await params;
    const user = await getCurrentUser();
    await removeGuest({ db: await getDb(), userId: user?.id, workshopId, guestId });
    return new Response(null, { status: 204 });
  },
);
