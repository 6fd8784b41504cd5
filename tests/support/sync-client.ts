import * as decoding from "lib0/decoding";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { SYNC_PATH } from "@/lib/sync/doc-names";

// Every y-websocket provider in Node registers a process exit listener.
process.setMaxListeners(0);

export interface SyncClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  synced: Promise<void>;
  /** Resolves with the close code once the server ends the connection for good (4400–4499). */
  closed: Promise<{ code: number; reason: string }>;
  permissionDenied: string[];
  destroy(): void;
}

/**
 * A real y-websocket client (the browser provider) running in Node, authenticated by cookie or
 * sync token like a browser or a script would be.
 */
export function connectSyncClient({
  baseUrl,
  docName,
  cookie,
  token,
  tokenAsProtocol,
  doc = new Y.Doc(),
}: {
  baseUrl: string;
  docName: string;
  cookie?: string;
  token?: string;
  tokenAsProtocol?: boolean;
  doc?: Y.Doc;
}): SyncClient {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  class AuthenticatedWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  const wsUrl = baseUrl.replace(/^http/, "ws") + SYNC_PATH;
  const provider = new WebsocketProvider(wsUrl, docName, doc, {
    WebSocketPolyfill: AuthenticatedWebSocket as unknown as typeof globalThis.WebSocket,
    params: token && !tokenAsProtocol ? { token } : {},
    protocols: token && tokenAsProtocol ? [token] : [],
    disableBc: true,
  });
  const permissionDenied: string[] = [];
  // Record the server's permission message instead of the default console warning.
  provider.messageHandlers[2] = (_encoder, decoder) => {
    decoding.readVarUint(decoder);
    permissionDenied.push(decoding.readVarString(decoder));
  };
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    provider.on("sync", (isSynced: boolean) => isSynced && resolve());
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    provider.on("closed", (event: { code: number; reason: string }) => resolve(event)),
  );
  return {
    doc,
    provider,
    synced,
    closed,
    permissionDenied,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves when `check` holds, polling; rejects after `timeoutMs`. */
export async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
  what = "condition",
): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The HTTP status the server answers a WebSocket upgrade with (101 when it accepts). */
export function upgradeStatus(
  url: string,
  options: { headers?: Record<string, string>; protocols?: string[] } = {},
): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, options.protocols ?? [], { headers: options.headers });
    ws.on("unexpected-response", (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on("open", () => {
      resolve(101);
      ws.close();
    });
    ws.on("error", (error) => {
      if (ws.readyState !== ws.CLOSED) reject(error);
    });
  });
}

/** The sync URL of a document on a server, for raw sockets. */
export function syncUrl(baseUrl: string, docName: string, query = ""): string {
  return `${baseUrl.replace(/^http/, "ws")}${SYNC_PATH}/${docName}${query}`;
}

/** Everything a client's document holds, as text: what a modified client could read. */
export function visibleText(doc: Y.Doc): string {
  return new TextDecoder().decode(Y.encodeStateAsUpdate(doc));
}
