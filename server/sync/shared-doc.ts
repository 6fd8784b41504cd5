import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { log } from "@/lib/log";
import { syncMetrics } from "@/lib/sync/metrics";
import type { DocStore } from "./doc-store";
import type { Fanout } from "./fanout";
import { encodeAwarenessStates, encodeSyncMessage, SYNC } from "./protocol";

/** What a shared document needs from a connection. */
export interface DocPeer {
  send(message: Uint8Array): void;
}

const COMPACT_AFTER_UPDATES = 500;

/**
 * One loaded document: its Y.Doc, awareness and connected peers. The doc only ever holds
 * durable state: local updates are applied after they are persisted.
 */
export class SharedDoc {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly peers = new Map<DocPeer, Set<number>>();
  readonly ready: Promise<void>;
  private updatesSinceCompaction = 0;
  private compacting: Promise<unknown> | null = null;

  constructor(
    readonly name: string,
    private readonly store: DocStore,
    private readonly fanout: Fanout,
  ) {
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      const message = encodeSyncMessage(SYNC.update, update);
      for (const peer of this.peers.keys()) if (peer !== origin) peer.send(message);
    });
    this.awareness.on(
      "update",
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        const changed = [...added, ...updated, ...removed];
        const controlled = this.peers.get(origin as DocPeer);
        if (controlled) {
          for (const id of added) controlled.add(id);
          for (const id of removed) controlled.delete(id);
        }
        const message = encodeAwarenessStates(this.awareness, changed);
        for (const peer of this.peers.keys()) peer.send(message);
        if (origin !== "remote") {
          const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
          this.fanout.publish(this.name, "awareness", update).catch((error: unknown) =>
            log.warn("awareness not passed on", { doc: this.name, error: String(error) }),
          );
        }
      },
    );
    this.ready = this.reload();
  }

  /** Loads (or re-loads, after a fan-out gap) the durable state from the database. */
  async reload(): Promise<void> {
    const loaded = await this.store.load(this.name);
    Y.applyUpdate(this.doc, loaded.state, "load");
    this.updatesSinceCompaction = loaded.pendingUpdates;
  }

  /** A peer's update, already validated and persisted. */
  applyDurableUpdate(update: Uint8Array, origin: DocPeer | "remote") {
    Y.applyUpdate(this.doc, update, origin);
    if (origin !== "remote" && ++this.updatesSinceCompaction >= COMPACT_AFTER_UPDATES) void this.compact();
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
    if (controlled.size) awarenessProtocol.removeAwarenessStates(this.awareness, [...controlled], null);
  }

  compact(): Promise<unknown> {
    this.compacting ??= this.store
      .compact(this.name)
      .then(({ folded }) => {
        this.updatesSinceCompaction = Math.max(0, this.updatesSinceCompaction - folded);
        log.debug("compacted", { doc: this.name, folded });
      })
      .catch((error: unknown) => log.warn("compaction failed", { doc: this.name, error: String(error) }))
      .finally(() => (this.compacting = null));
    return this.compacting;
  }

  get hasPendingUpdates() {
    return this.updatesSinceCompaction > 0;
  }

  destroy() {
    this.awareness.destroy();
    this.doc.destroy();
  }
}
