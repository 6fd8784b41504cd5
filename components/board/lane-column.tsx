"use client";

import { useTranslations } from "next-intl";
import { memo, useEffect, useRef } from "react";
import { cn } from "@/components/ui/cn";
import { removeCluster, sameCard, type Card, type Cluster, type Lane } from "@/lib/board/board-doc";
import { cardMoves, laneOrder, laneSegments } from "@/lib/board/board-layout";
import type { PrivateCard } from "@/lib/board/private-scope";
import type { BoardSession } from "@/lib/workshop/board-access";
import { CardView, type CardDots } from "./card-view";
import { CardDragHandle, DropLane } from "./drag-and-drop";
import type { GoalOption } from "./measure-details";
import { NewCardForm, type BoardDocs } from "./new-card-form";

export interface LaneProps {
  lane: Lane;
  lanes: Lane[];
  laneIndex: number;
  /** The lane's cards on the shared board, in the order shown. */
  cards: Card[];
  /** This person's own cards for this lane that only they see yet. */
  hiddenCards: PrivateCard[];
  board: BoardDocs;
  canEdit: boolean;
  canModerate: boolean;
  me: BoardSession["me"];
  /** Card id → the names of the others editing it right now. */
  editors: Readonly<Record<string, string>>;
  goals: GoalOption[];
  onSpotlightCard: ((cardId: string) => void) | null;
  spotlit: boolean;
  /** For moderators: put a lane on the projector. */
  onSpotlight: ((laneId: string) => void) | null;
  onEditing: (cardId: string | null) => void;
  /** Dot voting while a round is open. */
  voting: {
    mine: Map<string, number>;
    left: number;
    allowMultiple: boolean;
    onChange: CardDots["onChange"];
  } | null;
  /** Dots per card of a revealed round. */
  totals: Readonly<Record<string, number>> | null;
  /** The cards are shown by dots, not in board order: no moving then. */
  sortedByVotes: boolean;
  /** All clusters of the board. */
  clusters: Cluster[];
  /** On a phone, lanes of other fields than the chosen one are hidden. */
  hiddenOnPhone: boolean;
  /** How many of the lane's cards to render (all but the first screen's come a moment later). */
  cardLimit: number;
}

const noEditing = () => undefined;

const sameList = <T,>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean) =>
  a === b || (a.length === b.length && a.every((x, i) => same(x, b[i]!)));

const sameVoting = (a: LaneProps["voting"], b: LaneProps["voting"]) =>
  a === b ||
  (!!a &&
    !!b &&
    a.left === b.left &&
    a.allowMultiple === b.allowMultiple &&
    a.onChange === b.onChange &&
    a.mine.size === b.mine.size &&
    [...a.mine].every(([cardId, dots]) => b.mine.get(cardId) === dots));

/**
 * Whether a lane shows the same as before. The board re-renders on every change of any of its
 * documents (a keystroke on one card, someone's presence, the timer's phase); with hundreds of
 * cards only the lanes whose content changed render again.
 */
function sameLane(a: LaneProps, b: LaneProps): boolean {
  return (
    a.lane.id === b.lane.id &&
    a.lane.title === b.lane.title &&
    a.laneIndex === b.laneIndex &&
    sameList(a.lanes, b.lanes, (x, y) => x.id === y.id) &&
    sameList(a.cards, b.cards, sameCard) &&
    sameList(a.hiddenCards, b.hiddenCards, (x, y) => sameCard(x, y) && x.anonymous === y.anonymous) &&
    a.board === b.board &&
    a.canEdit === b.canEdit &&
    a.canModerate === b.canModerate &&
    a.me === b.me &&
    a.editors === b.editors &&
    a.goals === b.goals &&
    a.onSpotlightCard === b.onSpotlightCard &&
    a.spotlit === b.spotlit &&
    a.onSpotlight === b.onSpotlight &&
    a.onEditing === b.onEditing &&
    sameVoting(a.voting, b.voting) &&
    JSON.stringify(a.totals) === JSON.stringify(b.totals) &&
    a.sortedByVotes === b.sortedByVotes &&
    a.clusters === b.clusters &&
    a.hiddenOnPhone === b.hiddenOnPhone &&
    a.cardLimit === b.cardLimit
  );
}

