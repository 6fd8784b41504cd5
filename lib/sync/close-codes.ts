/**
 * WebSocket close codes of the sync server, shared by client and server. y-websocket clients do
 * not reconnect after a code in 4400–4499; the others are worth a retry.
 */
export const CLOSE_CODES = {
  /** Server shutting down or restarting: reconnect. */
  serviceRestart: 1012,
  /** Frame larger than the configured maximum (RFC 6455). */
  messageTooBig: 1009,
  /** Unexpected server failure: reconnect. */
  internalError: 1011,
  /** The client read too slowly and the server's send buffer filled up: reconnect. */
  slowConsumer: 1013,
  /**
   * Writes were refused while the board was locked, so the client holds changes the server does
   * not: reconnect, and the sync handshake brings both sides together again.
   */
  resync: 4000,
  /** The socket did not ask for the document (sync step 1) in time: reconnect. */
  handshakeTimeout: 4008,
  /** Malformed frame: bad encoding, truncated, unknown message type, text frame. */
  malformed: 4400,
  /** Credentials expired or were revoked while connected. */
  unauthorized: 4401,
  /** Access to the document was withdrawn while connected. */
  forbidden: 4403,
  /** The document no longer exists. */
  notFound: 4404,
  /** The document reached its size limit; nothing more can be added. */
  documentTooLarge: 4413,
  /** Writes kept breaking the document's rules (a modified client). */
  rulesBroken: 4422,
  /** The connection sent more messages or bytes than its limits allow. */
  rateLimited: 4429,
} as const;

export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];

/** Closes whose reason the UI should show instead of reconnecting. */
export function isTerminalClose(code: number): boolean {
  return code >= 4400 && code < 4500;
}
