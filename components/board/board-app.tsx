"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { startTransition, useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { LocaleSwitch } from "@/components/layout/locale-switch";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Select } from "@/components/ui/form";
import { getControlState, setSpotlight } from "@/lib/board/board-control";
import { getCards, getClusters, getLanes } from "@/lib/board/board-doc";
import { fieldSections, orderLaneCards } from "@/lib/board/board-layout";
import { castDot, getMyDots, getPrivateCards } from "@/lib/board/private-scope";
import { isAppError } from "@/lib/errors";
import type { BoardSession } from "@/lib/workshop/board-access";
import { PresenceList, ShortcutsHelp, SyncBadge } from "./board-header";
import {
  useEditorsByCard,
  useGoalOptions,
  usePresence,
  useStable,
  useUndo,
} from "./board-hooks";
import { BoardDragAndDrop } from "./drag-and-drop";
import { FacilitationBar, PhaseAndTimer, useControlState } from "./facilitation";
import { LaneColumn } from "./lane-column";
import { PrepDrawer } from "./prep-drawer";
import { useDocVersion, useSyncedDoc } from "@/components/sync/use-synced-doc";

/**
 * The live board: lanes and cards, synced with everyone in the workshop. The lanes fill the
 * screen; moderators get a compact facilitation bar and a drawer for preparation, and on a
 * phone the header (phase, countdown) stays in view and a selector jumps between fields.
 */
