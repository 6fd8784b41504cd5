"use client";

import { useTranslations } from "next-intl";

/** Dot voting on one card: the person's own dots while a round is open. */
export interface CardDots {
  mine: number;
  canAdd: boolean;
  onChange: (cardId: string, delta: 1 | -1) => void;
}

export function DotControls({
  cardId,
  label,
  dots,
}: {
  cardId: string;
  label: string;
  dots: CardDots;
}) {
  const t = useTranslations("board.voting");
  return (
    <div
      className="mt-2 flex items-center gap-2 rounded-md bg-white/80 px-2 py-1"
      role="group"
      aria-label={t("dotsOn", { card: label })}
      data-testid="dots"
    >
      <span aria-hidden className="tracking-widest text-brand-700">
        {"●".repeat(dots.mine) || "○"}
      </span>
      <span className="sr-only">{t("myDots", { count: dots.mine })}</span>
      <button
        type="button"
        onClick={() => dots.onChange(cardId, -1)}
        disabled={dots.mine === 0}
        aria-label={t("removeDot")}
        className="ml-auto min-h-8 min-w-8 rounded border border-line bg-white text-lg disabled:opacity-30"
      >
        −
      </button>
      <button
        type="button"
        onClick={() => dots.onChange(cardId, 1)}
        disabled={!dots.canAdd}
        aria-label={t("addDot")}
        className="min-h-8 min-w-8 rounded border border-brand-700 bg-brand-700 text-lg text-white disabled:opacity-30"
      >
        +
      </button>
    </div>
  );
}
