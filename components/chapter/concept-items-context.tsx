"use client";

import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { conceptItemsOf, type ConceptItems } from "@/lib/chapter/concept-item-view";
import type { ConceptContent } from "@/lib/concept/load-concept-content";

/** How often the store is read again, so a commit from a board shows up in an open chapter. */
const REFRESH_MS = 30_000;

const ConceptItemsContext = createContext<ConceptItems | null>(null);

/**
 * The goals and measures of the concept store, for embedded items and the insert menu: read
 * from GET /api/concepts/<id>, again on window focus and every 30 s. Null while loading.
 */
export function ConceptItemsProvider({
  conceptId,
  initial,
  children,
}: {
  conceptId: string;
  /** The items as the page was rendered with; without them they are fetched at once. */
  initial?: ConceptItems;
  children: ReactNode;
}) {
  const [items, setItems] = useState<ConceptItems | null>(initial ?? null);
  const [hasInitial] = useState(initial !== undefined);
  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      try {
        const response = await fetch(`/api/concepts/${conceptId}`, { cache: "no-store" });
        if (!response.ok || cancelled) return;
        const content = (await response.json()) as ConceptContent;
        if (!cancelled) setItems(conceptItemsOf(content));
      } catch {
        // Offline: keep what was shown; the next focus or tick tries again.
      }
    };
    if (!hasInitial) void load();
    const timer = window.setInterval(load, REFRESH_MS);
    const onFocus = () => void load();
    window.addEventListener("focus", onFocus);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
      window.removeEventListener("focus", onFocus);
    };
  }, [conceptId, hasInitial]);
  return <ConceptItemsContext.Provider value={items}>{children}</ConceptItemsContext.Provider>;
}

export function useConceptItems(): ConceptItems | null {
  return useContext(ConceptItemsContext);
}
