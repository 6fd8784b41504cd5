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
  setPhase,
  setSpotlight,
  startTimer,
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
    </section>
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
