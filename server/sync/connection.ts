import * as decoding from "lib0/decoding";
import * as awarenessProtocol from "y-protocols/awareness";
import type { WebSocket } from "ws";
import * as Y from "yjs";
import type { Writer } from "@/lib/board/write-rules";
import { log } from "@/lib/log";
import { CLOSE_CODES, type CloseCode } from "@/lib/sync/close-codes";
import type { Principal } from "@/lib/auth/principal";
import type { DocAccess } from "@/lib/sync/doc-access";
import { countRejectedUpdate, countServerClose, syncMetrics } from "@/lib/sync/metrics";
import type { PersistQueue } from "./persist-queue";
import { TokenBucket, type ConnectionLimits } from "./limits";
import { PresenceRejected } from "./presence";
import {
  encodeAwarenessStates,
  encodePermissionDenied,
  KEEPALIVE_MESSAGE,
  encodeSyncMessage,
  encodeSyncStep1,
  MESSAGE,
  SYNC,
} from "./protocol";
import { writeFrame } from "./frame";
import type { DocPeer, SharedDoc } from "./shared-doc";

class MalformedMessage extends Error {}

export interface ConnectionOptions {
  ws: WebSocket;
  shared: SharedDoc;
  access: DocAccess;
  /** Who is connected, to re-check their access when memberships change. */
  principal: Principal;
  /** Who writes, as the document's rules see them. */
  writer: Writer;
  /** The key presence entries and rule breaks are counted by (one per person). */
  owner: string;
  persist: PersistQueue;
  limits: ConnectionLimits;
  /**
   * What may block this writer's updates (a locked board), and when that is known: nothing
   * is handled before.
   */
  gate?: { blocked: () => boolean; ready: Promise<unknown> };
  /** Counts a broken rule for the owner; returns how many they broke recently. */
  strike: (owner: string) => number;
}

/** After this many broken rules in a while, the client is not let back in to try again. */
const STRIKES_BEFORE_CLOSE = 3;

/**
 * One client socket on one document. Each message goes through the same steps, in order:
 * limits (messages, bytes, queued bytes), decoding (a malformed message closes this socket
 * only), access (read-only connections' writes are dropped and the client told once), the
 * board lock, the document's size cap, its rules (an update that breaks one is dropped whole,
 * the client told and resynced), then persistence: the update reaches others once durable.
 */
export class Connection implements DocPeer {
  readonly shared: SharedDoc;
  readonly principal: Principal;
  private readonly ws: WebSocket;
  private access: DocAccess;
  private lastSentAt = Date.now();
  private missedPongs = 0;
  private queue: Promise<void> = Promise.resolve();
  private queuedBytes = 0;
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;
  private handshakeTimer: NodeJS.Timeout | null;
  private toldReadOnly = false;
  /** Writes were dropped while blocked: the client's state has run ahead of the server's. */
  private refusedWhileBlocked = false;
  private closed = false;

  constructor(private readonly options: ConnectionOptions) {
    const { ws, shared, limits } = options;
    this.ws = ws;
    this.shared = shared;
    this.principal = options.principal;
    this.access = options.access;
    this.messages = new TokenBucket(limits.messagesPerSecond, limits.burst);
    this.bytes = new TokenBucket(limits.bytesPerSecond, limits.byteBurst);
    this.handshakeTimer = setTimeout(
      () => this.close(CLOSE_CODES.handshakeTimeout, "no sync handshake"),
      limits.handshakeTimeoutMs,
    );
    shared.addPeer(this);
    ws.on("message", (data, isBinary) => this.receive(data as Buffer, isBinary));
    ws.on("pong", () => (this.missedPongs = 0));
    ws.on("close", () => this.cleanUp());
    ws.on("error", (error) => {
      log.debug("socket error", { doc: shared.name, error: String(error) });
      this.cleanUp();
    });
    this.queue = this.queue.then(() => this.greet()).catch((error: unknown) => this.fail(error));
  }

  send(message: Uint8Array) {
    if (!this.writable()) return;
    this.ws.send(message);
    this.lastSentAt = Date.now();
    syncMetrics().messagesSent++;
  }

  /** A broadcast message, framed once by the sender for all peers. */
  sendFrame(frame: Buffer, message: Uint8Array) {
    if (!this.writable()) return;
    writeFrame(this.ws, frame, message);
    this.lastSentAt = Date.now();
    syncMetrics().messagesSent++;
  }

