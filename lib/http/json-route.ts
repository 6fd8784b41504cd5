import { getEnv } from "@/lib/env";
import { isAppError, toErrorResponse } from "@/lib/errors";
import { log } from "@/lib/log";
import { guardStateChangingRequest, readJsonBody } from "./request-guard";

/**
 * Wraps a route handler so failures become JSON with the right status: AppErrors carry their
 * code (and field errors), anything else is logged and answered with an opaque 500.
 *
 * State-changing requests (POST, PUT, PATCH, DELETE) are checked first, before the handler runs:
 * another site's origin is a 403 forbidden:origin, a body that is not application/json a 415, a
 * declared body above HTTP_MAX_BODY_BYTES a 413 (see request-guard.ts). Handlers read the body
 * with `readJson`, after their session check.
 */
export function jsonRoute<C>(handler: (request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      const env = getEnv();
      guardStateChangingRequest({
        request,
        publicUrl: env.PUBLIC_URL,
        maxBodyBytes: env.HTTP_MAX_BODY_BYTES,
      });
      return await handler(request, context);
    } catch (error) {
      if (!isAppError(error)) log.error("route failed", { url: request.url, error: String(error) });
      const { status, body } = toErrorResponse(error);
      // A body refused unread is not received to its end either (server/app-server.ts).
      return Response.json(body, { status });
    }
  };
}

/**
 * The request's JSON body, at most HTTP_MAX_BODY_BYTES of it (413 beyond, 400 `body: invalid`
 * for malformed JSON). Call it after the session or access check.
 */
export function readJson({ request }: { request: Request }): Promise<unknown> {
  return readJsonBody({ request, maxBytes: getEnv().HTTP_MAX_BODY_BYTES });
}
