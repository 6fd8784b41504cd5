/**
 * Names of real-time documents, shared by client and server. A name says what the document is
 * and therefore who may open it: `board:<workshopId>` (the shared board),
 * `board-control:<workshopId>` (the facilitator's state: only moderators write it) or
 * `chapter:<chapterId>`.
 * Nothing else parses these strings.
 */
export const docKinds = ["board", "board-control", "chapter"] as const;
export type DocKind = (typeof docKinds)[number];

export interface DocName {
  kind: DocKind;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function formatDocName({ kind, id }: DocName): string {
  return `${kind}:${id}`;
}

/** The parsed name, or null for anything that is not a well-formed document name. */
export function parseDocName(name: string): DocName | null {
  const separator = name.indexOf(":");
  if (separator < 0) return null;
  const kind = name.slice(0, separator);
  const id = name.slice(separator + 1).toLowerCase();
  if (!(docKinds as readonly string[]).includes(kind) || !UUID.test(id)) return null;
  return { kind: kind as DocKind, id };
}

/** The WebSocket path of a document; y-websocket clients use SYNC_PATH as their server URL. */
export const SYNC_PATH = "/sync";
