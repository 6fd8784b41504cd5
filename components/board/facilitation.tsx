"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState, type FormEvent } from "react";
import type * as Y from "yjs";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/form";
import {
  getControlState,
  pauseTimer,
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
import { useDocVersion } from "./use-synced-doc";
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

/** Phase and timer controls; only rendered for moderators (the server enforces it too). */
export function FacilitationControls({ control }: { control: Y.Doc }) {
  const t = useTranslations("board.facilitate");
  const state = useControlState(control);
  const [minutes, setMinutes] = useState<number>(10);
  function onPhase(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPhase(control, String(new FormData(event.currentTarget).get("phase") ?? ""));
  }
  return (
    <section aria-labelledby="facilitate-heading" className="space-y-3">
      <h2 id="facilitate-heading" className="font-semibold">
        {t("heading")}
      </h2>
      <form onSubmit={onPhase} className="flex flex-wrap items-end gap-2">
        <label className="flex min-w-56 flex-1 flex-col gap-1 text-sm font-medium">
          {t("phase")}
          <Input
            name="phase"
            defaultValue={state.phase}
            maxLength={100}
            placeholder={t("phasePlaceholder")}
          />
        </label>
        <Button type="submit" variant="secondary">
          {t("setPhase")}
        </Button>
      </form>
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("timer")}
          <Select
            value={minutes}
            onChange={(e) => setMinutes(Number(e.target.value))}
            className="w-auto"
          >
            <Options values={TIMER_MINUTES} label={(m) => t("minutes", { minutes: m })} />
          </Select>
        </label>
        <Button
          variant="secondary"
          onClick={() => startTimer(control, { durationMs: minutes * 60_000 })}
        >
          {t("start")}
        </Button>
        {state.timer.endsAt !== null ? (
          <Button variant="ghost" onClick={() => pauseTimer(control)}>
            {t("pause")}
          </Button>
        ) : state.timer.remainingMs > 0 ? (
          <Button variant="ghost" onClick={() => resumeTimer(control)}>
            {t("resume")}
          </Button>
        ) : null}
        {state.spotlight ? (
          <Button variant="ghost" onClick={() => setSpotlight(control, null)}>
            {t("endSpotlight")}
          </Button>
        ) : null}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button
          variant={state.privateMode ? "primary" : "secondary"}
          onClick={() => setPrivateMode(control, !state.privateMode)}
        >
          {state.privateMode ? t("reveal") : t("startPrivate")}
        </Button>
        <Button variant="secondary" onClick={() => setLocked(control, !state.locked)}>
          {state.locked ? t("unlock") : t("lock")}
        </Button>
      </div>
      <VotingControls control={control} state={state} />
    </section>
  );
}

/** Starting a dot-voting round and revealing its count (the server counts, nobody else sees dots). */
function VotingControls({ control, state }: { control: Y.Doc; state: ControlState }) {
  const t = useTranslations("board.facilitate");
  const [budget, setBudget] = useState<number>(3);
  const [allowMultiple, setAllowMultiple] = useState(false);
  if (state.voting.status === "open") {
    return (
      <div className="flex flex-wrap items-center gap-3" data-testid="voting-controls">
        <p className="text-sm">
          {t("votingOpen", { round: state.voting.round, budget: state.voting.budget })}
        </p>
        <Button onClick={() => revealVotes(control)}>{t("revealVotes")}</Button>
      </div>
    );
  }
  return (
    <div className="flex flex-wrap items-end gap-3" data-testid="voting-controls">
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t("dotsPerPerson")}
        <Select
          value={budget}
          onChange={(e) => setBudget(Number(e.target.value))}
          className="w-auto"
        >
          <Options values={DOT_BUDGETS} label={(n) => String(n)} />
        </Select>
      </label>
      <label className="flex min-h-10 items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={allowMultiple}
          onChange={(e) => setAllowMultiple(e.target.checked)}
        />
        {t("allowMultiple")}
      </label>
      <Button
        variant="secondary"
        onClick={() => startVotingRound(control, { budget, allowMultiple })}
      >
        {t("startVoting")}
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