  /** Open and keeping up: a client whose unread data fills the send buffer is closed. */
  private writable(): boolean {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return false;
    if (this.ws.bufferedAmount <= this.options.limits.maxBufferedBytes) return true;
    this.close(CLOSE_CODES.slowConsumer, "reading too slowly");
    // The close frame waits behind the full buffer; do not wait for it.
    setTimeout(() => this.ws.terminate(), 1_000).unref();
    return false;
  }

  /**
   * Called every keepalive interval: an idle client gets a no-op message so its 30 s timeout
   * never fires, and a socket that stopped answering pings is dropped.
   */
  heartbeat(keepaliveMs: number) {
    if (this.closed) return;
    if (++this.missedPongs > 3) {
      this.ws.terminate();
      return this.cleanUp();
    }
    this.ws.ping();
    if (Date.now() - this.lastSentAt >= keepaliveMs) this.send(KEEPALIVE_MESSAGE);
  }

  close(code: CloseCode, reason: string) {
    if (this.closed) return;
    countServerClose(code);
    this.ws.close(code, reason);
    this.cleanUp();
  }

  /** The document is loaded before anything is answered: then sync step 1 and presence. */
  private async greet() {
    await Promise.all([this.shared.ready, this.options.gate?.ready]);
    this.send(encodeSyncStep1(Y.encodeStateVector(this.shared.doc)));
    const states = [...this.shared.awareness.getStates().keys()];
    if (states.length) this.send(encodeAwarenessStates(this.shared.awareness, states));
    if (this.access === "read") this.tellReadOnly();
  }

  private receive(data: Buffer, isBinary: boolean) {
    if (this.closed) return;
    if (!isBinary) return this.close(CLOSE_CODES.malformed, "binary frames only");
    if (!this.messages.take() || !this.bytes.take(data.byteLength))
      return this.close(CLOSE_CODES.rateLimited, "too many messages");
    if (this.queuedBytes + data.byteLength > this.options.limits.maxQueuedBytes)
      return this.close(CLOSE_CODES.rateLimited, "too much data waiting");
    // The client asked for the document (sync step 1): the handshake is under way.
    if (this.handshakeTimer && data[0] === MESSAGE.sync && data[1] === SYNC.step1) {
      clearTimeout(this.handshakeTimer);
      this.handshakeTimer = null;
    }
    this.queuedBytes += data.byteLength;
    const message = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    this.queue = this.queue
      .then(() => this.handle(message))
      .catch((error: unknown) => this.fail(error))
      .finally(() => (this.queuedBytes -= data.byteLength));
  }

  private async handle(message: Uint8Array) {
    if (this.closed) return;
    const decoder = decoding.createDecoder(message);
    const type = readVarUint(decoder);
    switch (type) {
      case MESSAGE.sync:
        return this.handleSync(decoder);
      case MESSAGE.awareness: {
        const update = readVarUint8Array(decoder);
        expectEnd(decoder);
        return this.handleAwareness(update);
      }
      case MESSAGE.queryAwareness:
        expectEnd(decoder);
        this.send(
          encodeAwarenessStates(this.shared.awareness, [
            ...this.shared.awareness.getStates().keys(),
          ]),
        );
        return;
      default:
        throw new MalformedMessage(`unknown message type ${type}`);
    }
  }

  /** Readers have no presence; writers set only their own, under the name the server knows. */
  private handleAwareness(update: Uint8Array) {
    if (this.access === "read") {
      syncMetrics().presenceDropped++;
      return;
    }
    let own: Uint8Array;
    try {
      own = this.shared.presence.filter(update, {
        owner: this.options.owner,
        name: this.options.writer.identity.name,
      });
    } catch (error) {
      if (!(error instanceof PresenceRejected)) throw error;
      syncMetrics().presenceDropped++;
      log.info("presence dropped", { doc: this.shared.name, reason: error.message });
      return;
    }
    try {
      awarenessProtocol.applyAwarenessUpdate(this.shared.awareness, own, this);
    } catch {
      throw new MalformedMessage("bad awareness update");
    }
  }

