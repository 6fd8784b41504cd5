"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
} from "react";
import type { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { LocaleSwitch } from "@/components/layout/locale-switch";
import { Badge } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Select, Textarea } from "@/components/ui/form";
import {
  addCard,
  addLane,
  applyLaneTemplate,
  getCards,
  getClusters,
  getLanes,
  removeCluster,
  type Card,
  type Cluster,
  type Lane,
} from "@/lib/board/board-doc";
import { getControlState, setJoinUrl, setSpotlight } from "@/lib/board/board-control";
import {
  laneTemplates,
  type CardKind,
  type LaneTemplate,
  cardKinds,
} from "@/lib/board/board-schema";
import {
  addPrivateCard,
  castDot,
  getMyDots,
  getPrivateCards,
  type PrivateCard,
} from "@/lib/board/private-scope";
import { isAppError } from "@/lib/errors";
import type { BoardSession } from "@/lib/workshop/board-access";
import { FacilitationControls, PhaseAndTimer, useControlState } from "./facilitation";
import { InvitePanel } from "./invite-panel";
import { CardView, type CardDots } from "./card-view";
import { CommitPanel } from "./commit-panel";
import { BoardDragAndDrop, CardDragHandle, DropLane } from "./drag-and-drop";
import type { GoalOption } from "./measure-details";
import { useDocVersion, useSyncedDoc, type BoardSyncState } from "./use-synced-doc";
import { Options } from "@/components/ui/options";

interface Presence {
  clientId: number;
  name: string;
  editing: string | null;
}

/** The live board: lanes and cards, synced with everyone in the workshop. */
export function BoardApp({ session }: { session: BoardSession }) {
  const t = useTranslations("board");
  const { doc, awareness, state } = useSyncedDoc(session.boardDoc);
  const control = useSyncedDoc(session.controlDoc).doc;
  const scope = useSyncedDoc(session.privateDoc).doc;
  const { spotlight, privateMode, locked, voting, results } = useControlState(control);
  useDocVersion(doc);
  useDocVersion(scope);
  const presence = usePresence(awareness, session.me.name);
  const lockedOut = locked && !session.canModerate;
  const canEdit = session.access === "write" && state.state !== "denied" && !lockedOut;
  const undo = useUndo(doc);
  const spotlightCard = useCallback(
    (cardId: string) => setSpotlight(control, { kind: "card", id: cardId }),
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
  const hiddenCards = session.privateDoc ? getPrivateCards(scope) : [];
  const goals = useGoalOptions(cards);
  const clusters = useStable(getClusters(doc));
  const board = useMemo(() => ({ shared: doc, scope, privateMode }), [doc, scope, privateMode]);

  const votingOpen = voting.status === "open" && session.privateDoc !== null && canEdit;
  const myDots = votingOpen ? getMyDots(scope, voting.round) : null;
  const dotsLeft = myDots ? voting.budget - [...myDots.values()].reduce((a, b) => a + b, 0) : 0;
  const totals =
    voting.status === "revealed" && results?.round === voting.round ? results.totals : null;
  const inLane = (laneId: string) => {
    const lane = cards.filter((c) => c.laneId === laneId);
    return totals && sortByVotes
      ? [...lane].sort((a, b) => (totals[b.id] ?? 0) - (totals[a.id] ?? 0))
      : lane;
  };

  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-line bg-white px-4 py-3 sm:px-6">
        <div className="min-w-0">
          {session.isMember ? (
            <Link
              href={`/concepts/${session.workshop.conceptId}/workshops`}
              className="text-sm text-brand-700 hover:underline"
            >
              ← {t("back")}
            </Link>
          ) : (
            <p className="text-sm text-muted">{t("eyebrow")}</p>
          )}
          <h1 className="truncate text-xl font-semibold">{session.workshop.title}</h1>
        </div>
        <div className="flex flex-wrap items-center gap-3">
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
      </header>

      {state.state === "denied" ? (
        <p role="alert" className="m-4 rounded-md border border-red-200 bg-red-50 p-4 text-red-800">
          {t(`denied.${state.reason}`)}
        </p>
      ) : null}
      <div className="flex flex-col gap-2 px-4 pt-4 empty:hidden sm:px-6" aria-live="polite">
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

      {session.canModerate && canEdit ? (
        <details open className="border-b border-line bg-white px-4 py-3 sm:px-6">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">
            {t("facilitation")}
          </summary>
          <div className="mt-3 grid gap-6 lg:grid-cols-2">
            <div className="space-y-6">
              <FacilitationControls control={control} />
              <ModeratorBar doc={doc} fields={session.fields} />
            </div>
            <div className="space-y-6">
              <InvitePanel
                workshopId={session.workshop.id}
                onShowOnProjector={(url) => setJoinUrl(control, url)}
              />
              <CommitPanel
                doc={doc}
                workshopId={session.workshop.id}
                conceptId={session.workshop.conceptId}
                defaultMessage={session.workshop.title}
              />
            </div>
          </div>
        </details>
      ) : null}

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
                presence={presence}
                goals={goals}
                onSpotlightCard={session.canModerate && canEdit ? spotlightCard : null}
                spotlit={spotlight?.kind === "lane" && spotlight.id === lane.id}
                onSpotlight={
                  session.canModerate && canEdit
                    ? () => setSpotlight(control, { kind: "lane", id: lane.id })
                    : null
                }
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
              />
            ))
          )}
        </main>
      </BoardDragAndDrop>
    </div>
  );
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

