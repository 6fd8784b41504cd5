import { loadConceptContent } from "@/lib/concept/load-concept-content";
import type { Queryable } from "@/lib/db/client";
import { revisionContent } from "@/lib/revision/revisions";
import { conceptItemsOf, type ConceptItems } from "./concept-item-view";

/**
 * The goals and measures embedded items render from: the latest committed content of the
 * concept store, or its content as of `revision` (frozen versions, exports).
 */
export async function loadConceptItems({
  db,
  conceptId,
  revision,
}: {
  db: Queryable;
  conceptId: string;
  revision?: number | null;
}): Promise<ConceptItems> {
  const content =
    revision == null
      ? await loadConceptContent({ db, conceptId })
      : await revisionContent({ db, conceptId, number: revision });
  return conceptItemsOf(content);
}
