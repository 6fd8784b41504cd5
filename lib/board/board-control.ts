/**
 * The facilitator's state of a workshop, kept in a separate control document that only
 * moderators may write (the sync server enforces that) and everyone reads: phase, timer,
 * private writing mode, lock, spotlight and the dot-voting round.
 */
import * as Y from "yjs";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/forms/parse-input";
import { votingRoundSchema } from "./board-schema";
import type { VoteResults } from "./private-scope";

export const votingStatuses = ["closed", "open", "revealed"] as const;
export type VotingStatus = (typeof votingStatuses)[number];

/** What the projector shows when nothing is spotlit: the board, or the revealed dot vote. */
export const projectorViews = ["board", "results"] as const;
export type ProjectorView = (typeof projectorViews)[number];

export interface Spotlight {
  kind: "lane" | "card";
  id: string;
}

export interface VotingRound {
  round: number;
  budget: number;
  allowMultiple: boolean;
  status: VotingStatus;
}

export interface Timer {
  /** Epoch ms when the countdown ends; null while paused or unset. */
  endsAt: number | null;
  /** Remaining ms while paused. */
  remainingMs: number;
}

export interface ControlState {
  phase: string;
  /** The invite link the projector shows as QR code, if the moderator chose to show one. */
  joinUrl: string | null;
  timer: Timer;
  privateMode: boolean;
  locked: boolean;
  spotlight: Spotlight | null;
  voting: VotingRound;
  /** Written by the server when a round is revealed; null before. */
  results: VoteResults | null;
  /** The projector's view; a spotlight, while set, is shown instead. */
  projectorView: ProjectorView;
}

const controlOf = (doc: Y.Doc) => doc.getMap<unknown>("control");

const NO_VOTING: VotingRound = { round: 0, budget: 3, allowMultiple: false, status: "closed" };

export function getControlState(doc: Y.Doc): ControlState {
  const control = controlOf(doc);
  return {
    phase: (control.get("phase") as string) ?? "",
    joinUrl: (control.get("joinUrl") as string | null) ?? null,
    timer: (control.get("timer") as Timer) ?? { endsAt: null, remainingMs: 0 },
    privateMode: control.get("privateMode") === true,
    locked: control.get("locked") === true,
    spotlight: (control.get("spotlight") as Spotlight | null) ?? null,
    voting: (control.get("voting") as VotingRound) ?? NO_VOTING,
    results: (control.get("results") as VoteResults | null) ?? null,
    projectorView: projectorViews.includes(control.get("projectorView") as ProjectorView)
      ? (control.get("projectorView") as ProjectorView)
      : "board",
  };
}

/**
 * What the projector shows at this moment: a spotlit lane or card, the revealed result of the
 * current round (when the facilitator chose it and the count is in), or the board.
 */
export function projectorContent(state: ControlState):
  | { kind: "spotlight"; spotlight: Spotlight }
  | { kind: "results"; results: VoteResults }
  | {
      kind: "board";
    } {
  if (state.spotlight) return { kind: "spotlight", spotlight: state.spotlight };
  if (
    state.projectorView === "results" &&
    state.voting.status === "revealed" &&
    state.results?.round === state.voting.round
  )
    return { kind: "results", results: state.results };
  return { kind: "board" };
}

/** Chooses the projector's view; the board view also ends a spotlight. */
export function setProjectorView(doc: Y.Doc, view: ProjectorView): void {
  if (!projectorViews.includes(view))
    throw new AppError("bad_request:control", { fields: { projectorView: "invalid_choice" } });
  doc.transact(() => {
    controlOf(doc).set("projectorView", view);
    controlOf(doc).set("spotlight", null);
  });
}

/**
 * Starts a session afresh: no phase, no timer, no silent writing or lock, no spotlight, no open
 * round and no shown result, the projector on the board and no join code. Cards stay on the
 * board. The round counter is kept, so dots of earlier rounds never count in a later one.
 */
export function resetSession(doc: Y.Doc): void {
  const { voting } = getControlState(doc);
  doc.transact(() => {
    const control = controlOf(doc);
    control.set("phase", "");
    control.set("timer", { endsAt: null, remainingMs: 0 } satisfies Timer);
    control.set("privateMode", false);
    control.set("locked", false);
    control.set("spotlight", null);
    control.set("voting", { ...voting, status: "closed" } satisfies VotingRound);
    control.set("results", null);
    control.set("projectorView", "board" satisfies ProjectorView);
    control.set("joinUrl", null);
  });
}