function ModeratorBar({ doc, fields }: { doc: Y.Doc; fields: BoardSession["fields"] }) {
  const t = useTranslations("board");
  const [template, setTemplate] = useState<LaneTemplate>("goals_measures");
  const labels = {
    strengths: t("stockTake.strengths"),
    gaps: t("stockTake.gaps"),
    offers: t("stockTake.offers"),
    free: t("freeLane"),
  };
  return (
    <div className="flex flex-wrap items-end gap-3">
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t("template")}
        <Select
          value={template}
          onChange={(e) => setTemplate(e.target.value as LaneTemplate)}
          className="w-auto max-w-full"
        >
          <Options values={laneTemplates} label={(name) => t(`templates.${name}`)} />
        </Select>
      </label>
      <Button
        variant="secondary"
        onClick={() => applyLaneTemplate(doc, { template, fields, labels })}
      >
        {t("applyTemplate")}
      </Button>
      <Button
        variant="ghost"
        onClick={() => addLane(doc, { title: `${labels.free} ${getLanes(doc).length + 1}` })}
      >
        {t("addLane")}
      </Button>
    </div>
  );
}

interface LaneProps {
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
  presence: Presence[];
  goals: GoalOption[];
  onSpotlightCard: ((cardId: string) => void) | null;
  spotlit: boolean;
  onSpotlight: (() => void) | null;
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
}

/** The two documents a participant writes: the shared board and their private scope. */
interface BoardDocs {
  shared: Y.Doc;
  scope: Y.Doc;
  privateMode: boolean;
}

const noEditing = () => undefined;

