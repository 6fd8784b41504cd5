"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { memo, useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from "react";
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
  getCardText,
  getCards,
  getLanes,
  moveCard,
  removeCard,
  setCardKind,
  type Card,
  type Lane,
} from "@/lib/board/board-doc";
import { setJoinUrl, setSpotlight } from "@/lib/board/board-control";
import {
  cardKinds,
  laneTemplates,
  type CardKind,
  type LaneTemplate,
} from "@/lib/board/board-schema";
import { isAppError } from "@/lib/errors";
import type { BoardSession } from "@/lib/workshop/board-access";
import { FacilitationControls, PhaseAndTimer, useControlState } from "./facilitation";
import { InvitePanel } from "./invite-panel";
import { MeasureDetails, type GoalOption } from "./measure-details";
import { useDocVersion, useSyncedDoc, type BoardSyncState } from "./use-synced-doc";
import { Options } from "@/components/ui/options";

const KIND_STYLE: Record<CardKind, string> = {
  idea: "border-amber-300 bg-amber-50",
  goal: "border-sky-300 bg-sky-50",
  measure: "border-emerald-300 bg-emerald-50",
  question: "border-fuchsia-300 bg-fuchsia-50",
};

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
  const spotlight = useControlState(control).spotlight;
  useDocVersion(doc);
  const presence = usePresence(awareness, session.me.name);
  const canEdit = session.access === "write" && state.state !== "denied";
  const undo = useUndo(doc);
  const spotlightCard = useCallback(
    (cardId: string) => setSpotlight(control, { kind: "card", id: cardId }),
    [control],
  );
  const onEditing = useCallback(
    (cardId: string | null) => awareness?.setLocalStateField("editing", cardId),
    [awareness],
  );
  const lanes = getLanes(doc);
  const cards = getCards(doc);
  const goals = useGoalOptions(cards);

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
      {session.access === "read" ? (
        <p className="mx-4 mt-4 rounded-md bg-brand-50 px-4 py-2 text-sm text-brand-800 sm:mx-6">
          {t("readOnly")}
        </p>
      ) : null}

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
            <InvitePanel
              workshopId={session.workshop.id}
              onShowOnProjector={(url) => setJoinUrl(control, url)}
            />
          </div>
        </details>
      ) : null}

      <main className="flex flex-1 flex-col gap-4 overflow-x-auto p-4 sm:flex-row sm:items-start sm:p-6">
        {lanes.length === 0 ? (
          <p className="text-muted">{session.canModerate ? t("noLanesModerator") : t("noLanes")}</p>
        ) : (
          lanes.map((lane, laneIndex) => (
            <LaneColumn
              key={lane.id}
              doc={doc}
              lane={lane}
              lanes={lanes}
              laneIndex={laneIndex}
              cards={cards.filter((c) => c.laneId === lane.id)}
              canEdit={canEdit}
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
            />
          ))
        )}
      </main>
    </div>
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

function LaneColumn({
  doc,
  lane,
  lanes,
  laneIndex,
  cards,
  canEdit,
  me,
  presence,
  goals,
  onSpotlightCard,
  spotlit,
  onSpotlight,
  onEditing,
}: {
  doc: Y.Doc;
  lane: Lane;
  lanes: Lane[];
  laneIndex: number;
  cards: Card[];
  canEdit: boolean;
  me: BoardSession["me"];
  presence: Presence[];
  goals: GoalOption[];
  onSpotlightCard: ((cardId: string) => void) | null;
  spotlit: boolean;
  onSpotlight: (() => void) | null;
  onEditing: (cardId: string | null) => void;
}) {
  const t = useTranslations("board");
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (spotlit)
      ref.current?.scrollIntoView({ behavior: "smooth", inline: "center", block: "nearest" });
  }, [spotlit]);
  return (
    <section
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
      <ul className="flex flex-col gap-2">
        {cards.map((card, index) => (
          <li key={card.id}>
            <CardView
              doc={doc}
              card={card}
              canEdit={canEdit}
              editors={presence
                .filter((p) => p.editing === card.id && p.clientId !== doc.clientID)
                .map((p) => p.name)
                .join(", ")}
              onEditing={onEditing}
              laneId={lane.id}
              previousLaneId={lanes[laneIndex - 1]?.id ?? null}
              nextLaneId={lanes[laneIndex + 1]?.id ?? null}
              index={index}
              isLast={index === cards.length - 1}
              goals={goals}
              onSpotlight={onSpotlightCard}
            />
          </li>
        ))}
      </ul>
      {canEdit ? <NewCardForm doc={doc} laneId={lane.id} me={me} /> : null}
      {cards.length === 0 && !canEdit ? (
        <p className="px-1 text-sm text-muted">{t("emptyLane")}</p>
      ) : null}
    </section>
  );
}

