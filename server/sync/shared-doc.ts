import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { log } from "@/lib/log";
import { syncMetrics } from "@/lib/sync/metrics";
import type { DocStore } from "@/lib/sync/doc-store";
import { DocGuard } from "./doc-guard";
import type { Fanout } from "./fanout";
import { binaryFrame } from "./frame";
import { PresenceGuard } from "./presence";
import { encodeAwarenessStates, encodeSyncMessage, SYNC } from "./protocol";

/** What a shared document needs from a connection. */
export interface DocPeer {
  send(message: Uint8Array): void;
  /** `frame` is `message` already framed, shared by all peers. */
  sendFrame(frame: Buffer, message: Uint8Array): void;
}

function broadcast(peers: Iterable<DocPeer>, message: Uint8Array, except?: unknown) {
  const frame = binaryFrame(message);
  for (const peer of peers) if (peer !== except) peer.sendFrame(frame, message);
}

/**
 * Compaction folds the update log into the snapshot. It rebuilds the document through a Y.Doc
 * and, on embedded PGlite, holds the only database connection meanwhile, so it waits for a
 * quiet moment: once 500 updates are pending, it runs after 2 s without updates, or at the
 * latest when 10 000 are pending.
 */
const COMPACT_AFTER_UPDATES = 500;
const COMPACT_WHEN_QUIET_MS = 2_000;
const COMPACT_AT_MOST_UPDATES = 10_000;
/**
 * Fan-out pacing: an update is sent at once if nothing was sent to this document's peers for
 * an interval; otherwise it waits at most that long and goes out merged with the others. Idle
 * documents see no delay; busy ones send far fewer, larger messages. The interval grows with
 * the number of peers (each fan-out costs one send per peer): 1 ms per 75 peers, at most 4 ms.
 */
const PEERS_PER_PACING_MS = 75;
const MAX_FANOUT_INTERVAL_MS = 4;

/**
 * One loaded document: its Y.Doc, awareness and connected peers. The doc only ever holds
 * durable state: local updates are applied after they are persisted.
 */
