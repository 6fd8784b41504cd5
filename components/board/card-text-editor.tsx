"use client";

import { useTranslations } from "next-intl";
import type * as Y from "yjs";
import { Textarea } from "@/components/ui/form";
import { getCardText, type Card } from "@/lib/board/board-doc";
import { CARD_TEXT_MAX } from "@/lib/board/board-schema";
import { changedSpan } from "@/lib/board/text-span";

/** Inline editing on the card's Y.Text: only the changed span is replaced, so concurrent typing merges. */
export function CardTextEditor({
  doc,
  card,
  onEditing,
}: {
  doc: Y.Doc;
  card: Card;
  onEditing: (cardId: string | null) => void;
}) {
  const t = useTranslations("board");
  return (
    <Textarea
      aria-label={t("cardText")}
      value={card.text}
      rows={2}
      maxLength={CARD_TEXT_MAX}
      data-card-focus
      onFocus={() => onEditing(card.id)}
      onBlur={() => onEditing(null)}
      onChange={(e) => {
        const text = getCardText(doc, card.id);
        const span = changedSpan({ before: card.text, after: e.target.value });
        doc.transact(() => {
          if (span.deleteCount) text.delete(span.start, span.deleteCount);
          if (span.insert) text.insert(span.start, span.insert);
        });
      }}
      // Grows with its text (at most about ten lines), whatever the card's width.
      className="max-h-64 min-h-0 resize-none border-transparent bg-transparent px-1 py-0.5 shadow-none [field-sizing:content] focus:bg-white/80"
    />
  );
}
