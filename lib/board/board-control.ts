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
  };
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
  controlOf(doc).set("voting", round);
  return round;
}

export function revealVotes(doc: Y.Doc): void {
  const voting = getControlState(doc).voting;
  if (voting.round === 0) throw new AppError("conflict:no_voting_round");
  controlOf(doc).set("voting", { ...voting, status: "revealed" });
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
