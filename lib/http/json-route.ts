import { log } from "@/lib/log";
import { isAppError, toErrorResponse } from "@/lib/errors";

/**
 * Wraps a route handler so failures become JSON with the right status: AppErrors carry their
 * code (and field errors), anything else is logged and answered with an opaque 500.
 */
export function jsonRoute<C>(handler: (request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (!isAppError(error)) log.error("route failed", { url: request.url, error: String(error) });
      const { status, body } = toErrorResponse(error);
      return Response.json(body, { status });
    }
  };
}
