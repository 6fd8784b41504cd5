import crypto from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import * as Y from "yjs";
import type { Db } from "@/lib/db/client";
import { groupBy } from "@/lib/group-by";
import { log } from "@/lib/log";
import { identityOf } from "@/lib/auth/identity";
import type { Writer } from "@/lib/board/write-rules";
import { onAccessChanged } from "@/lib/sync/access-events";
import { registerDocEditor } from "@/lib/sync/server-edits";
import { CLOSE_CODES } from "@/lib/sync/close-codes";
import { countServerClose, syncMetrics } from "@/lib/sync/metrics";
import { canonicalDocName, privateScopePrefix, scopeOwner } from "@/lib/sync/doc-names";
import { moderatesDoc, recheckAccess } from "./access-recheck";
import { authenticateUpgrade, docNameFromUrl, type UpgradeDecision } from "./authenticate";
import { lockGateFor, type DocHost } from "./board-lock";
import { BoardScopes, type ScopeHost } from "./board-scopes";
import { ChapterEdits } from "./chapter-edits";
import { Connection } from "./connection";
import { SocketCaps, type ConnectionLimits } from "./limits";
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
  /** Open sockets one person (account or guest) may have, and one sync token. */
  maxSocketsPerPerson?: number;
  maxSocketsPerToken?: number;
}

