import * as Y from "yjs";
import { getCardText, insertCard } from "@/lib/board/board-doc";
import type { CardAuthor } from "@/lib/board/board-schema";

/**
 * Adds the writer's own card (the board rules accept nothing else from a participant); each edit
 * then replaces its text with the time it was sent, "@<performance.now()>".
 */
export function ownCard(doc: Y.Doc, author: CardAuthor): (seq: number) => void {
  const id = crypto.randomUUID();
  insertCard(doc, { id, laneId: "bench", kind: "idea", text: "", colour: "yellow", author });
  const text = getCardText(doc, id);
  return () =>
    doc.transact(() => {
      text.delete(0, text.length);
      text.insert(0, `@${performance.now()}`);
    });
}

/** Calls `onLatency` with the age of every timed card text that arrives from another client. */
export function timeArrivals(doc: Y.Doc, onLatency: (ms: number) => void): void {
  doc.getMap("cards").observeDeep((events, transaction) => {
    if (transaction.local) return;
    const now = performance.now();
    for (const event of events) {
      if (!(event.target instanceof Y.Text)) continue;
      const sentAt = Number(event.target.toString().slice(1));
      if (sentAt > 0) onLatency(now - sentAt);
    }
  });
}