export function BoardApp({
  session,
  boardState,
}: {
  session: BoardSession;
  /** The board document's state when the page was rendered (base64 Yjs update). */
  boardState?: string;
}) {
  const t = useTranslations("board");
  const tUi = useTranslations("boardUi");
  const { doc, awareness, state } = useSyncedDoc(session.boardDoc, {
    access: session.access,
    state: boardState,
  });
  const control = useSyncedDoc(session.controlDoc, {
    access: session.canModerate ? "write" : "read",
  }).doc;
  const scope = useSyncedDoc(session.privateDoc, { access: "write" }).doc;
  const { spotlight, privateMode, locked, voting, results } = useControlState(control);
  useDocVersion(doc);
  useDocVersion(scope);
  const presence = usePresence(awareness, session.me.name);
  const editors = useEditorsByCard(presence, doc.clientID);
  const lockedOut = locked && !session.canModerate;
  const canEdit = session.access === "write" && state.state !== "denied" && !lockedOut;
  const moderating = session.canModerate && canEdit;
  const undo = useUndo(doc);
  const [drawer, setDrawer] = useState(false);
  const closeDrawer = useCallback(() => setDrawer(false), []);
  const spotlightCard = useCallback(
    (cardId: string) => setSpotlight(control, { kind: "card", id: cardId }),
    [control],
  );
  const spotlightLane = useCallback(
    (laneId: string) => setSpotlight(control, { kind: "lane", id: laneId }),
    [control],
  );
  const onEditing = useCallback(
    (cardId: string | null) => awareness?.setLocalStateField("editing", cardId),
    [awareness],
  );
  const onDot = useCallback(
    (cardId: string, delta: 1 | -1) => {
      const round = getControlState(control).voting;
      try {
        castDot(scope, { voting: round, cardId, delta });
      } catch (error) {
        if (!isAppError(error)) throw error; // budget used up or round closed: buttons catch up
      }
    },
    [control, scope],
  );
  const [sortByVotes, setSortByVotes] = useState(true);
  const lanes = getLanes(doc);
  const cards = getCards(doc);
  const cardLimit = useFirstScreenFirst(cards.length > 0);
  const hiddenCards = session.privateDoc ? getPrivateCards(scope) : [];
  const goals = useGoalOptions(cards);
  const clusters = useStable(getClusters(doc));
  const board = useMemo(() => ({ shared: doc, scope, privateMode }), [doc, scope, privateMode]);
  const sections = fieldSections({ lanes });
  const byField = sections.filter((s) => s.fieldId !== null).length > 1;
  const [sectionIndex, setSectionIndex] = useState(0);
  const section = sections[Math.min(sectionIndex, sections.length - 1)];

  const votingOpen = voting.status === "open" && session.privateDoc !== null && canEdit;
  const myDots = votingOpen ? getMyDots(scope, voting.round) : null;
  const dotsLeft = myDots ? voting.budget - [...myDots.values()].reduce((a, b) => a + b, 0) : 0;
  const totals =
    voting.status === "revealed" && results?.round === voting.round ? results.totals : null;
  const inLane = (laneId: string) =>
    orderLaneCards({
      cards: cards.filter((c) => c.laneId === laneId),
      totals: sortByVotes ? totals : null,
    });

  function jumpTo(index: number) {
    setSectionIndex(index);
    const first = sections[index]?.laneIds[0];
    // On a wide screen all lanes stay; scroll the field's first lane into view.
    document
      .querySelector(`[data-lane-id="${first}"]`)
      ?.scrollIntoView({ behavior: "smooth", inline: "start", block: "nearest" });
  }

  return (
    <div className="flex min-h-screen flex-col">
      <header className="sticky top-0 z-20 border-b border-line bg-white/95 px-4 py-2 backdrop-blur sm:px-6">
        <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
          <div className="min-w-0">
            {session.isMember ? (
              <Link
                href={`/concepts/${session.workshop.conceptId}/workshops`}
                // Not prefetched: the request would compete with the board's own loading.
                prefetch={false}
                className="text-xs text-brand-700 hover:underline"
              >
                ← {t("back")}
              </Link>
            ) : (
              <p className="text-xs text-muted">{t("eyebrow")}</p>
            )}
            <h1 className="truncate text-lg font-semibold">{session.workshop.title}</h1>
          </div>
          {byField ? (
            <label className="flex w-full items-center gap-2 text-sm font-medium sm:order-last lg:order-none lg:w-auto">
              {tUi("jumpToField")}
              <Select
                value={String(Math.min(sectionIndex, sections.length - 1))}
                onChange={(e) => jumpTo(Number(e.target.value))}
                className="w-auto max-w-full min-w-0 flex-1 py-1 text-sm lg:max-w-72"
                data-testid="field-select"
              >
                {sections.map((s, index) => (
                  <option key={s.laneIds[0]} value={index}>
                    {s.title}
                  </option>
                ))}
              </Select>
            </label>
          ) : null}
          <div className="flex flex-wrap items-center gap-2 sm:gap-3">
            <PhaseAndTimer control={control} />
            <PresenceList people={presence} />
            <SyncBadge state={state} />
            {canEdit ? (
              <div role="group" aria-label={t("history")} className="flex gap-1">
                <Button
                  variant="ghost"
                  className="min-h-8 px-2 py-1"
                  disabled={!undo.canUndo}
                  onClick={undo.undo}
                >
                  {t("undo")}
                </Button>
                <Button
                  variant="ghost"
                  className="min-h-8 px-2 py-1"
                  disabled={!undo.canRedo}
                  onClick={undo.redo}
                >
                  {t("redo")}
                </Button>
              </div>
            ) : null}
            {canEdit ? <ShortcutsHelp canModerate={session.canModerate} /> : null}
            {session.isMember ? (
              <a
                href={`/board/${session.workshop.id}/projector`}
                target="_blank"
                rel="noreferrer"
                className="text-sm text-brand-700 hover:underline"
              >
                {t("projector")}
              </a>
            ) : null}
            <LocaleSwitch />
          </div>
        </div>
      </header>

      {moderating ? (
        <FacilitationBar control={control}>
          <Button
            variant={drawer ? "primary" : "secondary"}
            className="min-h-8 px-2.5 py-1 text-sm"
            aria-expanded={drawer}
            aria-controls="prep-drawer"
            onClick={() => setDrawer((open) => !open)}
          >
            {tUi("openDrawer")}
          </Button>
        </FacilitationBar>
      ) : null}
      {moderating ? (
        <PrepDrawer
          doc={doc}
          control={control}
          session={session}
          open={drawer}
          onClose={closeDrawer}
        />
      ) : null}

      {state.state === "denied" ? (
        <p role="alert" className="m-4 rounded-md border border-red-200 bg-red-50 p-4 text-red-800">
          {t(`denied.${state.reason}`)}
        </p>
      ) : null}
      <div className="flex flex-col gap-2 px-4 pt-3 empty:hidden sm:px-6" aria-live="polite">
        {session.access === "read" ? <Notice>{t("readOnly")}</Notice> : null}
        {lockedOut ? <Notice tone="amber">{t("lockedNotice")}</Notice> : null}
        {privateMode ? <Notice>{t("privateModeNotice")}</Notice> : null}
        {myDots ? (
          <Notice tone="brand" testId="dots-left">
            {t("voting.left", { left: dotsLeft, budget: voting.budget })}{" "}
            {voting.allowMultiple ? t("voting.multipleAllowed") : t("voting.oneEach")}
          </Notice>
        ) : null}
        {totals ? (
          <Notice tone="brand" testId="vote-results">
            {t("voting.revealed", { voters: results!.voters })}{" "}
            <button
              type="button"
              className="font-medium underline"
              onClick={() => setSortByVotes((on) => !on)}
            >
              {sortByVotes ? t("voting.boardOrder") : t("voting.sortByVotes")}
            </button>
          </Notice>
        ) : null}
      </div>

      <BoardDragAndDrop doc={doc}>
        <main className="flex flex-1 flex-col gap-4 overflow-x-auto p-4 sm:flex-row sm:items-start sm:p-6">
          {lanes.length === 0 ? (
            <p className="text-muted">
              {session.canModerate ? t("noLanesModerator") : t("noLanes")}
            </p>
          ) : (
            lanes.map((lane, laneIndex) => (
              <LaneColumn
                key={lane.id}
                lane={lane}
                lanes={lanes}
                laneIndex={laneIndex}
                cards={inLane(lane.id)}
                hiddenCards={hiddenCards.filter(
                  (c) =>
                    c.laneId === lane.id ||
                    (laneIndex === 0 && !lanes.some((l) => l.id === c.laneId)),
                )}
                board={board}
                canEdit={canEdit}
                canModerate={session.canModerate}
                me={session.me}
                editors={editors}
                goals={goals}
                onSpotlightCard={moderating ? spotlightCard : null}
                spotlit={spotlight?.kind === "lane" && spotlight.id === lane.id}
                onSpotlight={moderating ? spotlightLane : null}
                onEditing={onEditing}
                voting={
                  myDots
                    ? {
                        mine: myDots,
                        left: dotsLeft,
                        allowMultiple: voting.allowMultiple,
                        onChange: onDot,
                      }
                    : null
                }
                totals={totals}
                sortedByVotes={totals !== null && sortByVotes}
                clusters={clusters}
                hiddenOnPhone={byField && !section?.laneIds.includes(lane.id)}
                cardLimit={cardLimit}
              />
            ))
          )}
        </main>
      </BoardDragAndDrop>
    </div>
  );
}

/** Cards per lane that fill a first screen (a projector, a laptop). */
const FIRST_SCREEN_CARDS = 12;

/**
 * How many cards each lane renders: at first only a screenful, so a board of hundreds of cards
 * shows and takes input at once; the rest follow in a transition, which React renders in small
 * slices between the person's input and the socket's messages.
 */
function useFirstScreenFirst(hasCards: boolean): number {
  const [all, setAll] = useState(false);
  useEffect(() => {
    if (hasCards && !all) startTransition(() => setAll(true));
  }, [hasCards, all]);
  return all ? Number.POSITIVE_INFINITY : FIRST_SCREEN_CARDS;
}

function Notice({
  tone = "neutral",
  testId,
  children,
}: {
  tone?: "neutral" | "amber" | "brand";
  testId?: string;
  children: ReactNode;
}) {
  const tones = {
    neutral: "bg-slate-100 text-slate-800",
    amber: "bg-amber-50 text-amber-900",
    brand: "bg-brand-50 text-brand-800",
  };
  return (
    <p className={cn("rounded-md px-4 py-2 text-sm", tones[tone])} data-testid={testId}>
      {children}
    </p>
  );
}