  private async handleSync(decoder: decoding.Decoder) {
    const syncType = readVarUint(decoder);
    const payload = readVarUint8Array(decoder);
    expectEnd(decoder);
    if (syncType === SYNC.step1) {
      let reply: Uint8Array;
      try {
        reply = Y.encodeStateAsUpdate(this.shared.doc, payload);
      } catch {
        throw new MalformedMessage("bad state vector");
      }
      this.send(encodeSyncMessage(SYNC.step2, reply));
      return;
    }
    if (syncType !== SYNC.step2 && syncType !== SYNC.update)
      throw new MalformedMessage(`unknown sync type ${syncType}`);
    const metrics = syncMetrics();
    metrics.updatesReceived++;
    if (this.access === "read") {
      metrics.updatesDropped++;
      this.tellReadOnly();
      return;
    }
    if (this.options.gate?.blocked()) {
      metrics.updatesDropped++;
      this.refusedWhileBlocked = true;
      return;
    }
    let decoded: ReturnType<typeof Y.decodeUpdate>;
    try {
      decoded = Y.decodeUpdate(payload);
    } catch {
      throw new MalformedMessage("bad update");
    }
    // A client with nothing new answers sync step 1 with an empty update: nothing to store.
    if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return;
    if (this.shared.bytes + payload.byteLength > this.options.limits.maxDocBytes) {
      countRejectedUpdate("document_too_large");
      this.send(encodePermissionDenied("document-too-large"));
      return this.close(CLOSE_CODES.documentTooLarge, "document too large");
    }
    const guard = this.shared.guard;
    const verdict = guard?.check(payload, this.options.writer) ?? { ok: true };
    if (!verdict.ok) {
      if (verdict.malformed) throw new MalformedMessage(verdict.reason);
      return this.rejectWrite(verdict.reason);
    }
    // Durable first; the sync server applies and forwards it once the batch is written.
    try {
      await this.options.persist.append(this.shared.name, payload, this);
    } finally {
      guard?.settled(payload);
    }
  }

  /**
   * A write broke the document's rules: it is dropped whole, the client is told why and
   * reconnects, so the handshake sets its copy straight; one that keeps breaking them is
   * closed for good.
   */
  private rejectWrite(reason: string) {
    countRejectedUpdate(reason);
    log.warn("write rejected", { doc: this.shared.name, owner: this.options.owner, reason });
    this.send(encodePermissionDenied(`rejected:${reason}`));
    if (this.options.strike(this.options.owner) >= STRIKES_BEFORE_CLOSE)
      this.close(CLOSE_CODES.rulesBroken, "rules broken");
    else this.close(CLOSE_CODES.resync, "write rejected");
  }

  /**
   * Called when what blocks writes may have changed: once writes are allowed again, a client
   * whose writes were refused reconnects, so its later updates do not wait forever on the
   * refused ones.
   */
  resyncIfRefused() {
    if (this.refusedWhileBlocked && !this.options.gate?.blocked())
      this.close(CLOSE_CODES.resync, "writes allowed again");
  }

  /**
   * Access was widened while connected (a chapter reopened, a viewer promoted): the client
   * reconnects, so it learns it may write and sends what it wrote meanwhile.
   */
  allowWrite() {
    if (this.access === "read") this.close(CLOSE_CODES.resync, "writes allowed again");
  }

  /** Whether the board's rules treat this writer as a moderator (fixed for the connection). */
  get moderator(): boolean {
    return this.options.writer.moderator;
  }

  /** Access was reduced while connected: from now on, writes are dropped. */
  restrictToRead() {
    if (this.access === "read") return;
    this.access = "read";
    this.tellReadOnly();
    const own = this.shared.peers.get(this);
    if (own?.size) awarenessProtocol.removeAwarenessStates(this.shared.awareness, [...own], this);
  }

  private tellReadOnly() {
    if (this.toldReadOnly) return;
    this.toldReadOnly = true;
    this.send(encodePermissionDenied("read-only"));
  }

  private fail(error: unknown) {
    if (error instanceof MalformedMessage) {
      log.info("malformed message", { doc: this.shared.name, reason: error.message });
      return this.close(CLOSE_CODES.malformed, error.message);
    }
    log.error("connection failed", { doc: this.shared.name, error: String(error) });
    this.close(CLOSE_CODES.internalError, "server error");
  }

  private cleanUp() {
    if (this.closed) return;
    this.closed = true;
    if (this.handshakeTimer) clearTimeout(this.handshakeTimer);
    this.shared.removePeer(this);
    this.onClosed?.(this);
  }

  onClosed?: (connection: Connection) => void;
}

function readVarUint(decoder: decoding.Decoder): number {
  try {
    return decoding.readVarUint(decoder);
  } catch {
    throw new MalformedMessage("truncated message");
  }
}

function readVarUint8Array(decoder: decoding.Decoder): Uint8Array {
  const length = readVarUint(decoder);
  if (length > decoder.arr.length - decoder.pos) throw new MalformedMessage("truncated message");
  return decoding.readUint8Array(decoder, length);
}

function expectEnd(decoder: decoding.Decoder) {
  if (decoding.hasContent(decoder)) throw new MalformedMessage("trailing bytes");
}
