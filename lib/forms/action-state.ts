import { unstable_rethrow } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { log } from "@/lib/log";

/** What a server action hands back to its form. Messages are i18n keys, never raw text. */
export type ActionState =
  | { status: "idle" }
  | { status: "ok"; message: string }
  | { status: "error"; error: string; fields?: Record<string, string> };

export const idleState: ActionState = { status: "idle" };

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
    if (isAppError(error)) return { status: "error", error: error.code, fields: error.fields };
    log.error("action failed", { error: String(error) });
    return { status: "error", error: "internal:server" };
  }
}
