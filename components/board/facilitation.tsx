"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState, type FormEvent, type ReactNode } from "react";
import type * as Y from "yjs";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/form";
import {
  cancelVotingRound,
  getControlState,
  pauseTimer,
  projectorContent,
  resetSession,
  setJoinUrl,
  setProjectorView,
  resumeTimer,
  revealVotes,
  setLocked,
  setPhase,
  setPrivateMode,
  setSpotlight,
  startTimer,
  startVotingRound,
  timerRemainingMs,
  type ControlState,
  type Timer,
} from "@/lib/board/board-control";
import { useDocVersion } from "@/components/sync/use-synced-doc";
import { Options } from "@/components/ui/options";

/** The facilitator's state, re-read on every change of the control document. */
export function useControlState(doc: Y.Doc): ControlState {
  useDocVersion(doc);
  return getControlState(doc);
}

/** mm:ss left on the shared timer, ticking every second; null when no timer runs. */
export function useCountdown(timer: Timer): string | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (timer.endsAt === null) return;
    const id = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(id);
  }, [timer.endsAt]);
  if (timer.endsAt === null && timer.remainingMs === 0) return null;
  const seconds = Math.ceil(timerRemainingMs(timer, now) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

const TIMER_MINUTES = [3, 5, 10, 15, 20, 30] as const;
const DOT_BUDGETS = [1, 2, 3, 4, 5, 6, 8, 10] as const;

const small = "min-h-8 px-2.5 py-1 text-sm";

/** One labelled cluster of controls in the facilitation bar. */
function BarGroup({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      role="group"
      aria-label={label}
      className="flex flex-wrap items-center gap-1.5 border-line sm:border-r sm:pr-3 sm:last:border-r-0"
    >
      {children}
    </div>
  );
}

/**
 * The facilitator's controls in one compact bar above the board: phase, timer, silent writing,
 * lock, dot voting, what the projector shows, and starting a session afresh. Only rendered for
 * moderators (the server refuses anyone else's writes to the control document).
 */
export function FacilitationBar({
  control,
  children,
}: {
  control: Y.Doc;
  /** Further controls at the bar's end (the preparation drawer's toggle). */
  children?: ReactNode;
}) {
  const t = useTranslations("board.facilitate");
  const tUi = useTranslations("boardUi");
  const state = useControlState(control);
  const [minutes, setMinutes] = useState<number>(10);
  function onPhase(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPhase(control, String(new FormData(event.currentTarget).get("phase") ?? ""));
  }
  return (
    <section
      aria-label={tUi("barLabel")}
      className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-line bg-white px-4 py-2 sm:px-6"
      data-testid="facilitation-bar"
    >
      <form onSubmit={onPhase} className="flex items-center gap-1.5" key={state.phase}>
        <label className="sr-only" htmlFor="facilitate-phase">
          {t("phase")}
        </label>
        <Input
          id="facilitate-phase"
          name="phase"
          defaultValue={state.phase}
          maxLength={100}
          placeholder={`${t("phase")}: ${t("phasePlaceholder")}`}
          className="w-44 py-1 text-sm"
        />
        <Button type="submit" variant="secondary" className={small}>
          {t("setPhase")}
        </Button>
      </form>
      <BarGroup label={t("timer")}>
        <label className="sr-only" htmlFor="facilitate-timer">
          {t("timer")}
        </label>
        <Select
          id="facilitate-timer"
          value={minutes}
          onChange={(e) => setMinutes(Number(e.target.value))}
          className="w-auto py-1 text-sm"
        >
          <Options values={TIMER_MINUTES} label={(m) => tUi("minutesShort", { minutes: m })} />
        </Select>
        <Button
          variant="secondary"
          className={small}
          onClick={() => startTimer(control, { durationMs: minutes * 60_000 })}
        >
          {t("start")}
        </Button>
        {state.timer.endsAt !== null ? (
          <Button variant="ghost" className={small} onClick={() => pauseTimer(control)}>
            {t("pause")}
          </Button>
        ) : state.timer.remainingMs > 0 ? (
          <Button variant="ghost" className={small} onClick={() => resumeTimer(control)}>
            {t("resume")}
          </Button>
        ) : null}
      </BarGroup>
      <BarGroup label={tUi("modes")}>
        <Button
          variant={state.privateMode ? "primary" : "secondary"}
          className={small}
          onClick={() => setPrivateMode(control, !state.privateMode)}
        >
          {state.privateMode ? t("reveal") : t("startPrivate")}
        </Button>
        <Button
          variant={state.locked ? "primary" : "secondary"}
          className={small}
          onClick={() => setLocked(control, !state.locked)}
        >
          {state.locked ? t("unlock") : t("lock")}
        </Button>
      </BarGroup>
      <div className="ml-auto flex flex-wrap items-center gap-1.5">{children}</div>
      <VotingControls control={control} state={state} />
      <ProjectorControls control={control} state={state} />
      <div className="ml-auto flex flex-wrap items-center gap-1.5">
        <ResetSession control={control} />
      </div>
    </section>
  );
}

/** Starting a dot-voting round and revealing its count (the server counts, nobody else sees dots). */
function VotingControls({ control, state }: { control: Y.Doc; state: ControlState }) {
  const t = useTranslations("board.facilitate");
  const tUi = useTranslations("boardUi");
  const [budget, setBudget] = useState<number>(3);
  const [allowMultiple, setAllowMultiple] = useState(false);
  if (state.voting.status === "open") {
    return (
      <BarGroup label={tUi("voting")}>
        <p className="text-sm" data-testid="voting-controls">
          {t("votingOpen", { round: state.voting.round, budget: state.voting.budget })}
        </p>
        <Button className={small} onClick={() => revealVotes(control)}>
          {t("revealVotes")}
        </Button>
        <Button variant="ghost" className={small} onClick={() => cancelVotingRound(control)}>
          {tUi("cancelVoting")}
        </Button>
      </BarGroup>
    );
  }
  return (
    <BarGroup label={tUi("voting")}>
      <label className="flex items-center gap-1.5 text-sm" data-testid="voting-controls">
        {t("dotsPerPerson")}
        <Select
          value={budget}
          onChange={(e) => setBudget(Number(e.target.value))}
          className="w-auto py-1 text-sm"
        >
          <Options values={DOT_BUDGETS} label={(n) => String(n)} />
        </Select>
      </label>
      <label className="flex min-h-8 items-center gap-1.5 text-sm">
        <input
          type="checkbox"
          checked={allowMultiple}
          onChange={(e) => setAllowMultiple(e.target.checked)}
          aria-label={t("allowMultiple")}
        />
        <span aria-hidden>{tUi("allowMultipleShort")}</span>
      </label>
      <Button
        variant="secondary"
        className={small}
        onClick={() => startVotingRound(control, { budget, allowMultiple })}
      >
        {t("startVoting")}
      </Button>
    </BarGroup>
  );
}

/** What the projector shows: the board, the revealed result, a spotlight; and the join code. */
function ProjectorControls({ control, state }: { control: Y.Doc; state: ControlState }) {
  const t = useTranslations("board.facilitate");
  const tUi = useTranslations("boardUi");
  const showing = projectorContent(state).kind;
  const resultReady =
    state.voting.status === "revealed" && state.results?.round === state.voting.round;
  return (
    <BarGroup label={tUi("projectorShows")}>
      <span className="text-sm text-slate-600" aria-hidden>
        {tUi("projectorShows")}:
      </span>
      <Button
        variant={showing === "board" ? "primary" : "secondary"}
        aria-pressed={showing === "board"}
        className={small}
        onClick={() => setProjectorView(control, "board")}
      >
        {tUi("projectorBoard")}
      </Button>
      <Button
        variant={showing === "results" ? "primary" : "secondary"}
        aria-pressed={showing === "results"}
        className={small}
        disabled={!resultReady}
        onClick={() => setProjectorView(control, "results")}
      >
        {tUi("projectorResults")}
      </Button>
      {state.spotlight ? (
        <Button variant="ghost" className={small} onClick={() => setSpotlight(control, null)}>
          {t("endSpotlight")}
        </Button>
      ) : null}
      {state.joinUrl ? (
        <Button variant="ghost" className={small} onClick={() => setJoinUrl(control, null)}>
          {tUi("hideJoinCode")}
        </Button>
      ) : null}
    </BarGroup>
  );
}

/** Clears yesterday's phase, timer, result and spotlight, after asking; the cards stay. */
function ResetSession({ control }: { control: Y.Doc }) {
  const tUi = useTranslations("boardUi");
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button variant="ghost" className={small} onClick={() => setAsking(true)}>
        {tUi("resetSession")}
      </Button>
    );
  }
  return (
    <div
      role="alertdialog"
      aria-label={tUi("resetSession")}
      aria-describedby="reset-session-question"
      className="flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-2 py-1"
    >
      <p id="reset-session-question" className="text-sm text-amber-900">
        {tUi("resetQuestion")}
      </p>
      <Button
        variant="danger"
        className={small}
        autoFocus
        onClick={() => {
          resetSession(control);
          setAsking(false);
        }}
      >
        {tUi("resetConfirm")}
      </Button>
      <Button variant="ghost" className={small} onClick={() => setAsking(false)}>
        {tUi("cancel")}
      </Button>
    </div>
  );
}

/** Phase and countdown as everyone sees them, on the board and (larger) on the projector. */
export function PhaseAndTimer({ control, large = false }: { control: Y.Doc; large?: boolean }) {
  const t = useTranslations("board.facilitate");
  const state = useControlState(control);
  const countdown = useCountdown(state.timer);
  if (!state.phase && !countdown) return null;
  return (
    <div
      className={large ? "flex items-baseline gap-8 text-4xl" : "flex items-baseline gap-3 text-sm"}
      data-testid="phase"
    >
      {state.phase ? <span className="font-semibold">{state.phase}</span> : null}
      {countdown ? (
        <span
          role="timer"
          aria-label={t("timeLeft")}
          className="font-mono tabular-nums"
          data-testid="timer"
        >
          {countdown}
        </span>
      ) : null}
    </div>
  );
}
