import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";

/** y-websocket message types (first varuint of every frame). */
export const MESSAGE = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;
/** Sync sub-types (y-protocols/sync). */
export const SYNC = { step1: 0, step2: 1, update: 2 } as const;

export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.sync);
  encoding.writeVarUint(encoder, SYNC.step1);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncMessage(
  type: typeof SYNC.step2 | typeof SYNC.update,
  update: Uint8Array,
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.sync);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeAwarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeAwarenessStates(
  awareness: awarenessProtocol.Awareness,
  clients: number[],
): Uint8Array {
  return encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
}

/** An awareness update naming no clients: a no-op that resets the client's 30 s idle timer. */
export const KEEPALIVE_MESSAGE = encodeAwarenessMessage(new Uint8Array([0]));

/** y-protocols/auth "permission denied" with a reason; y-websocket clients log it. */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.auth);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarString(encoder, reason);
  return encoding.toUint8Array(encoder);
}
