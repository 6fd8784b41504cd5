import { getControlState } from "@/lib/board/board-control";
import type { DocAccess } from "@/lib/sync/doc-access";
import { formatDocName, parseDocName } from "@/lib/sync/doc-names";
import type { SharedDoc } from "./shared-doc";

/** What the lock needs from the server: loaded documents, kept loaded while in use. */
export interface DocHost {
  hold(docName: string): SharedDoc;
  release(shared: SharedDoc): void;
}

/** A writer's view of the lock: whether it blocks now, and when that is known. */
export interface LockGate {
  blocked: () => boolean;
  ready: Promise<unknown>;
  /** Calls `onChange` whenever the control document changes (the lock may have been lifted). */
  watch(onChange: () => void): void;
  /** Stops watching and lets the control document unload. */
  release(): void;
}

/**
 * The board lock: while a board's control document says locked, the writes of participants
 * (not moderators) to the board and to their private scope are dropped. Returns null where no
 * lock applies: readers, moderators, and documents other than boards and private scopes.
 */
export function lockGateFor({
  host,
  docName,
  access,
  moderator,
}: {
  host: DocHost;
  docName: string;
  access: DocAccess;
  moderator: boolean;
}): LockGate | null {
  const parsed = parseDocName(docName);
  if (access !== "write" || moderator || !parsed) return null;
  if (parsed.kind !== "board" && parsed.kind !== "board-private") return null;
  const control = host.hold(formatDocName({ kind: "board-control", id: parsed.id }));
  let onChange: (() => void) | null = null;
  return {
    blocked: () => getControlState(control.doc).locked,
    ready: control.ready,
    watch(callback) {
      onChange = callback;
      control.doc.on("update", callback);
    },
    release() {
      if (onChange) control.doc.off("update", onChange);
      host.release(control);
    },
  };
}
