"use client";

import { useTranslations } from "next-intl";
import { memo, useId, useState, type KeyboardEvent } from "react";
import type * as Y from "yjs";
import { Badge } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { moveCard, removeCard, sameCard, type Card, type Cluster } from "@/lib/board/board-doc";
import type { CardMoves } from "@/lib/board/board-layout";
import type { CardColour, CardKind } from "@/lib/board/board-schema";
import { CardOptionsForm } from "./card-options";
import { CardTextEditor } from "./card-text-editor";
import { DotControls, type CardDots } from "./dot-controls";
import { MeasureDetails, type GoalOption } from "./measure-details";

export type { CardDots } from "./dot-controls";

/** The kind shows in the card's edge, the colour (the group's choice) in its background. */
const KIND_BORDER: Record<CardKind, string> = {
  idea: "border-amber-400",
  goal: "border-sky-500",
  measure: "border-emerald-500",
  question: "border-fuchsia-500",
};

const COLOUR_BG: Record<CardColour, string> = {
  yellow: "bg-amber-50",
  blue: "bg-sky-50",
  green: "bg-emerald-50",
  pink: "bg-pink-50",
  orange: "bg-orange-100",
  grey: "bg-slate-50",
};

/** Keyboard shortcuts on a focused card (also inside its text), listed in the board's help. */
export const CARD_SHORTCUTS = {
  left: "Alt+ArrowLeft",
  right: "Alt+ArrowRight",
  up: "Alt+ArrowUp",
  down: "Alt+ArrowDown",
  spotlight: "Alt+H",
  delete: "Alt+Delete",
} as const;

export interface CardViewProps {
  /** The document the card lives in: the shared board, or the person's private scope. */
  doc: Y.Doc;
  card: Card;
  /** Only in this person's private scope (not yet on the board for others). */
  hidden: "private" | "anonymous" | null;
  canEdit: boolean;
  /** Text edits; off for published anonymous cards, so nobody's edits hint at the author. */
  canEditText: boolean;
  canDelete: boolean;
  /** Names of the others editing this card right now, joined. */
  editors: string;
  onEditing: (cardId: string | null) => void;
  /** Where the card can move, null where it cannot (sorted by dots, or private). */
  moves: CardMoves | null;
  /** All clusters of the board (filtered to the card's lane when its options open). */
  clusters: Cluster[];
  /** Goal cards a measure can be linked to. */
  goals: GoalOption[];
  /** For moderators: put this card on the projector. */
  onSpotlight: ((cardId: string) => void) | null;
  dots: CardDots | null;
  /** Dots in the revealed round, if one is shown. */
  votes: number | null;
}

const sameMoves = (a: CardMoves | null, b: CardMoves | null) =>
  a === b ||
  (!!a && !!b && Object.keys(a).every((k) => a[k as keyof CardMoves] === b[k as keyof CardMoves]));

/** Puts the focus back on a card after it moved (it is rendered anew in its new place). */
function refocus(cardId: string) {
  requestAnimationFrame(() => {
    const card = document.querySelector(`[data-card-id="${CSS.escape(cardId)}"]`);
    card?.querySelector<HTMLElement>("[data-card-focus]")?.focus();
  });
}

/**
 * One card. Its actions (move, spotlight, delete, kind, colour, group) sit in its menu and on
 * keyboard shortcuts, so the board shows cards, not controls. Memoised on what it shows: with
 * hundreds of cards, an edit re-renders only the card that changed. Text is never HTML.
 */