/** Milliseconds left on the timer at `now`, never negative. */
export function timerRemainingMs(timer: Timer, now = Date.now()): number {
  return timer.endsAt === null ? timer.remainingMs : Math.max(0, timer.endsAt - now);
}

export function setPhase(doc: Y.Doc, phase: string): void {
  const clean = phase.trim();
  if (clean.length > 100)
    throw new AppError("bad_request:control", { fields: { phase: "too_long" } });
  controlOf(doc).set("phase", clean);
}

export function startTimer(
  doc: Y.Doc,
  { durationMs, now = Date.now() }: { durationMs: number; now?: number },
): void {
  if (!Number.isFinite(durationMs) || durationMs <= 0 || durationMs > 4 * 3600_000) {
    throw new AppError("bad_request:control", { fields: { durationMs: "invalid" } });
  }
  controlOf(doc).set("timer", {
    endsAt: now + durationMs,
    remainingMs: durationMs,
  } satisfies Timer);
}

export function pauseTimer(doc: Y.Doc, now = Date.now()): void {
  const { timer } = getControlState(doc);
  controlOf(doc).set("timer", {
    endsAt: null,
    remainingMs: timerRemainingMs(timer, now),
  } satisfies Timer);
}

export function resumeTimer(doc: Y.Doc, now = Date.now()): void {
  const { timer } = getControlState(doc);
  if (timer.endsAt !== null || timer.remainingMs <= 0) return;
  controlOf(doc).set("timer", {
    endsAt: now + timer.remainingMs,
    remainingMs: timer.remainingMs,
  } satisfies Timer);
}

export function setPrivateMode(doc: Y.Doc, on: boolean): void {
  controlOf(doc).set("privateMode", on);
}

export function setLocked(doc: Y.Doc, on: boolean): void {
  controlOf(doc).set("locked", on);
}

export function setSpotlight(doc: Y.Doc, spotlight: Spotlight | null): void {
  controlOf(doc).set("spotlight", spotlight);
}

/** Opens the next dot-voting round; results stay hidden until revealVotes. */
export function startVotingRound(
  doc: Y.Doc,
  input: { budget: number; allowMultiple: boolean },
): VotingRound {
  const { budget, allowMultiple } = parseInput(votingRoundSchema, input);
  const previous = getControlState(doc).voting;
  const round: VotingRound = { round: previous.round + 1, budget, allowMultiple, status: "open" };
  doc.transact(() => {
    controlOf(doc).set("voting", round);
    // People vote on the board; an earlier round's result must not stay up.
    controlOf(doc).set("projectorView", "board" satisfies ProjectorView);
  });
  return round;
}

export function revealVotes(doc: Y.Doc): void {
  const voting = getControlState(doc).voting;
  if (voting.round === 0) throw new AppError("conflict:no_voting_round");
  doc.transact(() => {
    controlOf(doc).set("voting", { ...voting, status: "revealed" });
    controlOf(doc).set("projectorView", "results" satisfies ProjectorView);
    controlOf(doc).set("spotlight", null);
  });
}

/** Ends an open round without showing a count (dots placed in it are never counted). */
export function cancelVotingRound(doc: Y.Doc): void {
  const voting = getControlState(doc).voting;
  if (voting.status !== "open") return;
  controlOf(doc).set("voting", { ...voting, status: "closed" });
}

/** The server's count of a revealed round (participants' dots are never in this document before). */
export function setVoteResults(doc: Y.Doc, results: VoteResults): void {
  controlOf(doc).set("results", results);
}

/** Shows (or hides, with null) an invite link on the projector. Only same-site join links. */
export function setJoinUrl(doc: Y.Doc, url: string | null): void {
  if (url !== null && !/^https?:\/\/[^/]+\/join\/[A-Za-z0-9_-]+$/.test(url)) {
    throw new AppError("bad_request:control", { fields: { joinUrl: "invalid" } });
  }
  controlOf(doc).set("joinUrl", url);
}
