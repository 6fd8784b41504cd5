import crypto from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import * as Y from "yjs";
import type { Db } from "@/lib/db/client";
import { groupBy } from "@/lib/group-by";
import { log } from "@/lib/log";
import { AppError, isAppError } from "@/lib/errors";
import { onAccessChanged } from "@/lib/sync/access-events";
import { CLOSE_CODES, type CloseCode } from "@/lib/sync/close-codes";
import { countServerClose, syncMetrics } from "@/lib/sync/metrics";
import { getControlState } from "@/lib/board/board-control";
import { resolveDocAccess, type DocAccess } from "@/lib/sync/doc-access";
import { formatDocName, parseDocName, privateScopePrefix } from "@/lib/sync/doc-names";
import { authenticateUpgrade, docNameFromUrl, type UpgradeDecision } from "./authenticate";
import { BoardScopes, type ScopeHost } from "./board-scopes";
import { Connection, type ConnectionLimits } from "./connection";
import { DocStore } from "@/lib/sync/doc-store";
import type { Fanout } from "./fanout";
import { PersistQueue, type DurableUpdate } from "./persist-queue";
import { SharedDoc } from "./shared-doc";

export interface SyncServerOptions {
  db: Db;
  fanout: Fanout;
  maxFrameBytes: number;
  limits: ConnectionLimits;
  /** Idle clients hear from the server this often, well inside y-websocket's 30 s timeout. */
  keepaliveMs?: number;
  /** A document with no connections stays loaded this long. */
  unloadAfterMs?: number;
}

const STATUS_TEXT: Record<number, string> = {
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  500: "Internal Server Error",
};

/** The origin of updates the server itself makes (publishing private cards, vote counts). */
const SERVER_ORIGIN = "server";

/**
 * The y-websocket endpoint at /sync/<document>: authenticates upgrades, keeps loaded documents,
 * persists before forwarding, and passes messages to other instances through the fan-out.
 * For boards it also enforces the lock and runs the private scopes (board-scopes.ts).
 */
export class SyncServer implements ScopeHost {
  private readonly wss: WebSocketServer;
  private readonly store: DocStore;
  private readonly persist: PersistQueue;
  private readonly docs = new Map<string, SharedDoc>();
  private readonly connections = new Set<Connection>();
  /** The control document a connection's writes depend on (board lock), held while it is open. */
  private readonly lockSources = new Map<
    Connection,
    { shared: SharedDoc; onControlChange: () => void }
  >();
  private readonly scopes: BoardScopes;
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  private readonly keepalive: NodeJS.Timeout;
  private closing = false;

