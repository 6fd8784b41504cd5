import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  cancelVotingRound,
  getControlState,
  projectorContent,
  resetSession,
  setProjectorView,
  setVoteResults,
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
      projectorView: "board",
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

  describe("the projector's view", () => {
    it("follows a reveal to the results, lets the facilitator go back to the board, and puts a spotlight first", () => {
      const doc = new Y.Doc();
      startVotingRound(doc, { budget: 2, allowMultiple: false });
      expect(projectorContent(getControlState(doc))).toEqual({ kind: "board" });
      revealVotes(doc);
      // Revealed but not yet counted by the server: the board stays up.
      expect(projectorContent(getControlState(doc))).toEqual({ kind: "board" });
      const results = { round: 1, totals: { a: 2 }, voters: 1 };
      setVoteResults(doc, results);
      expect(projectorContent(getControlState(doc))).toEqual({ kind: "results", results });

      setSpotlight(doc, { kind: "lane", id: "lane-1" });
      expect(projectorContent(getControlState(doc))).toEqual({
        kind: "spotlight",
        spotlight: { kind: "lane", id: "lane-1" },
      });
      setSpotlight(doc, null);
      expect(projectorContent(getControlState(doc)).kind).toBe("results");
      setSpotlight(doc, { kind: "card", id: "a" });
      setProjectorView(doc, "board");
      expect(getControlState(doc).spotlight).toBeNull();
      expect(projectorContent(getControlState(doc))).toEqual({ kind: "board" });
      setProjectorView(doc, "results");
      expect(projectorContent(getControlState(doc)).kind).toBe("results");
      expect(() => setProjectorView(doc, "everything" as "board")).toThrow(AppError);
    });

    it("shows no old result once a new round opens, and the new one after its reveal", () => {
      const doc = new Y.Doc();
      startVotingRound(doc, { budget: 2, allowMultiple: false });
      revealVotes(doc);
      setVoteResults(doc, { round: 1, totals: { a: 2 }, voters: 1 });
      startVotingRound(doc, { budget: 3, allowMultiple: true });
      expect(getControlState(doc).projectorView).toBe("board");
      setProjectorView(doc, "results");
      // Round 2 is open: round 1's count is not shown as if it were this round's.
      expect(projectorContent(getControlState(doc))).toEqual({ kind: "board" });
      revealVotes(doc);
      setVoteResults(doc, { round: 2, totals: { b: 3 }, voters: 1 });
      expect(projectorContent(getControlState(doc))).toMatchObject({
        kind: "results",
        results: { round: 2 },
      });
    });

    it("cancels an open round without a count", () => {
      const doc = new Y.Doc();
      startVotingRound(doc, { budget: 2, allowMultiple: false });
      cancelVotingRound(doc);
      expect(getControlState(doc).voting).toMatchObject({ round: 1, status: "closed" });
    });
  });

  describe("resetting a session", () => {
    it("clears phase, timer, modes, spotlight, round and result but keeps the round counter", () => {
      const doc = new Y.Doc();
      setPhase(doc, "Priorisierung");
      startTimer(doc, { durationMs: 600_000, now: 1_000 });
      setPrivateMode(doc, true);
      setLocked(doc, true);
      setJoinUrl(doc, "https://konzept.stadt.de/join/abc");
      startVotingRound(doc, { budget: 3, allowMultiple: false });
      revealVotes(doc);
      setVoteResults(doc, { round: 1, totals: { a: 3 }, voters: 2 });
      setSpotlight(doc, { kind: "lane", id: "lane-1" });

      resetSession(doc);
      expect(getControlState(doc)).toEqual({
        phase: "",
        joinUrl: null,
        timer: { endsAt: null, remainingMs: 0 },
        privateMode: false,
        locked: false,
        spotlight: null,
        voting: { round: 1, budget: 3, allowMultiple: false, status: "closed" },
        results: null,
        projectorView: "board",
      });
      // The next round is round 2: dots placed in round 1 stay out of it.
      expect(startVotingRound(doc, { budget: 3, allowMultiple: false }).round).toBe(2);
    });
  });
});
