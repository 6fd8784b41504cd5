import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type * as awarenessProtocol from "y-protocols/awareness";

/** How many presence entries one message may carry (a browser tab has one). */
const MAX_ENTRIES = 4;
/** Largest presence state of one client, as JSON. */
const MAX_STATE_CHARS = 4096;

export class PresenceRejected extends Error {}

interface Entry {
  clientId: number;
  clock: number;
  state: unknown;
}

function decodeEntries(update: Uint8Array): Entry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    if (count > MAX_ENTRIES) throw new PresenceRejected("too many presence entries");
    const entries: Entry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      if (json.length > MAX_STATE_CHARS) throw new PresenceRejected("presence state too large");
      entries.push({ clientId, clock, state: JSON.parse(json) });
    }
    if (decoding.hasContent(decoder)) throw new PresenceRejected("trailing bytes");
    return entries;
  } catch (error) {
    if (error instanceof PresenceRejected) throw error;
    throw new PresenceRejected("bad awareness update");
  }
}

function encodeEntries(entries: Entry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}

/**
 * Ties presence (y-protocols awareness) to who sent it. A Yjs client id belongs to the first
 * person whose connection sets a state for it while it has none; from then on only that person
 * sets or removes it, until it is removed. The name a state shows is the one the server knows.
 */
export class PresenceGuard {
  private readonly owners = new Map<number, string>();

  constructor(private readonly awareness: awarenessProtocol.Awareness) {
    awareness.on("update", ({ removed }: { removed: number[] }) => {
      for (const id of removed) this.owners.delete(id);
    });
  }

  /**
   * The update to apply for `owner` (a principal key), with names set to `name`. Throws
   * PresenceRejected if it touches a state someone else owns, or is malformed.
   */
  filter(update: Uint8Array, { owner, name }: { owner: string; name: string }): Uint8Array {
    const entries = decodeEntries(update);
    const states = this.awareness.getStates();
    for (const entry of entries) {
      const current = this.owners.get(entry.clientId);
      if (current !== undefined ? current !== owner : states.has(entry.clientId))
        throw new PresenceRejected("presence of another client");
      const user = (entry.state as { user?: unknown } | null)?.user;
      if (typeof user === "object" && user !== null) (user as { name?: string }).name = name;
    }
    for (const entry of entries) if (entry.state !== null) this.owners.set(entry.clientId, owner);
    return encodeEntries(entries);
  }
}