export const CardView = memo(
  function CardView({
    doc,
    card,
    hidden,
    canEdit,
    canEditText,
    canDelete,
    editors,
    onEditing,
    moves,
    goals,
    clusters,
    onSpotlight,
    dots,
    votes,
  }: CardViewProps) {
    const t = useTranslations("board");
    const tUi = useTranslations("boardUi");
    const [menu, setMenu] = useState(false);
    const [options, setOptions] = useState(false);
    const menuId = useId();
    const move = moves && {
      left: moves.previousLaneId
        ? () => moveCard(doc, card.id, { laneId: moves.previousLaneId!, index: moves.index })
        : null,
      right: moves.nextLaneId
        ? () => moveCard(doc, card.id, { laneId: moves.nextLaneId!, index: moves.index })
        : null,
      up:
        moves.upIndex !== null
          ? () => moveCard(doc, card.id, { laneId: moves.laneId, index: moves.upIndex! })
          : null,
      down:
        moves.downIndex !== null
          ? () => moveCard(doc, card.id, { laneId: moves.laneId, index: moves.downIndex! })
          : null,
    };
    const label = card.text.slice(0, 40) || t(`kinds.${card.kind}`);
    const hasMenu = canEdit && (!!move || !!onSpotlight || canDelete || !hidden);

    function onKeyDown(event: KeyboardEvent<HTMLElement>) {
      if (event.key === "Escape" && menu) {
        setMenu(false);
        return;
      }
      if (!canEdit || !event.altKey || event.ctrlKey || event.metaKey) return;
      const direction = {
        ArrowLeft: "left",
        ArrowRight: "right",
        ArrowUp: "up",
        ArrowDown: "down",
      }[event.key] as keyof NonNullable<typeof move> | undefined;
      if (direction && move?.[direction]) {
        event.preventDefault();
        move[direction]!();
        refocus(card.id);
      } else if (event.code === "KeyH" && onSpotlight) {
        event.preventDefault();
        onSpotlight(card.id);
      } else if (event.key === "Delete" && canDelete) {
        event.preventDefault();
        removeCard(doc, card.id);
      }
    }

    return (
      <article
        className={cn(
          "rounded-md border-l-4 p-3 shadow-xs focus-within:ring-2 focus-within:ring-brand-600/60",
          KIND_BORDER[card.kind],
          COLOUR_BG[card.colour],
          hidden && "border-dashed opacity-90 outline-2 outline-slate-400 outline-dashed",
          editors && "ring-2 ring-brand-600",
        )}
        data-testid="card"
        data-hidden={hidden ?? undefined}
        aria-label={`${t(`kinds.${card.kind}`)}: ${label}`}
        onKeyDown={onKeyDown}
      >
        <div className="mb-1 flex items-center justify-between gap-2">
          <Badge>{t(`kinds.${card.kind}`)}</Badge>
          <span className="min-w-0 flex-1 truncate text-right text-xs text-muted">
            {card.author?.name ?? t("anonymous")}
          </span>
          {hasMenu ? (
            <button
              type="button"
              aria-expanded={menu}
              aria-controls={menuId}
              aria-label={tUi("cardActions", { card: label })}
              data-card-focus={canEditText ? undefined : true}
              onClick={() => setMenu((open) => !open)}
              className="-my-1 -mr-1 flex min-h-8 min-w-8 shrink-0 items-center justify-center rounded text-lg leading-none text-slate-600 hover:bg-white focus-visible:bg-white"
            >
              <span aria-hidden>⋯</span>
            </button>
          ) : null}
        </div>
        {hidden ? (
          <p className="mb-1 text-xs font-medium text-slate-600">{t(`hidden.${hidden}`)}</p>
        ) : null}
        {canEdit && canEditText ? (
          <CardTextEditor doc={doc} card={card} onEditing={onEditing} />
        ) : (
          <p className="text-base break-words whitespace-pre-wrap">{card.text}</p>
        )}
        {card.kind === "measure" && card.measure ? (
          <MeasureDetails
            doc={doc}
            card={{ ...card, measure: card.measure }}
            goals={goals}
            canEdit={canEdit}
          />
        ) : null}
        {editors ? (
          <p className="mt-1 text-xs text-brand-700">{t("editing", { names: editors })}</p>
        ) : null}
        {votes ? (
          <p className="mt-2" data-testid="card-votes">
            <Badge tone="brand">{t("voting.votes", { count: votes })}</Badge>
          </p>
        ) : null}
        {dots ? <DotControls cardId={card.id} label={label} dots={dots} /> : null}
        {hasMenu && menu ? (
          <div
            id={menuId}
            role="group"
            aria-label={tUi("cardActions", { card: label })}
            className="mt-2 space-y-2 rounded-md border border-line bg-white p-2"
            data-testid="card-menu"
          >
            {move ? (
              <div
                className="flex flex-wrap gap-1"
                role="group"
                aria-label={t("moveCard", { card: label })}
              >
                {(["left", "right", "up", "down"] as const).map((direction) => (
                  <button
                    key={direction}
                    type="button"
                    disabled={!move[direction]}
                    onClick={() => {
                      move[direction]?.();
                      refocus(card.id);
                    }}
                    aria-label={t(`move.${direction}`)}
                    aria-keyshortcuts={CARD_SHORTCUTS[direction]}
                    title={`${t(`move.${direction}`)} (${CARD_SHORTCUTS[direction].replace("Arrow", "")})`}
                    className="min-h-8 min-w-8 rounded border border-line px-2 text-sm text-ink hover:bg-slate-50 disabled:opacity-30"
                  >
                    {{ left: "←", right: "→", up: "↑", down: "↓" }[direction]}
                  </button>
                ))}
              </div>
            ) : null}
            <div className="flex flex-wrap gap-1">
              {onSpotlight ? (
                <button
                  type="button"
                  onClick={() => onSpotlight(card.id)}
                  aria-label={t("spotlightCard", { card: label })}
                  aria-keyshortcuts={CARD_SHORTCUTS.spotlight}
                  className="min-h-8 rounded px-2 text-sm text-brand-700 hover:bg-brand-50"
                >
                  {t("spotlight")}
                </button>
              ) : null}
              {!hidden ? (
                <button
                  type="button"
                  aria-expanded={options}
                  onClick={() => setOptions((open) => !open)}
                  className="min-h-8 rounded px-2 text-sm text-ink hover:bg-slate-50"
                >
                  {t("options.summary")}
                </button>
              ) : null}
              {canDelete ? (
                <button
                  type="button"
                  onClick={() => removeCard(doc, card.id)}
                  aria-keyshortcuts={CARD_SHORTCUTS.delete}
                  className="ml-auto min-h-8 rounded px-2 text-sm text-red-700 hover:bg-red-50"
                >
                  {t("delete")}
                </button>
              ) : null}
            </div>
            {options && !hidden ? (
              <CardOptionsForm
                doc={doc}
                card={card}
                clusters={clusters}
                canChangeKind={canDelete}
              />
            ) : null}
          </div>
        ) : null}
      </article>
    );
  },
  (a, b) =>
    sameCard(a.card, b.card) &&
    sameMoves(a.moves, b.moves) &&
    a.doc === b.doc &&
    a.hidden === b.hidden &&
    a.canEdit === b.canEdit &&
    a.canEditText === b.canEditText &&
    a.canDelete === b.canDelete &&
    a.editors === b.editors &&
    a.onEditing === b.onEditing &&
    a.goals === b.goals &&
    a.clusters === b.clusters &&
    a.onSpotlight === b.onSpotlight &&
    a.dots?.mine === b.dots?.mine &&
    a.dots?.canAdd === b.dots?.canAdd &&
    a.dots?.onChange === b.dots?.onChange &&
    a.votes === b.votes,
);
