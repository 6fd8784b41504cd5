import "server-only";
import { unstable_rethrow } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import type { ActionState } from "./action-state";

/**
 * Runs a server action body and turns failures into form state: AppErrors become their code
 * (with field errors), anything else is logged and shown as a generic failure. Next's own
 * redirect/notFound signals pass through.
 */
export async function runAction(body: () => Promise<string | void>): Promise<ActionState> {
  try {
    const message = await body();
    return { status: "ok", message: message ?? "saved" };
  } catch (error) {
    unstable_rethrow(error);
    if (isAppError(error))
      return { status: "error", error: error.code, fields: error.fields, details: error.details };
    log.error("action failed", { error: String(error) });
    return { status: "error", error: "internal:server" };
  }
}
