"use client";

import { useTranslations } from "next-intl";
import { memo, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import type * as Y from "yjs";
import { Badge } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Input, Select, Textarea } from "@/components/ui/form";
import { Options } from "@/components/ui/options";
import {
  clusterCards,
  getCardText,
  moveCard,
  removeCard,
  setCardCluster,
  setCardColour,
  setCardKind,
  type Card,
  type Cluster,
} from "@/lib/board/board-doc";
import {
  cardColours,
  cardKinds,
  CARD_TEXT_MAX,
  type CardColour,
  type CardKind,
} from "@/lib/board/board-schema";
import { MeasureDetails, type GoalOption } from "./measure-details";

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

/** Dot voting on one card: the person's own dots while a round is open. */
export interface CardDots {
  mine: number;
  canAdd: boolean;
  onChange: (cardId: string, delta: 1 | -1) => void;
}

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
  /**
   * For the move buttons, null where the card cannot move: neighbouring lanes, the card's index
   * in its lane, and the indexes (among the lane's other cards) that put it before the card
   * above or after the card below.
   */
  moves: {
    laneId: string;
    previousLaneId: string | null;
    nextLaneId: string | null;
    index: number;
    upIndex: number | null;
    downIndex: number | null;
  } | null;
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

const sameCard = (a: Card, b: Card) =>
  a.id === b.id &&
  a.text === b.text &&
  a.kind === b.kind &&
  a.colour === b.colour &&
  a.laneId === b.laneId &&
  a.author?.name === b.author?.name &&
  a.goalCardId === b.goalCardId &&
  JSON.stringify(a.measure) === JSON.stringify(b.measure);

const sameMoves = (a: CardViewProps["moves"], b: CardViewProps["moves"]) =>
  a === b ||
  (!!a && !!b && Object.keys(a).every((k) => a[k as keyof typeof a] === b[k as keyof typeof b]));

/**
 * One card. Memoised on what it shows: with hundreds of cards on a board, an edit re-renders
 * only the card that changed. Card text is always rendered as text, never as HTML.
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
    return (
      <article
        className={cn(
          "rounded-md border-l-4 p-3 shadow-xs",
          KIND_BORDER[card.kind],
          COLOUR_BG[card.colour],
          hidden && "border-dashed opacity-90 outline-2 outline-slate-400 outline-dashed",
          editors && "ring-2 ring-brand-600",
        )}
        data-testid="card"
        data-hidden={hidden ?? undefined}
        aria-label={`${t(`kinds.${card.kind}`)}: ${label}`}
      >
        <div className="mb-1 flex items-center justify-between gap-2">
          <Badge>{t(`kinds.${card.kind}`)}</Badge>
          <span className="truncate text-xs text-muted">{card.author?.name ?? t("anonymous")}</span>
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
        {votes !== null ? (
          <p className="mt-2" data-testid="card-votes">
            <Badge tone="brand">{t("voting.votes", { count: votes })}</Badge>
          </p>
        ) : null}
        {dots ? <DotControls cardId={card.id} label={label} dots={dots} /> : null}
        {canEdit && !hidden ? <CardOptions doc={doc} card={card} clusters={clusters} /> : null}
        {canEdit ? (
          <div
            className="mt-2 flex flex-wrap gap-1"
            role="group"
            aria-label={t("moveCard", { card: label })}
          >
            {move
              ? (["left", "right", "up", "down"] as const).map((direction) => (
                  <button
                    key={direction}
                    type="button"
                    disabled={!move[direction]}
                    onClick={() => move[direction]?.()}
                    aria-label={t(`move.${direction}`)}
                    className="rounded px-2 py-1 text-sm text-muted hover:bg-white disabled:opacity-30"
                  >
                    {{ left: "←", right: "→", up: "↑", down: "↓" }[direction]}
                  </button>
                ))
              : null}
            {onSpotlight ? (
              <button
                type="button"
                onClick={() => onSpotlight(card.id)}
                aria-label={t("spotlightCard", { card: label })}
                className="ml-auto rounded px-2 py-1 text-sm text-brand-700 hover:bg-white"
              >
                {t("spotlight")}
              </button>
            ) : null}
            {canDelete ? (
              <button
                type="button"
                onClick={() => removeCard(doc, card.id)}
                className={cn(
                  "rounded px-2 py-1 text-sm text-red-700 hover:bg-white",
                  !onSpotlight && "ml-auto",
                )}
              >
                {t("delete")}
              </button>
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
    a.card.clusterId === b.card.clusterId &&
    a.onSpotlight === b.onSpotlight &&
    a.dots?.mine === b.dots?.mine &&
    a.dots?.canAdd === b.dots?.canAdd &&
    a.dots?.onChange === b.dots?.onChange &&
    a.votes === b.votes,
);

/** Colour and group of a card, built only when opened (hundreds of cards stay light). */
function CardOptions({ doc, card, clusters }: { doc: Y.Doc; card: Card; clusters: Cluster[] }) {
  const t = useTranslations("board.options");
  const [open, setOpen] = useState(false);
  return (
    <div className="mt-2">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen((was) => !was)}
        className="text-xs text-muted hover:underline"
      >
        {open ? "▾" : "▸"} {t("summary")}
      </button>
      {open ? <CardOptionsForm doc={doc} card={card} clusters={clusters} /> : null}
    </div>
  );
}

