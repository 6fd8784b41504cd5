import * as decoding from "lib0/decoding";
import * as awarenessProtocol from "y-protocols/awareness";
import type { WebSocket } from "ws";
import * as Y from "yjs";
import { log } from "@/lib/log";
import { CLOSE_CODES, type CloseCode } from "@/lib/sync/close-codes";
import type { Principal } from "@/lib/auth/principal";
import type { DocAccess } from "@/lib/sync/doc-access";
import { countServerClose, syncMetrics } from "@/lib/sync/metrics";
import type { PersistQueue } from "./persist-queue";
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

export interface ConnectionLimits {
  /** Sustained messages per second; the bucket holds `burst`. */
  messagesPerSecond: number;
  burst: number;
}

class MalformedMessage extends Error {}

/**
 * One client socket on one document. Messages are handled strictly in order; a malformed one
 * closes this socket only. Writes from read-only connections are dropped, and the client is
 * told once through the y-protocols permission message; writes while blocked (a locked board)
 * are dropped too, the client knows the lock from the control document.
 */
export class Connection implements DocPeer {
  private lastSentAt = Date.now();
  private missedPongs = 0;
  private queue: Promise<void> = Promise.resolve();
  private tokens: number;
  private lastRefill = performance.now();
  private toldReadOnly = false;
  /** Writes were dropped while blocked: the client's state has run ahead of the server's. */
  private refusedWhileBlocked = false;
  private closed = false;

  constructor(
    private readonly ws: WebSocket,
    readonly shared: SharedDoc,
    private access: DocAccess,
    /** Who is connected, to re-check their access when memberships change. */
    readonly principal: Principal,
    private readonly persist: PersistQueue,
    private readonly limits: ConnectionLimits,
    /**
     * What may block this writer's updates (a locked board), and when that is known: nothing
     * is handled before.
     */
    private readonly gate: { blocked: () => boolean; ready: Promise<unknown> } = {
      blocked: () => false,
      ready: Promise.resolve(),
    },
  ) {
    this.tokens = limits.burst;
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
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(message);
    this.lastSentAt = Date.now();
    syncMetrics().messagesSent++;
  }

  /** A broadcast message, framed once by the sender for all peers. */
  sendFrame(frame: Buffer, message: Uint8Array) {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    writeFrame(this.ws, frame, message);
    this.lastSentAt = Date.now();
    syncMetrics().messagesSent++;
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
    await Promise.all([this.shared.ready, this.gate.ready]);
    this.send(encodeSyncStep1(Y.encodeStateVector(this.shared.doc)));
    const states = [...this.shared.awareness.getStates().keys()];
    if (states.length) this.send(encodeAwarenessStates(this.shared.awareness, states));
    if (this.access === "read") this.tellReadOnly();
  }

  private receive(data: Buffer, isBinary: boolean) {
    if (this.closed) return;
    if (!isBinary) return this.close(CLOSE_CODES.malformed, "binary frames only");
    if (!this.takeToken()) return this.close(CLOSE_CODES.rateLimited, "too many messages");
    const message = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    this.queue = this.queue
      .then(() => this.handle(message))
      .catch((error: unknown) => this.fail(error));
  }

  private takeToken(): boolean {
    const now = performance.now();
    this.tokens = Math.min(
      this.limits.burst,
      this.tokens + ((now - this.lastRefill) / 1000) * this.limits.messagesPerSecond,
    );
    this.lastRefill = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
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
        try {
          awarenessProtocol.applyAwarenessUpdate(this.shared.awareness, update, this);
        } catch {
          throw new MalformedMessage("bad awareness update");
        }
        return;
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

  private async handleSync(decoder: decoding.Decoder) {
    const syncType = readVarUint(decoder);
    const payload = readVarUint8Array(decoder);
    expectEnd(decoder);
    if (syncType === SYNC.step1) {
      this.send(encodeSyncMessage(SYNC.step2, Y.encodeStateAsUpdate(this.shared.doc, payload)));
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
    if (this.gate.blocked()) {
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
    // Durable first; the sync server applies and forwards it once the batch is written.
    await this.persist.append(this.shared.name, payload, this);
  }

  /**
   * Called when what blocks writes may have changed: once writes are allowed again, a client
   * whose writes were refused reconnects, so its later updates do not wait forever on the
   * refused ones.
   */
  resyncIfRefused() {
    if (this.refusedWhileBlocked && !this.gate.blocked())
      this.close(CLOSE_CODES.resync, "writes allowed again");
  }

  /**
   * Access was widened while connected (a chapter reopened, a viewer promoted): the client
   * reconnects, so it learns it may write and sends what it wrote meanwhile.
   */
  allowWrite() {
    if (this.access === "read") this.close(CLOSE_CODES.resync, "writes allowed again");
  }

  /** Access was reduced while connected: from now on, writes are dropped. */
  restrictToRead() {
    if (this.access === "read") return;
    this.access = "read";
    this.tellReadOnly();
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
