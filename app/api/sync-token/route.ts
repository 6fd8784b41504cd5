import { headers } from "next/headers";
import { z } from "zod";
import { principalFromCookies } from "@/lib/auth/principal";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/forms/parse-input";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { resolveDocAccess } from "@/lib/sync/doc-access";
import { mintSyncToken, SYNC_TOKEN_TTL_SECONDS } from "@/lib/sync/sync-token";

const bodySchema = z.object({ doc: z.string().min(1).max(200) });

export const dynamic = "force-dynamic";

/**
 * POST { doc } → { token, access, expiresAt }: a short-lived token for one document, for the
 * signed-in user or workshop guest. 401 without credentials (the body is then not read), 403 without access, 404 for an
 * unknown document. Clients also call it before connecting, to learn why they may not.
 */
export const POST = jsonRoute(async (request) => {
  const principal = await principalFromCookies((await headers()).get("cookie") ?? undefined);
  if (!principal) throw new AppError("unauthorized:session");
  const { doc } = parseInput(bodySchema, await readJson({ request }));
  const access = await resolveDocAccess({ db: await getDb(), docName: doc, principal });
  const token = await mintSyncToken({ docName: doc, access, principal });
  return Response.json({
    token,
    access,
    expiresAt: new Date(Date.now() + SYNC_TOKEN_TTL_SECONDS * 1000).toISOString(),
  });
});
