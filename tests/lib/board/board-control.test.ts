import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  getControlState,
  pauseTimer,
  resumeTimer,
  revealVotes,
  setLocked,
  setPhase,
  setPrivateMode,
  setJoinUrl,
  setSpotlight,
  startTimer,
  startVotingRound,
  timerRemainingMs,
} from "@/lib/board/board-control";
import { AppError } from "@/lib/errors";

describe("facilitator control state", () => {
  it("starts empty and records phase, private mode, lock and spotlight", () => {
    const doc = new Y.Doc();
    expect(getControlState(doc)).toEqual({
      phase: "",
      joinUrl: null,
      timer: { endsAt: null, remainingMs: 0 },
      privateMode: false,
      locked: false,
      spotlight: null,
      voting: { round: 0, budget: 3, allowMultiple: false, status: "closed" },
      results: null,
    });
    setPhase(doc, "Stille Schreibphase");
    setPrivateMode(doc, true);
    setLocked(doc, true);
    setSpotlight(doc, { kind: "lane", id: "lane-2" });
    expect(getControlState(doc)).toMatchObject({
      phase: "Stille Schreibphase",
      privateMode: true,
      locked: true,
      spotlight: { kind: "lane", id: "lane-2" },
    });
  });

  it("shows only join links on the projector", () => {
    const doc = new Y.Doc();
    setJoinUrl(doc, "https://konzept.deichhausen.example/join/AbC_12-x");
    expect(getControlState(doc).joinUrl).toBe("https://konzept.deichhausen.example/join/AbC_12-x");
    expect(() => setJoinUrl(doc, "javascript:alert(1)")).toThrowError(AppError);
    setJoinUrl(doc, null);
    expect(getControlState(doc).joinUrl).toBeNull();
  });

  it("counts a timer down from a shared end time, and pauses and resumes it", () => {
    const doc = new Y.Doc();
    startTimer(doc, { durationMs: 10 * 60_000, now: 1_000_000 });
    expect(timerRemainingMs(getControlState(doc).timer, 1_000_000 + 60_000)).toBe(9 * 60_000);
    pauseTimer(doc, 1_000_000 + 120_000);
    expect(timerRemainingMs(getControlState(doc).timer, 9_999_999)).toBe(8 * 60_000);
    resumeTimer(doc, 2_000_000);
    expect(getControlState(doc).timer.endsAt).toBe(2_000_000 + 8 * 60_000);
    expect(timerRemainingMs(getControlState(doc).timer, 5_000_000)).toBe(0);
    expect(() => startTimer(doc, { durationMs: -5 })).toThrowError(AppError);
  });

  it("runs voting rounds: open, revealed, numbered", () => {
    const doc = new Y.Doc();
    expect(() => revealVotes(doc)).toThrowError(AppError);
    expect(startVotingRound(doc, { budget: 3, allowMultiple: false })).toEqual({
      round: 1,
      budget: 3,
      allowMultiple: false,
      status: "open",
    });
    revealVotes(doc);
    expect(getControlState(doc).voting.status).toBe("revealed");
    expect(startVotingRound(doc, { budget: 5, allowMultiple: true }).round).toBe(2);
    expect(() => startVotingRound(doc, { budget: 0, allowMultiple: true })).toThrowError(AppError);
  });
});
