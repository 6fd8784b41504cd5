"use client";

import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { fromBase64 } from "lib0/buffer";
import { SyncConnection, type SyncStatus } from "@/lib/sync/sync-connection";

export type DocSyncState = SyncStatus | { state: "offline-pending" };

/**
 * A Y.Doc kept in sync with the server for as long as the component lives, plus its connection
 * state and what the server lets it do (read or write, which can drop to read mid-session).
 * Local edits made while disconnected are counted, so the UI can say they are pending.
 * With no name, the doc stays local (nothing to sync).
 *
 * A page that rendered on the server for this person passes what it learnt there: the access,
 * so the socket opens without asking again, and the document's state (base64), which is applied
 * right after hydration (the server's HTML stays the empty shell, which hydrates cheaply), so the
 * content shows without waiting for the socket, which then brings only what changed since.
 */
export function useSyncedDoc(
  docName: string | null,
  known: { access?: "read" | "write"; state?: string } = {},
) {
  const { access: knownAccess, state: initialState } = known;
  const doc = useMemo(() => new Y.Doc(), []);
  const [, setStateApplied] = useState(false);
  // Made with the doc (in the browser only: it runs a timer), so presence and the editor's carets
  // are set up once, not again when the socket opens.
  const [awareness] = useState(() => (typeof window === "undefined" ? null : new Awareness(doc)));
  const [status, setStatus] = useState<SyncStatus>({ state: "connecting" });
  const [pendingEdits, setPendingEdits] = useState(0);
  const [access, setAccess] = useState<"read" | "write" | null>(null);
  const connection = useRef<SyncConnection | null>(null);
  const online = useBrowserOnline();

  const pageState = useRef(initialState);
  useEffect(() => {
    if (!pageState.current) return;
    Y.applyUpdate(doc, fromBase64(pageState.current), "page");
    pageState.current = undefined;
    setStateApplied(true);
  }, [doc]);

  useEffect(() => {
    if (!docName) return;
    const c = new SyncConnection({
      baseUrl: window.location.origin,
      docName,
      doc,
      access: knownAccess,
      awareness: awareness ?? undefined,
    });
    connection.current = c;
    c.on("access", setAccess);
    c.on("status", (next) => {
      setStatus(next);
      setAccess(c.access);
      if (next.state === "connected" && next.synced) setPendingEdits(0);
    });
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      // Edits made here (not by the provider) while not connected wait for the next sync.
      if (origin !== c.provider && c.status.state !== "connected") setPendingEdits((n) => n + 1);
    };
    doc.on("update", onUpdate);
    // The browser knows at once when the network is gone; the socket would take seconds.
    const onOffline = () => c.provider?.disconnect();
    const onOnline = () => c.provider?.connect();
    window.addEventListener("offline", onOffline);
    window.addEventListener("online", onOnline);
    return () => {
      doc.off("update", onUpdate);
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("online", onOnline);
      c.destroy();
      connection.current = null;
    };
  }, [doc, docName, knownAccess, awareness]);

  useEffect(
    () => () => {
      awareness?.destroy();
      doc.destroy();
    },
    [doc, awareness],
  );

  const current: SyncStatus = !online && status.state !== "denied" ? { state: "offline" } : status;
  const state: DocSyncState =
    (current.state === "offline" || current.state === "connecting") && pendingEdits > 0
      ? { state: "offline-pending" }
      : current;
  /** Asks the server again what this connection may do (e.g. after a chapter was reopened). */
  const refresh = useCallback(() => void connection.current?.refresh(), []);
  return { doc, awareness, state, access, refresh };
}

/** The browser's own view of the network, from its online and offline events. */
function useBrowserOnline(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      window.addEventListener("online", onChange);
      window.addEventListener("offline", onChange);
      return () => {
        window.removeEventListener("online", onChange);
        window.removeEventListener("offline", onChange);
      };
    },
    () => navigator.onLine,
    () => true,
  );
}

/** Re-renders on every change of the document; returns a counter to depend on. */
export function useDocVersion(doc: Y.Doc): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const onUpdate = () => setVersion((v) => v + 1);
    doc.on("update", onUpdate);
    return () => doc.off("update", onUpdate);
  }, [doc]);
  return version;
}
