/** What a server action hands back to its form. Messages are i18n keys, never raw text. */
export type ActionState =
  | { status: "idle" }
  | { status: "ok"; message: string }
  | {
      status: "error";
      error: string;
      fields?: Record<string, string>;
      /** Facts to recover with, e.g. `currentRevision` after conflict:revision. */
      details?: Record<string, unknown>;
    };

export const idleState: ActionState = { status: "idle" };