const STATUS_TEXT: Record<number, string> = {
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/** Broken rules are counted per person and document over this window. */
const STRIKE_WINDOW_MS = 10 * 60_000;

/** The origin of updates the server itself makes (publishing private cards, vote counts). */
const SERVER_ORIGIN = "server";

/**
 * The y-websocket endpoint at /sync/<document>. An upgrade goes through: authenticate
 * (authenticate.ts: credentials, canonical name, access) → socket caps (limits.ts) → who
 * writes (identity and role, for the rules) → the board lock (board-lock.ts) → a Connection
 * (connection.ts: limits, rules via doc-guard.ts, presence via presence.ts, then persist).
 * Around them: loaded documents (shared-doc.ts), group commit (persist-queue.ts), fan-out to
 * other instances (fanout.ts), access re-checks (access-recheck.ts) and the private scopes of
 * boards (board-scopes.ts).
 */
export class SyncServer implements ScopeHost, DocHost {
  private readonly wss: WebSocketServer;
  private readonly store: DocStore;
  private readonly persist: PersistQueue;
  private readonly docs = new Map<string, SharedDoc>();
  private readonly connections = new Set<Connection>();
  private readonly caps = new SocketCaps();
  private readonly strikes = new Map<string, number[]>();
  private readonly scopes: BoardScopes;
  private readonly chapterEdits: ChapterEdits;
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  private readonly keepalive: NodeJS.Timeout;
  private closing = false;

  constructor(private readonly options: SyncServerOptions) {
    this.store = new DocStore(options.db);
    this.scopes = new BoardScopes(options.db, this);
    this.chapterEdits = new ChapterEdits(options.db);
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
      this.revalidate();
      options.fanout
        .publish(`concept:${conceptId}`, "access", new Uint8Array())
        .catch((error: unknown) =>
          log.error("access change not passed on", { conceptId, error: String(error) }),
        );
    });
    registerDocEditor(
      (docName, makeUpdate) =>
        this.change([docName], (doc) => {
          const update = makeUpdate(Y.encodeStateAsUpdate(doc));
          if (update) Y.applyUpdate(doc, update);
        }),
      (docName) => this.withDoc(docName, (doc) => Y.encodeStateAsUpdate(doc)),
    );
    options.fanout.subscribe((batch) => {
      if ("gap" in batch) {
        metrics.redis.gaps++;
        for (const shared of this.docs.values())
          shared.reload().catch((error: unknown) =>
            log.error("document not reloaded after a gap", {
              doc: shared.name,
              error: String(error),
            }),
          );
        this.revalidate();
        return;
      }
      metrics.redis.received += batch.length;
      if (batch.some((m) => m.kind === "access")) this.revalidate();
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
    this.upgrade(req, socket, head, docName).catch((error: unknown) => {
      log.error("upgrade failed", { doc: docName, error: String(error) });
      reject(socket, 500, "internal:server");
    });
    return true;
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, docName: string) {
    const decision = await authenticateUpgrade({ db: this.options.db, req, docName });
    if (!decision.ok) return reject(socket, decision.status, decision.error);
    const owner = scopeOwner(decision.principal);
    const releaseCap = this.caps.open([
      { key: owner, max: this.options.maxSocketsPerPerson ?? 50 },
      ...(decision.token
        ? [{ key: `token ${decision.token}`, max: this.options.maxSocketsPerToken ?? 4 }]
        : []),
    ]);
    if (!releaseCap) return reject(socket, 429, "rate_limited:sockets");
    let accepted = false;
    try {
      const writer = await this.writerOf(decision);
      if (!writer) return reject(socket, 401, "unauthorized:session");
      if (socket.destroyed || this.closing) return;
      (req as IncomingMessage & { syncProtocol?: string }).syncProtocol = decision.protocol;
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        accepted = true;
        this.open({ ws, decision, writer, owner, releaseCap });
      });
    } finally {
      if (!accepted) socket.once("close", releaseCap);
      if (!accepted && socket.destroyed) releaseCap();
    }
  }

  /** Who writes, as the rules see them: the identity the database knows, and whether they moderate. */
  private async writerOf(decision: Extract<UpgradeDecision, { ok: true }>): Promise<Writer | null> {
    const { db } = this.options;
    const identity = await identityOf({ db, principal: decision.principal });
    if (!identity) return null;
    const moderator =
      decision.access === "write" &&
      (await moderatesDoc({ db, docName: decision.docName, principal: decision.principal }));
    return { identity, moderator };
  }

  private open({
    ws,
    decision,
    writer,
    owner,
    releaseCap,
  }: {
    ws: WebSocket;
    decision: Extract<UpgradeDecision, { ok: true }>;
    writer: Writer;
    owner: string;
    releaseCap: () => void;
  }) {
    const shared = this.acquire(decision.docName);
    const lock = lockGateFor({
      host: this,
      docName: decision.docName,
      access: decision.access,
      moderator: writer.moderator,
    });
    const connection = new Connection({
      ws,
      shared,
      access: decision.access,
      principal: decision.principal,
      writer,
      owner,
      persist: this.persist,
      limits: this.options.limits,
      gate: lock ?? undefined,
      strike: (who) => this.strike(`${who} ${shared.name}`),
    });
    this.connections.add(connection);
    lock?.watch(() => connection.resyncIfRefused());
    connection.onClosed = (c) => {
      this.connections.delete(c);
      lock?.release();
      releaseCap();
      this.scheduleUnload(c.shared);
    };
    ws.on("error", (error) => this.onSocketError(connection, ws, error));
  }

  /** Counts a broken rule; returns how many this person broke on this document lately. */
  private strike(key: string): number {
    const now = Date.now();
    const recent = (this.strikes.get(key) ?? []).filter((at) => now - at < STRIKE_WINDOW_MS);
    recent.push(now);
    this.strikes.set(key, recent);
    return recent.length;
  }

  /** Re-checks open connections' access; errors are logged, never thrown. */
  private revalidate() {
    recheckAccess({ db: this.options.db, connections: this.connections }).catch((error: unknown) =>
      log.error("access not re-checked", { error: String(error) }),
    );
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
        const writer = entries.findLast((e) => e.origin instanceof Connection)?.origin;
        if (writer instanceof Connection && writer.principal.kind === "user")
          this.chapterEdits.note(docName, writer.principal.userId);
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

  /** DocHost: a loaded document, kept loaded until released. */
  hold(docName: string): SharedDoc {
    const shared = this.acquire(docName);
    shared.hold();
    return shared;
  }

  release(shared: SharedDoc) {
    shared.unhold();
    this.scheduleUnload(shared);
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

  /** Only canonical names: a scope stored under another spelling is no second ballot. */
  async scopeNames(workshopId: string): Promise<string[]> {
    const prefix = privateScopePrefix(workshopId);
    const names = new Set(await this.store.namesWithPrefix(prefix));
    for (const name of this.docs.keys()) if (name.startsWith(prefix)) names.add(name);
    return [...names].filter((name) => canonicalDocName(name) === name);
  }

  private unload(docName: string) {
    this.docs.get(docName)?.destroy();
    this.docs.delete(docName);
    syncMetrics().docsLoaded = this.docs.size;
  }

  private tick(keepaliveMs: number) {
    for (const connection of this.connections) connection.heartbeat(keepaliveMs);
    const now = Date.now();
    for (const [key, times] of this.strikes)
      if (times.every((at) => now - at >= STRIKE_WINDOW_MS)) this.strikes.delete(key);
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
    await this.chapterEdits.flush();
    await Promise.all(
      [...this.docs.values()].map((shared) =>
        shared.hasPendingUpdates ? shared.compact() : undefined,
      ),
    );
    for (const name of [...this.docs.keys()]) this.unload(name);
    onAccessChanged(undefined);
    registerDocEditor(undefined);
    await this.options.fanout.close();
    this.wss.close();
  }
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