  constructor(private readonly options: SyncServerOptions) {
    this.store = new DocStore(options.db);
    this.scopes = new BoardScopes(options.db, this);
    this.persist = new PersistQueue(this.store, (batch) => this.forwardDurable(batch));
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: options.maxFrameBytes,
      perMessageDeflate: false,
      // Echo the subprotocol that carried the sync token, if any.
      handleProtocols: (_protocols, req) =>
        (req as IncomingMessage & { syncProtocol?: string }).syncProtocol ?? false,
    });
    const metrics = syncMetrics();
    metrics.instanceId = options.fanout.instanceId;
    onAccessChanged((conceptId) => {
      void this.revalidate();
      options.fanout
        .publish(`concept:${conceptId}`, "access", new Uint8Array())
        .catch((error: unknown) =>
          log.error("access change not passed on", { conceptId, error: String(error) }),
        );
    });
    options.fanout.subscribe((batch) => {
      if ("gap" in batch) {
        metrics.redis.gaps++;
        for (const shared of this.docs.values()) void shared.reload();
        void this.revalidate();
        return;
      }
      metrics.redis.received += batch.length;
      if (batch.some((m) => m.kind === "access")) void this.revalidate();
      for (const [docName, messages] of groupBy(batch, (m) => m.docName)) {
        const shared = this.docs.get(docName);
        if (!shared) continue; // not loaded here: it will be read from the database when it is
        try {
          const updates = messages.filter((m) => m.kind === "update").map((m) => m.payload);
          if (updates.length)
            shared.applyDurableUpdate(mergeAll(updates), "remote", updates.length);
          for (const m of messages)
            if (m.kind === "awareness") shared.applyRemoteAwareness(m.payload);
        } catch (error) {
          log.error("messages from another instance not applied", {
            doc: docName,
            error: String(error),
          });
        }
      }
    });
    const keepaliveMs = options.keepaliveMs ?? 10_000;
    this.keepalive = setInterval(() => this.tick(keepaliveMs), keepaliveMs);
    this.keepalive.unref();
  }

  /** True if the upgrade was ours (a /sync/ path); other upgrades belong to Next. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const docName = docNameFromUrl(req.url);
    if (docName === null) return false;
    socket.on("error", () => socket.destroy());
    if (this.closing) {
      reject(socket, 503, "unavailable:shutting_down");
      return true;
    }
    authenticateUpgrade({ db: this.options.db, req, docName }).then(
      async (decision) => {
        if (!decision.ok) return reject(socket, decision.status, decision.error);
        const controlName = await this.lockingControlDoc(decision);
        (req as IncomingMessage & { syncProtocol?: string }).syncProtocol = decision.protocol;
        this.wss.handleUpgrade(req, socket, head, (ws) => {
          const shared = this.acquire(decision.docName);
          const lockSource = controlName ? this.acquire(controlName) : null;
          lockSource?.hold();
          const connection = new Connection(
            ws,
            shared,
            decision.access,
            decision.principal,
            this.persist,
            this.options.limits,
            lockSource
              ? { blocked: () => getControlState(lockSource.doc).locked, ready: lockSource.ready }
              : undefined,
          );
          this.connections.add(connection);
          if (lockSource) {
            const onControlChange = () => connection.resyncIfRefused();
            lockSource.doc.on("update", onControlChange);
            this.lockSources.set(connection, { shared: lockSource, onControlChange });
          }
          connection.onClosed = (c) => this.release(c);
          ws.on("error", (error) => this.onSocketError(connection, ws, error));
        });
      },
      (error: unknown) => {
        log.error("upgrade failed", { doc: docName, error: String(error) });
        reject(socket, 500, "internal:server");
      },
    );
    return true;
  }

  /**
   * Re-checks the access of every signed-in user's open connection (after a membership or
   * chapter status change): those who lost it are closed with 4401/4403/4404, so their client
   * stops and says why; those who may now only read are told so and their writes dropped from
   * then on; those who may write again reconnect (4000). Guests' access does not depend on
   * memberships, and they never open chapters.
   */
  private async revalidate(): Promise<void> {
    const verdicts = new Map<string, Promise<DocAccess | AppError>>();
    await Promise.all(
      [...this.connections].map(async (connection) => {
        const { principal, shared } = connection;
        if (principal.kind !== "user") return;
        const key = `${principal.userId} ${shared.name}`;
        if (!verdicts.has(key))
          verdicts.set(
            key,
            resolveDocAccess({ db: this.options.db, docName: shared.name, principal }).catch(
              (error: unknown) => {
                if (isAppError(error)) return error;
                throw error;
              },
            ),
          );
        try {
          const verdict = await verdicts.get(key)!;
          if (verdict === "read") connection.restrictToRead();
          else if (verdict === "write") connection.allowWrite();
          else if (verdict instanceof AppError)
            connection.close(closeCodeOf(verdict), verdict.code);
        } catch (error) {
          log.error("access not re-checked", { doc: shared.name, error: String(error) });
        }
      }),
    );
  }

  /**
   * For a participant writing a board or their private scope: the name of the board's control
   * document, whose lock blocks their writes. Moderators are never locked out.
   */
  private async lockingControlDoc(
    decision: Extract<UpgradeDecision, { ok: true }>,
  ): Promise<string | null> {
    const parsed = parseDocName(decision.docName);
    if (decision.access !== "write" || !parsed) return null;
    if (parsed.kind !== "board" && parsed.kind !== "board-private") return null;
    const controlName = formatDocName({ kind: "board-control", id: parsed.id });
    const moderates =
      (await resolveDocAccess({
        db: this.options.db,
        docName: controlName,
        principal: decision.principal,
      })) === "write";
    return moderates ? null : controlName;
  }

  /**
   * A written batch: per document, the updates are merged, passed to other instances and
   * applied once, so each peer gets one message per batch instead of one per update.
   */
  private forwardDurable(batch: DurableUpdate[]) {
    for (const [docName, entries] of groupBy(batch, (e) => e.docName)) {
      const updates = entries.map((e) => e.update);
      const shared = this.docs.get(docName);
      try {
        const merged = mergeAll(updates);
        this.options.fanout.publish(docName, "update", merged).catch((error: unknown) =>
          log.error("update not passed to other instances", {
            doc: docName,
            error: String(error),
          }),
        );
        const origins = new Set(entries.map((e) => e.origin));
        const only = entries[0]!.origin;
        shared?.applyDurableUpdate(
          merged,
          origins.size === 1 && only instanceof Connection ? only : null,
          updates.length,
        );
        if (entries.some((e) => e.origin instanceof Connection))
          void this.scopes.afterClientChange(docName);
      } catch (error) {
        log.error("durable update not applied", { doc: docName, error: String(error) });
      }
    }
  }

  private onSocketError(connection: Connection, ws: WebSocket, error: Error & { code?: string }) {
    if (error.code === "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH") {
      countServerClose(CLOSE_CODES.messageTooBig);
      log.info("frame too large", { doc: connection.shared.name });
    } else if (ws.readyState === ws.OPEN) {
      connection.close(CLOSE_CODES.malformed, "protocol error");
    }
  }

  private acquire(docName: string): SharedDoc {
    const timer = this.unloadTimers.get(docName);
    if (timer) {
      clearTimeout(timer);
      this.unloadTimers.delete(docName);
    }
    let shared = this.docs.get(docName);
    if (!shared) {
      shared = new SharedDoc(docName, this.store, this.options.fanout);
      this.docs.set(docName, shared);
      syncMetrics().docsLoaded = this.docs.size;
      shared.ready.catch((error: unknown) => {
        log.error("document could not be loaded", { doc: docName, error: String(error) });
        for (const c of this.connections)
          if (c.shared === shared) c.close(CLOSE_CODES.internalError, "load failed");
        this.unload(docName);
      });
    }
    return shared;
  }

  private release(connection: Connection) {
    this.connections.delete(connection);
    const lockSource = this.lockSources.get(connection);
    if (lockSource) {
      this.lockSources.delete(connection);
      lockSource.shared.doc.off("update", lockSource.onControlChange);
      lockSource.shared.unhold();
      this.scheduleUnload(lockSource.shared);
    }
    this.scheduleUnload(connection.shared);
  }

  /** Unloads a document some time after nothing uses it any more. */
  private scheduleUnload(shared: SharedDoc) {
    if (shared.inUse || this.closing || this.unloadTimers.has(shared.name)) return;
    this.unloadTimers.set(
      shared.name,
      setTimeout(() => {
        this.unloadTimers.delete(shared.name);
        if (!shared.inUse) void this.unloadAfterCompaction(shared);
      }, this.options.unloadAfterMs ?? 30_000).unref(),
    );
  }

  private async unloadAfterCompaction(shared: SharedDoc) {
    if (shared.hasPendingUpdates) await shared.compact();
    if (!shared.inUse && this.docs.get(shared.name) === shared) this.unload(shared.name);
  }

  /* ── ScopeHost: the server's own reads and changes ──────────────────────────────────── */

  async withDoc<T>(docName: string, read: (doc: Y.Doc) => T | Promise<T>): Promise<T> {
    const shared = this.acquire(docName);
    shared.hold();
    try {
      await shared.ready;
      return await read(shared.doc);
    } finally {
      shared.unhold();
      this.scheduleUnload(shared);
    }
  }

  async change(docNames: string[], change: (...docs: Y.Doc[]) => void): Promise<void> {
    const held = docNames.map((name) => this.acquire(name));
    for (const shared of held) shared.hold();
    try {
      await Promise.all(held.map((shared) => shared.ready));
      // Working copies: the loaded documents only ever hold durable state. Each copy has a
      // fresh Yjs client id, so nothing the server writes can be traced to a person.
      const copies = held.map((shared) => {
        const copy = new Y.Doc();
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(shared.doc));
        return copy;
      });
      const updates = copies.map((copy) => {
        const collected: Uint8Array[] = [];
        copy.on("update", (update: Uint8Array) => collected.push(update));
        return collected;
      });
      change(...copies);
      for (const [index, shared] of held.entries()) {
        const made = updates[index]!;
        if (made.length) await this.persist.append(shared.name, mergeAll(made), SERVER_ORIGIN);
      }
      for (const copy of copies) copy.destroy();
    } finally {
      for (const shared of held) {
        shared.unhold();
        this.scheduleUnload(shared);
      }
    }
  }

  async scopeNames(workshopId: string): Promise<string[]> {
    const prefix = privateScopePrefix(workshopId);
    const names = new Set(await this.store.namesWithPrefix(prefix));
    for (const name of this.docs.keys()) if (name.startsWith(prefix)) names.add(name);
    return [...names];
  }

  private unload(docName: string) {
    this.docs.get(docName)?.destroy();
    this.docs.delete(docName);
    syncMetrics().docsLoaded = this.docs.size;
  }

  private tick(keepaliveMs: number) {
    for (const connection of this.connections) connection.heartbeat(keepaliveMs);
  }

  /** Stops accepting, closes sockets so clients reconnect elsewhere, and makes everything durable. */
  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.keepalive);
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    for (const connection of this.connections)
      connection.close(CLOSE_CODES.serviceRestart, "server restarting");
    await this.scopes.idle();
    await this.persist.drain();
    await Promise.all(
      [...this.docs.values()].map((shared) =>
        shared.hasPendingUpdates ? shared.compact() : undefined,
      ),
    );
    for (const name of [...this.docs.keys()]) this.unload(name);
    onAccessChanged(undefined);
    await this.options.fanout.close();
    this.wss.close();
  }
}

function closeCodeOf(error: AppError): CloseCode {
  if (error.status === 401) return CLOSE_CODES.unauthorized;
  if (error.status === 404) return CLOSE_CODES.notFound;
  return CLOSE_CODES.forbidden;
}

function reject(socket: Duplex, status: number, error: string) {
  const body = JSON.stringify({ error });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? "Error"}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

export function newInstanceId(): string {
  return crypto.randomBytes(6).toString("hex");
}

function mergeAll(updates: Uint8Array[]): Uint8Array {
  return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
}