export class SharedDoc {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly peers = new Map<DocPeer, Set<number>>();
  readonly ready: Promise<void>;
  /** The rules clients' writes must keep (null for documents without rules). */
  readonly guard: DocGuard | null;
  readonly presence: PresenceGuard;
  /**
   * About how many bytes the document takes: the state it was loaded with plus every update
   * since (an upper bound: deleted content is counted until the next load).
   */
  bytes = 0;
  /** Server-side users (not sockets) that keep the document loaded. */
  private holders = 0;
  private updatesSinceCompaction = 0;
  private compacting: Promise<unknown> | null = null;
  private compactTimer: NodeJS.Timeout | null = null;
  private outgoing: Array<{ update: Uint8Array; origin: unknown }> = [];
  private lastFanoutAt = 0;
  private fanoutTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly name: string,
    private readonly store: DocStore,
    private readonly fanout: Fanout,
  ) {
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.guard = DocGuard.for(this);
    this.presence = new PresenceGuard(this.awareness);
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      this.outgoing.push({ update, origin });
      this.scheduleFanout();
    });
    this.awareness.on(
      "update",
      (
        { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
        origin: unknown,
      ) => {
        const changed = [...added, ...updated, ...removed];
        const controlled = this.peers.get(origin as DocPeer);
        if (controlled) {
          for (const id of added) controlled.add(id);
          for (const id of removed) controlled.delete(id);
        }
        broadcast(this.peers.keys(), encodeAwarenessStates(this.awareness, changed));
        if (origin !== "remote") {
          const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
          this.fanout
            .publish(this.name, "awareness", update)
            .catch((error: unknown) =>
              log.warn("awareness not passed on", { doc: this.name, error: String(error) }),
            );
        }
      },
    );
    this.ready = this.reload();
  }

  private scheduleFanout() {
    if (this.fanoutTimer) return;
    const interval = Math.min(MAX_FANOUT_INTERVAL_MS, this.peers.size / PEERS_PER_PACING_MS);
    const wait = this.lastFanoutAt + interval - performance.now();
    if (wait <= 0) return this.flushFanout();
    this.fanoutTimer = setTimeout(() => this.flushFanout(), wait);
  }

  /** Sends what is outgoing as one update to every peer (skipping a single sender). */
  private flushFanout() {
    this.fanoutTimer = null;
    const batch = this.outgoing;
    if (batch.length === 0) return;
    this.outgoing = [];
    this.lastFanoutAt = performance.now();
    const update =
      batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((b) => b.update));
    const origin = batch.every((b) => b.origin === batch[0]!.origin) ? batch[0]!.origin : null;
    broadcast(this.peers.keys(), encodeSyncMessage(SYNC.update, update), origin);
  }

  /** Loads (or re-loads, after a fan-out gap) the durable state from the database. */
  async reload(): Promise<void> {
    const loaded = await this.store.load(this.name);
    Y.applyUpdate(this.doc, loaded.state, "load");
    this.updatesSinceCompaction = loaded.pendingUpdates;
    this.bytes = loaded.state.length;
  }

  /**
   * A durable update (possibly `count` merged ones): applied once, and so sent to each peer
   * once. `origin` is the single sending connection (not echoed to), null for several, or
   * "remote" for another instance.
   */
  applyDurableUpdate(update: Uint8Array, origin: DocPeer | "remote" | null, count: number) {
    Y.applyUpdate(this.doc, update, origin);
    this.bytes += update.length;
    if (origin === "remote") return;
    this.updatesSinceCompaction += count;
    this.scheduleCompaction();
  }

  private scheduleCompaction() {
    if (this.updatesSinceCompaction >= COMPACT_AT_MOST_UPDATES) {
      if (this.compactTimer) clearTimeout(this.compactTimer);
      this.compactTimer = null;
      void this.compact();
    } else if (this.compactTimer) {
      this.compactTimer.refresh();
    } else if (this.updatesSinceCompaction >= COMPACT_AFTER_UPDATES) {
      this.compactTimer = setTimeout(() => {
        this.compactTimer = null;
        void this.compact();
      }, COMPACT_WHEN_QUIET_MS).unref();
    }
  }

  applyRemoteAwareness(update: Uint8Array) {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, "remote");
  }

  addPeer(peer: DocPeer) {
    this.peers.set(peer, new Set());
    syncMetrics().connections++;
  }

  /** Removes the peer and the awareness states it controlled, telling everyone. */
  removePeer(peer: DocPeer) {
    const controlled = this.peers.get(peer);
    if (!controlled) return;
    this.peers.delete(peer);
    syncMetrics().connections--;
    if (controlled.size)
      awarenessProtocol.removeAwarenessStates(this.awareness, [...controlled], null);
  }

  hold() {
    this.holders++;
  }

  unhold() {
    this.holders--;
  }

  /** Whether anything (a socket or the server itself) still uses the document. */
  get inUse() {
    return this.peers.size > 0 || this.holders > 0;
  }

  compact(): Promise<unknown> {
    this.compacting ??= this.store
      .compact(this.name)
      .then(({ folded }) => {
        this.updatesSinceCompaction = Math.max(0, this.updatesSinceCompaction - folded);
        log.debug("compacted", { doc: this.name, folded });
      })
      .catch((error: unknown) =>
        log.warn("compaction failed", { doc: this.name, error: String(error) }),
      )
      .finally(() => (this.compacting = null));
    return this.compacting;
  }

  get hasPendingUpdates() {
    return this.updatesSinceCompaction > 0;
  }

  destroy() {
    if (this.fanoutTimer) clearTimeout(this.fanoutTimer);
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.flushFanout();
    this.guard?.destroy();
    this.awareness.destroy();
    this.doc.destroy();
  }
}