function LaneColumn({
  lane,
  lanes,
  laneIndex,
  cards,
  hiddenCards,
  board,
  canEdit,
  canModerate,
  me,
  presence,
  goals,
  onSpotlightCard,
  spotlit,
  onSpotlight,
  onEditing,
  voting,
  totals,
  sortedByVotes,
  clusters,
}: LaneProps) {
  const t = useTranslations("board");
  const ref = useRef<HTMLElement>(null);
  // Ungrouped cards first, then each group of the lane under its title.
  const order = new Map(cards.map((card, index) => [card.id, index]));
  const laneClusters = clusters.filter((c) => c.laneId === lane.id);
  const grouped = new Set(laneClusters.map((c) => c.id));
  const segments = [
    { cluster: null, cards: cards.filter((c) => !c.clusterId || !grouped.has(c.clusterId)) },
    ...laneClusters.map((cluster) => ({
      cluster,
      cards: cards.filter((c) => c.clusterId === cluster.id),
    })),
  ];
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
      )}
      data-testid="lane"
      data-spotlight={spotlit || undefined}
    >
      <div className="flex items-start justify-between gap-2 px-1">
        <h2 id={`lane-${lane.id}`} className="font-semibold">
          {lane.title}
        </h2>
        {onSpotlight && !spotlit ? (
          <button
            type="button"
            onClick={onSpotlight}
            className="shrink-0 text-xs text-brand-700 hover:underline"
            aria-label={t("spotlightLane", { lane: lane.title })}
          >
            {t("spotlight")}
          </button>
        ) : null}
      </div>
      {segments.map(({ cluster, cards: segment }) => (
        <div
          key={cluster?.id ?? "ungrouped"}
          className={cn(cluster && "rounded-md border border-slate-300 bg-white/60 p-2")}
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
            {segment.map((card, i) => {
              const mine = voting?.mine.get(card.id) ?? 0;
              const at = order.get(card.id)!;
              // Index among the lane's other cards (this one taken out).
              const indexOf = (other: Card) =>
                order.get(other.id)! - (order.get(other.id)! > at ? 1 : 0);
              const above = segment[i - 1];
              const below = segment[i + 1];
              return (
                <li
                  key={card.id}
                  data-card-id={card.id}
                  // Off-screen cards skip layout and paint until scrolled to.
                  className="flex items-stretch gap-1 [contain-intrinsic-size:auto_12rem] [content-visibility:auto]"
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
                      editors={presence
                        .filter(
                          (p) => p.editing === card.id && p.clientId !== board.shared.clientID,
                        )
                        .map((p) => p.name)
                        .join(", ")}
                      onEditing={onEditing}
                      moves={
                        sortedByVotes
                          ? null
                          : {
                              laneId: lane.id,
                              previousLaneId: lanes[laneIndex - 1]?.id ?? null,
                              nextLaneId: lanes[laneIndex + 1]?.id ?? null,
                              index: at,
                              upIndex: above ? indexOf(above) : null,
                              downIndex: below ? indexOf(below) + 1 : null,
                            }
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
          <li key={card.id}>
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
}

function NewCardForm({
  board,
  laneId,
  me,
}: {
  board: BoardDocs;
  laneId: string;
  me: BoardSession["me"];
}) {
  const t = useTranslations("board");
  const [error, setError] = useState<string | null>(null);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = String(data.get("text") ?? "").trim();
    if (!text) return setError(t("errors.empty"));
    const kind = String(data.get("kind")) as CardKind;
    const anonymous = data.get("anonymous") !== null;
    try {
      // Private-mode and anonymous cards go to the private scope; the server publishes them.
      if (board.privateMode || anonymous)
        addPrivateCard(board.scope, { laneId, text, kind, author: me, anonymous });
      else addCard(board.shared, { laneId, text, kind, author: me });
      setError(null);
      form.reset();
    } catch (e) {
      setError(isAppError(e) ? t("errors.invalid") : t("errors.failed"));
    }
  }
  return (
    <form
      onSubmit={onSubmit}
      className="space-y-2 rounded-md bg-white p-2"
      aria-label={t("newCard")}
    >
      <Textarea
        name="text"
        aria-label={t("newCardText")}
        placeholder={t("newCardPlaceholder")}
        rows={2}
        maxLength={1000}
        className="min-h-0"
      />
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <Select
          name="kind"
          aria-label={t("kind")}
          defaultValue="idea"
          className="w-auto py-1 text-sm"
        >
          <Options values={cardKinds} label={(kind) => t(`kinds.${kind}`)} />
        </Select>
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" name="anonymous" /> {t("anonymous")}
        </label>
        <Button type="submit" className="ml-auto min-h-8 px-3 py-1">
          {t("add")}
        </Button>
      </div>
    </form>
  );
}

function SyncBadge({ state }: { state: BoardSyncState }) {
  const t = useTranslations("board.sync");
  const key =
    state.state === "connected"
      ? state.synced
        ? "connected"
        : "syncing"
      : state.state === "denied"
        ? "denied"
        : state.state;
  const tone = key === "connected" ? "green" : key === "denied" ? "red" : "amber";
  return (
    <span role="status" data-testid="sync-status" data-state={key}>
      <Badge tone={tone}>{t(key)}</Badge>
    </span>
  );
}

function PresenceList({ people }: { people: Presence[] }) {
  const t = useTranslations("board");
  return (
    <ul aria-label={t("present")} className="flex flex-wrap gap-1" data-testid="presence">
      {people.map((p) => (
        <li
          key={p.clientId}
          className="rounded-full bg-brand-50 px-2.5 py-1 text-xs font-medium text-brand-800"
        >
          {p.name}
        </li>
      ))}
    </ul>
  );
}

/** Everyone on the board right now (including me), from the provider's awareness. */
function usePresence(awareness: Awareness | null, myName: string): Presence[] {
  const [people, setPeople] = useState<Presence[]>([]);
  useEffect(() => {
    if (!awareness) return;
    awareness.setLocalStateField("user", { name: myName });
    const read = () =>
      setPeople(
        [...awareness.getStates().entries()]
          .filter(([, state]) => state.user?.name)
          .map(([clientId, state]) => ({
            clientId,
            name: String(state.user.name),
            editing: state.editing ?? null,
          })),
      );
    read();
    awareness.on("change", read);
    return () => awareness.off("change", read);
  }, [awareness, myName]);
  return people;
}

/**
 * Undo and redo of this person's own changes only (Yjs tracks the local origin), also with
 * Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z outside text fields.
 */
function useUndo(doc: Y.Doc) {
  const [manager] = useState(
    () =>
      new Y.UndoManager([
        doc.getMap("lanes"),
        doc.getMap("cards"),
        doc.getMap("clusters"),
        doc.getMap("votes"),
      ]),
  );
  const [, setTick] = useState(0);
  useEffect(() => {
    const changed = () => setTick((n) => n + 1);
    manager.on("stack-item-added", changed);
    manager.on("stack-item-popped", changed);
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== "z") return;
      if (target && (target.tagName === "TEXTAREA" || target.tagName === "INPUT")) return;
      event.preventDefault();
      if (event.shiftKey) manager.redo();
      else manager.undo();
    };
    window.addEventListener("keydown", onKey);
    return () => {
      manager.off("stack-item-added", changed);
      manager.off("stack-item-popped", changed);
      window.removeEventListener("keydown", onKey);
    };
  }, [manager]);
  useEffect(() => () => manager.destroy(), [manager]);
  return {
    canUndo: manager.undoStack.length > 0,
    canRedo: manager.redoStack.length > 0,
    undo: () => manager.undo(),
    redo: () => manager.redo(),
  };
}

/** The goal cards a measure can be linked to. */
function useGoalOptions(cards: Card[]): GoalOption[] {
  return useStable(cards.filter((c) => c.kind === "goal").map((c) => ({ id: c.id, text: c.text })));
}

/** A list whose identity only changes when its content does (keeps cards memoised). */
function useStable<T>(list: T[]): T[] {
  const key = JSON.stringify(list);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the list
  return useMemo(() => list, [key]);
}