/** One lane: its title, its ungrouped cards, its groups, the person's hidden cards, a new card. */
export const LaneColumn = memo(function LaneColumn({
  lane,
  lanes,
  laneIndex,
  cards,
  hiddenCards,
  board,
  canEdit,
  canModerate,
  me,
  editors,
  goals,
  onSpotlightCard,
  spotlit,
  onSpotlight,
  onEditing,
  voting,
  totals,
  sortedByVotes,
  clusters,
  hiddenOnPhone,
  cardLimit,
}: LaneProps) {
  const t = useTranslations("board");
  const ref = useRef<HTMLElement>(null);
  const order = laneOrder(cards);
  let budget = cardLimit;
  const segments = laneSegments({ laneId: lane.id, cards, clusters }).map((segment) => {
    const shown = segment.cards.slice(0, Math.max(0, budget));
    budget -= shown.length;
    return { ...segment, shown };
  });
  useEffect(() => {
    if (spotlit)
      ref.current?.scrollIntoView({ behavior: "smooth", inline: "center", block: "nearest" });
  }, [spotlit]);
  return (
    <DropLane
      laneId={lane.id}
      ref={ref}
      aria-labelledby={`lane-${lane.id}`}
      className={cn(
        "flex w-full shrink-0 flex-col gap-3 rounded-lg bg-slate-100 p-3 sm:w-80",
        spotlit && "bg-brand-50 ring-4 ring-brand-600",
        hiddenOnPhone && "max-sm:hidden",
      )}
      data-testid="lane"
      data-lane-id={lane.id}
      data-spotlight={spotlit || undefined}
    >
      <div className="flex items-start justify-between gap-2 px-1">
        <h2 id={`lane-${lane.id}`} lang="de" className="font-semibold break-words hyphens-auto">
          {lane.title}
        </h2>
        {onSpotlight && !spotlit ? (
          <button
            type="button"
            onClick={() => onSpotlight(lane.id)}
            className="shrink-0 text-xs text-brand-700 hover:underline"
            aria-label={t("spotlightLane", { lane: lane.title })}
          >
            {t("spotlight")}
          </button>
        ) : null}
      </div>
      {segments.map(({ cluster, cards: segment, shown }) => (
        <div
          key={cluster?.id ?? "ungrouped"}
          className={cn(
            cluster && "rounded-md border border-slate-300 bg-white/60 p-2",
            !cluster && segment.length === 0 && "hidden",
          )}
          data-testid={cluster ? "cluster" : undefined}
        >
          {cluster ? (
            <div className="mb-2 flex items-center justify-between gap-2 px-1">
              <h3 className="text-sm font-semibold">{cluster.title}</h3>
              {canEdit ? (
                <button
                  type="button"
                  onClick={() => removeCluster(board.shared, cluster.id)}
                  className="text-xs text-muted hover:underline"
                >
                  {t("ungroup")}
                </button>
              ) : null}
            </div>
          ) : null}
          <ul className="flex flex-col gap-2">
            {shown.map((card, position) => {
              const mine = voting?.mine.get(card.id) ?? 0;
              return (
                <li
                  key={card.id}
                  data-card-id={card.id}
                  // Off-screen cards skip layout and paint until scrolled to.
                  className="flex items-stretch gap-1 [contain-intrinsic-size:auto_8rem] [content-visibility:auto]"
                >
                  {canEdit && !sortedByVotes ? (
                    <CardDragHandle cardId={card.id} label={card.text.slice(0, 40)} />
                  ) : null}
                  <div className="min-w-0 flex-1">
                    <CardView
                      doc={board.shared}
                      card={card}
                      hidden={null}
                      canEdit={canEdit}
                      canEditText={card.author !== null}
                      canDelete={canModerate || (card.author !== null && card.author.id === me.id)}
                      editors={editors[card.id] ?? ""}
                      onEditing={onEditing}
                      moves={
                        sortedByVotes
                          ? null
                          : cardMoves({ lanes, laneIndex, order, segment, position })
                      }
                      goals={goals}
                      clusters={clusters}
                      onSpotlight={onSpotlightCard}
                      dots={
                        voting
                          ? {
                              mine,
                              canAdd: voting.left > 0 && (voting.allowMultiple || mine === 0),
                              onChange: voting.onChange,
                            }
                          : null
                      }
                      votes={totals ? (totals[card.id] ?? 0) : null}
                    />
                  </div>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      <ul className="flex flex-col gap-2 empty:hidden">
        {hiddenCards.map((card) => (
          <li key={card.id} data-card-id={card.id}>
            <CardView
              doc={board.scope}
              card={card}
              hidden={card.anonymous && !board.privateMode ? "anonymous" : "private"}
              canEdit={canEdit}
              canEditText
              canDelete
              editors=""
              onEditing={noEditing}
              moves={null}
              goals={[]}
              clusters={clusters}
              onSpotlight={null}
              dots={null}
              votes={null}
            />
          </li>
        ))}
      </ul>
      {canEdit ? <NewCardForm board={board} laneId={lane.id} me={me} /> : null}
      {cards.length === 0 && hiddenCards.length === 0 && !canEdit ? (
        <p className="px-1 text-sm text-muted">{t("emptyLane")}</p>
      ) : null}
    </DropLane>
  );
}, sameLane);
