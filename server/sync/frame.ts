import type { Duplex } from "node:stream";
import type { WebSocket } from "ws";

/**
 * An unmasked, final, binary WebSocket frame (RFC 6455 §5.2) around a payload. Fan-out builds
 * it once per message and writes the same bytes to every peer, instead of letting `ws` frame
 * and cork/uncork the message again for each of hundreds of sockets.
 */
export function binaryFrame(payload: Uint8Array): Buffer {
  const length = payload.length;
  const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = 0x82;
  if (length < 126) {
    frame[1] = length;
  } else if (length < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.set(payload, headerLength);
  return frame;
}

/**
 * Writes a pre-built frame to the socket under a `ws` WebSocket. Safe because the server runs
 * without permessage-deflate, so `ws` itself writes every frame synchronously and frames can
 * never interleave. Falls back to `ws.send` if the socket is not reachable.
 */
export function writeFrame(ws: WebSocket, frame: Buffer, payload: Uint8Array): void {
  const socket = (ws as unknown as { _socket?: Duplex })._socket;
  if (socket && !socket.destroyed) socket.write(frame);
  else ws.send(payload);
}