interface CardViewProps {
  doc: Y.Doc;
  card: Card;
  canEdit: boolean;
  /** Names of the others editing this card right now, joined. */
  editors: string;
  onEditing: (cardId: string | null) => void;
  laneId: string;
  previousLaneId: string | null;
  nextLaneId: string | null;
  index: number;
  isLast: boolean;
  /** Goal cards a measure can be linked to. */
  goals: GoalOption[];
  /** For moderators: put this card on the projector. */
  onSpotlight: ((cardId: string) => void) | null;
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

/**
 * One card. Memoised on what it shows: with hundreds of cards on a board, an edit re-renders
 * only the card that changed.
 */
const CardView = memo(
  function CardView({
    doc,
    card,
    canEdit,
    editors,
    onEditing,
    laneId,
    previousLaneId,
    nextLaneId,
    index,
    isLast,
    goals,
    onSpotlight,
  }: CardViewProps) {
    const t = useTranslations("board");
    const move = {
      left: previousLaneId ? () => moveCard(doc, card.id, { laneId: previousLaneId, index }) : null,
      right: nextLaneId ? () => moveCard(doc, card.id, { laneId: nextLaneId, index }) : null,
      up: index > 0 ? () => moveCard(doc, card.id, { laneId, index: index - 1 }) : null,
      down: !isLast ? () => moveCard(doc, card.id, { laneId, index: index + 1 }) : null,
    };
    const label = card.text.slice(0, 40) || t(`kinds.${card.kind}`);
    return (
      <article
        className={cn(
          "rounded-md border-l-4 p-3 shadow-xs",
          KIND_STYLE[card.kind],
          editors && "ring-2 ring-brand-600",
        )}
        data-testid="card"
        aria-label={`${t(`kinds.${card.kind}`)}: ${label}`}
      >
        <div className="mb-1 flex items-center justify-between gap-2">
          {canEdit ? (
            <Select
              aria-label={t("kind")}
              value={card.kind}
              onChange={(e) => setCardKind(doc, card.id, e.target.value as CardKind)}
              className="w-auto py-0.5 pr-7 pl-2 text-xs"
            >
              <Options values={cardKinds} label={(kind) => t(`kinds.${kind}`)} />
            </Select>
          ) : (
            <Badge>{t(`kinds.${card.kind}`)}</Badge>
          )}
          <span className="truncate text-xs text-muted">{card.author?.name ?? t("anonymous")}</span>
        </div>
        {canEdit ? (
          <CardTextEditor doc={doc} card={card} onEditing={onEditing} />
        ) : (
          <p className="whitespace-pre-wrap break-words text-base">{card.text}</p>
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
        {canEdit ? (
          <div
            className="mt-2 flex flex-wrap gap-1"
            role="group"
            aria-label={t("moveCard", { card: label })}
          >
            {(["left", "right", "up", "down"] as const).map((direction) => (
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
            ))}
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
          </div>
        ) : null}
      </article>
    );
  },
  (a, b) =>
    sameCard(a.card, b.card) &&
    a.canEdit === b.canEdit &&
    a.editors === b.editors &&
    a.laneId === b.laneId &&
    a.previousLaneId === b.previousLaneId &&
    a.nextLaneId === b.nextLaneId &&
    a.index === b.index &&
    a.isLast === b.isLast &&
    a.doc === b.doc &&
    a.onEditing === b.onEditing &&
    a.goals === b.goals &&
    a.onSpotlight === b.onSpotlight,
);

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
      rows={Math.min(6, Math.max(2, Math.ceil(card.text.length / 32)))}
      maxLength={1000}
      onFocus={() => onEditing(card.id)}
      onBlur={() => onEditing(null)}
      onChange={(e) => replaceChangedSpan(getCardText(doc, card.id), card.text, e.target.value)}
      className="min-h-0 resize-none border-transparent bg-transparent px-1 py-0.5 shadow-none focus:bg-white/80"
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

function NewCardForm({ doc, laneId, me }: { doc: Y.Doc; laneId: string; me: BoardSession["me"] }) {
  const t = useTranslations("board");
  const [error, setError] = useState<string | null>(null);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = String(data.get("text") ?? "").trim();
    if (!text) return setError(t("errors.empty"));
    try {
      addCard(doc, {
        laneId,
        text,
        kind: String(data.get("kind")) as CardKind,
        author: data.get("anonymous") ? null : me,
      });
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

/** The goal cards, as a list whose identity only changes when the goals do (keeps cards memoised). */
function useGoalOptions(cards: Card[]): GoalOption[] {
  const goals = cards.filter((c) => c.kind === "goal").map((c) => ({ id: c.id, text: c.text }));
  const key = JSON.stringify(goals);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the list
  return useMemo(() => goals, [key]);
}