const NEW_GROUP = "__new__";

function CardOptionsForm({ doc, card, clusters }: { doc: Y.Doc; card: Card; clusters: Cluster[] }) {
  const t = useTranslations("board.options");
  const tBoard = useTranslations("board");
  const [naming, setNaming] = useState(false);
  const [title, setTitle] = useState("");
  const inLane = clusters.filter((c) => c.laneId === card.laneId);
  function createGroup(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) return;
    clusterCards(doc, { laneId: card.laneId, title, cardIds: [card.id] });
    setNaming(false);
    setTitle("");
  }
  return (
    <div className="mt-2 flex flex-col gap-2">
      <label className="flex flex-col gap-1 text-xs font-medium">
        {t("kind")}
        <Select
          value={card.kind}
          onChange={(e) => setCardKind(doc, card.id, e.target.value as CardKind)}
          className="py-1 text-sm"
        >
          <Options values={cardKinds} label={(kind) => tBoard(`kinds.${kind}`)} />
        </Select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium">
        {t("colour")}
        <Select
          value={card.colour}
          onChange={(e) => setCardColour(doc, card.id, e.target.value as CardColour)}
          className="py-1 text-sm"
        >
          <Options values={cardColours} label={(colour) => t(`colours.${colour}`)} />
        </Select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium">
        {t("group")}
        <Select
          value={naming ? NEW_GROUP : (card.clusterId ?? "")}
          onChange={(e) => {
            const value = e.target.value;
            if (value === NEW_GROUP) return setNaming(true);
            setNaming(false);
            setCardCluster(doc, card.id, value || null);
          }}
          className="py-1 text-sm"
        >
          <option value="">{t("noGroup")}</option>
          {inLane.map((cluster) => (
            <option key={cluster.id} value={cluster.id}>
              {cluster.title}
            </option>
          ))}
          <option value={NEW_GROUP}>{t("newGroup")}</option>
        </Select>
      </label>
      {naming ? (
        <form onSubmit={createGroup} className="flex gap-2">
          <Input
            aria-label={t("groupTitle")}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            maxLength={200}
            className="py-1 text-sm"
            autoFocus
          />
          <Button type="submit" variant="secondary" className="min-h-8 px-3 py-1">
            {t("createGroup")}
          </Button>
        </form>
      ) : null}
    </div>
  );
}

function DotControls({ cardId, label, dots }: { cardId: string; label: string; dots: CardDots }) {
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

/** Inline editing on the card's Y.Text: only the changed span is replaced, so concurrent typing merges. */
function CardTextEditor({
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
      onFocus={() => onEditing(card.id)}
      onBlur={() => onEditing(null)}
      onChange={(e) => replaceChangedSpan(getCardText(doc, card.id), card.text, e.target.value)}
      // Grows with its text (at most about ten lines), whatever the card's width.
      className="max-h-64 min-h-0 resize-none border-transparent bg-transparent px-1 py-0.5 shadow-none [field-sizing:content] focus:bg-white/80"
    />
  );
}

function replaceChangedSpan(text: Y.Text, before: string, after: string) {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  text.doc?.transact(() => {
    if (endBefore > start) text.delete(start, endBefore - start);
    if (endAfter > start) text.insert(start, after.slice(start, endAfter));
  });
}
