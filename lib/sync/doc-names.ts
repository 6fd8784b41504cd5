/**
 * Names of real-time documents, shared by client and server. A name says what the document is
 * and therefore who may open it:
 * - `board:<workshopId>`: the shared board
 * - `board-control:<workshopId>`: the facilitator's state; only moderators write it
 * - `board-private:<workshopId>:<owner>`: one person's private scope on a board (cards written
 *   in private mode, anonymous drafts, dot votes); only that person opens it. The owner is
 *   `user.<userId>` or `guest.<guestId>`.
 * - `chapter:<chapterId>`
 * Nothing else parses these strings.
 */
export const docKinds = ["board", "board-control", "board-private", "chapter"] as const;
export type DocKind = (typeof docKinds)[number];

export type DocName =
  | { kind: Exclude<DocKind, "board-private">; id: string }
  | { kind: "board-private"; id: string; owner: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OWNER = /^(user|guest)\.([0-9a-f-]{36})$/i;

/** The owner key of a private scope for a signed-in user or a guest. */
export function scopeOwner(
  principal: { kind: "user"; userId: string } | { kind: "guest"; guestId: string },
): string {
  return principal.kind === "user" ? `user.${principal.userId}` : `guest.${principal.guestId}`;
}

export function formatDocName(name: DocName): string {
  return name.kind === "board-private"
    ? `${name.kind}:${name.id}:${name.owner}`
    : `${name.kind}:${name.id}`;
}

/** The parsed name, or null for anything that is not a well-formed document name. */
export function parseDocName(name: string): DocName | null {
  const [kind, rawId, rawOwner, ...rest] = name.split(":");
  if (!kind || !rawId || rest.length || !(docKinds as readonly string[]).includes(kind))
    return null;
  const id = rawId.toLowerCase();
  if (!UUID.test(id)) return null;
  if (kind === "board-private") {
    const owner = OWNER.exec(rawOwner ?? "");
    if (!owner || !UUID.test(owner[2]!)) return null;
    return { kind, id, owner: `${owner[1]!.toLowerCase()}.${owner[2]!.toLowerCase()}` };
  }
  if (rawOwner !== undefined) return null;
  return { kind: kind as Exclude<DocKind, "board-private">, id };
}

/**
 * The one spelling of a document name (lower-case ids), or null if it is none. Every name a
 * client gives is canonicalised before it is loaded, stored, fanned out or counted, so
 * `GUEST.<ID>` and `guest.<id>` are the same document.
 */
export function canonicalDocName(name: string): string | null {
  const parsed = parseDocName(name);
  return parsed ? formatDocName(parsed) : null;
}

/** The prefix every private scope of a workshop's board starts with. */
export function privateScopePrefix(workshopId: string): string {
  return `board-private:${workshopId}:`;
}

/** The WebSocket path of a document; y-websocket clients use SYNC_PATH as their server URL. */
export const SYNC_PATH = "/sync";
