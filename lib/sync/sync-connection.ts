/**
 * The client side of a real-time document, for the browser (and Node tests): a y-websocket
 * provider that first asks the server whether it may connect, and stops for good, with a
 * reason, when the answer is 401, 403 or 404 — instead of retrying forever.
 */
import * as decoding from "lib0/decoding";
import { ObservableV2 } from "lib0/observable";
import { messageAuth, WebsocketProvider } from "y-websocket";
import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";
import { CLOSE_CODES, isTerminalClose } from "./close-codes";
import { SYNC_PATH } from "./doc-names";

export type DenialReason =
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "malformed"
  | "rate_limited"
  | "too_large"
  | "rules_broken";

export type SyncStatus =
  | { state: "connecting" }
  | { state: "connected"; synced: boolean }
  | { state: "offline" }
  | { state: "denied"; reason: DenialReason };

const STATUS_REASON: Record<number, DenialReason> = {
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
};
const CLOSE_REASON: Record<number, DenialReason> = {
  [CLOSE_CODES.unauthorized]: "unauthorized",
  [CLOSE_CODES.forbidden]: "forbidden",
  [CLOSE_CODES.notFound]: "not_found",
  [CLOSE_CODES.malformed]: "malformed",
  [CLOSE_CODES.rateLimited]: "rate_limited",
  [CLOSE_CODES.documentTooLarge]: "too_large",
  [CLOSE_CODES.rulesBroken]: "rules_broken",
};

export interface SyncConnectionOptions {
  baseUrl: string;
  docName: string;
  doc: Y.Doc;
  /** Defaults to the global fetch with credentials; tests pass one that adds a cookie. */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  WebSocketPolyfill?: typeof WebSocket;
  /**
   * What this connection may do, when the page already asked the server (it rendered for this
   * person): the socket then opens at once, without the /api/sync-token round trip. A refused
   * upgrade still asks the server why.
   */
  access?: "read" | "write";
  /** The presence to share; by default the provider makes its own when the socket is set up. */
  awareness?: Awareness;
}

/** The server's permission-denied message when writes are no longer accepted. */
export const READ_ONLY_REASON = "read-only";

export class SyncConnection extends ObservableV2<{
  status: (status: SyncStatus) => void;
  access: (access: "read" | "write") => void;
}> {
  provider: WebsocketProvider | null = null;
  access: "read" | "write" | null = null;
  status: SyncStatus = { state: "connecting" };
  private opened = false;
  private destroyed = false;

  constructor(private readonly options: SyncConnectionOptions) {
    super();
    void this.start();
  }

  private setStatus(status: SyncStatus) {
    this.status = status;
    this.emit("status", [status]);
  }

  /** Asks /api/sync-token whether this document may be opened; null means "yes". */
  private async preflight(): Promise<DenialReason | null | "offline"> {
    const fetchImpl =
      this.options.fetch ?? ((url, init) => fetch(url, { ...init, credentials: "same-origin" }));
    try {
      const response = await fetchImpl(`${this.options.baseUrl}/api/sync-token`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ doc: this.options.docName }),
      });
      if (response.ok) {
        this.setAccess(((await response.json()) as { access: "read" | "write" }).access);
        return null;
      }
      return STATUS_REASON[response.status] ?? "offline";
    } catch {
      return "offline";
    }
  }

  private async start() {
    if (this.options.access) this.setAccess(this.options.access);
    const verdict = this.options.access ? null : await this.preflight();
    if (this.destroyed) return;
    if (verdict !== null && verdict !== "offline")
      return this.setStatus({ state: "denied", reason: verdict });
    const provider = new WebsocketProvider(
      this.options.baseUrl.replace(/^http/, "ws") + SYNC_PATH,
      this.options.docName,
      this.options.doc,
      {
        WebSocketPolyfill: this.options.WebSocketPolyfill,
        disableBc: true,
        awareness: this.options.awareness,
      },
    );
    this.provider = provider;
    // The server says "read-only" when this connection may only read (a final chapter, a demoted
    // member); y-websocket only logs it, so it is taken here and told to the UI.
    provider.messageHandlers[messageAuth] = (_encoder, decoder) => {
      if (decoding.readVarUint(decoder) !== 0) return;
      if (decoding.readVarString(decoder) === READ_ONLY_REASON) this.setAccess("read");
    };
    provider.on("status", ({ status }) => {
      if (status === "connected") {
        this.opened = true;
        // Read access was learnt before this socket opened; it may have widened meanwhile (a
        // chapter reopened between the token and the upgrade): ask again.
        if (this.access === "read") void this.recheck();
        this.setStatus({ state: "connected", synced: provider.synced });
      } else if (this.status.state !== "denied") {
        this.setStatus({ state: status === "connecting" ? "connecting" : "offline" });
      }
    });
    provider.on("sync", (synced) => {
      if (this.status.state === "connected") this.setStatus({ state: "connected", synced });
    });
    provider.on("closed", ({ code }) => {
      if (isTerminalClose(code))
        this.setStatus({ state: "denied", reason: CLOSE_REASON[code] ?? "forbidden" });
    });
    provider.on("connection-close", (event) => {
      // A refused upgrade looks like any network failure from here: ask the server why.
      if (!this.opened && this.status.state !== "denied") void this.recheck();
      // The server widened access (a chapter reopened, a viewer promoted) and has the client
      // reconnect: learn what the next socket may do.
      else if (event?.code === CLOSE_CODES.resync && this.access === "read") void this.recheck();
      this.opened = false;
    });
  }

  private setAccess(access: "read" | "write") {
    if (this.access === access) return;
    this.access = access;
    this.emit("access", [access]);
  }

  /**
   * Asks the server again what this connection may do and reconnects, e.g. after a chapter was
   * reopened: the server decides access when a socket opens, so a read-only socket stays one.
   */
  async refresh() {
    const verdict = await this.preflight();
    if (this.destroyed) return;
    if (verdict !== null && verdict !== "offline") {
      this.provider?.disconnect();
      return this.setStatus({ state: "denied", reason: verdict });
    }
    if (this.access) this.emit("access", [this.access]);
    this.provider?.disconnect();
    this.provider?.connect();
  }

  private async recheck() {
    const verdict = await this.preflight();
    if (verdict !== null && verdict !== "offline" && !this.destroyed) {
      this.provider?.disconnect();
      this.setStatus({ state: "denied", reason: verdict });
    }
  }

  destroy() {
    this.destroyed = true;
    this.provider?.destroy();
    super.destroy();
  }
}
