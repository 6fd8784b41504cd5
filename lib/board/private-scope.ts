/**
 * A participant's private scope on a board: a Yjs document only its owner can open (the sync
 * server enforces that). It holds what the others must not see yet:
 *   cards: Y.Map<cardId, Y.Map>  the board's card layout, plus `anonymous`
 *   votes: Y.Map<"<round>|<cardId>", number>  the owner's dots
 *
 * Cards written in private mode, and anonymous cards, live here until the server publishes them
 * into the shared board: as soon as private mode is off (anonymous cards in open mode at once,
 * private-mode cards at the reveal). The server writes them with its own Yjs client id and the author it knows, or none for anonymous
 * cards, so nothing on the board leads back to the person who wrote an anonymous card. Dots stay
 * here too; the server counts them when the facilitator reveals the round.
 */
import * as Y from "yjs";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/forms/parse-input";
import type { VotingRound } from "./board-control";
import {
  cardsOf,
  getCards,
  getLanes,
  insertCard,
  readCard,
  type Card,
  type Factory,
} from "./board-doc";
import {
  CARD_TEXT_MAX,
  cardInputSchema,
  measureFieldsSchema,
  type CardAuthor,
  type CardInput,
} from "./board-schema";

export interface PrivateCard extends Card {
  anonymous: boolean;
}

const votesOf = (doc: Y.Doc) => doc.getMap<number>("votes");

function readPrivateCard(map: Y.Map<unknown>): PrivateCard {
  return {
    ...readCard(map),
    anonymous: map.get("anonymous") === true,
  };
}

export function getPrivateCards(scope: Y.Doc): PrivateCard[] {
  return [...cardsOf(scope).values()]
    .map(readPrivateCard)
    .sort((a, b) => a.createdAt - b.createdAt);
}

/**
 * A card in the private scope. Its lane is one of the board's (the scope has none of its own);
 * an anonymous card stores no author.
 */
export function addPrivateCard(
  scope: Y.Doc,
  input: Omit<CardInput, "author"> & { author: CardAuthor; anonymous: boolean },
  factory?: Factory,
): PrivateCard {
  const data = parseInput(cardInputSchema, {
    ...input,
    author: input.anonymous ? null : input.author,
  });
  const id = factory?.id ?? crypto.randomUUID();
  const map = insertCard(
    scope,
    { ...data, id, createdAt: factory?.now },
    { anonymous: input.anonymous },
  );
  return readPrivateCard(map);
}

/**
 * Moves the cards of a private scope onto the board, at the end of their lane (the first lane if theirs is gone). Cards already on the board are only
 * removed from the scope, so publishing twice never duplicates. The author is the one given
 * (what the server knows of the owner), never what the scope claims; anonymous cards get none.
 * Returns the ids published.
 */
export function publishPrivateCards({
  scope,
  board,
  author,
}: {
  scope: Y.Doc;
  board: Y.Doc;
  author: CardAuthor;
}): string[] {
  const lanes = new Set(getLanes(board).map((lane) => lane.id));
  const fallbackLane = getLanes(board)[0]?.id;
  const published: string[] = [];
  board.transact(() => {
    for (const card of getPrivateCards(scope)) {
      if (cardsOf(board).has(card.id)) {
        published.push(card.id);
        continue;
      }
      const laneId = lanes.has(card.laneId) ? card.laneId : fallbackLane;
      if (!laneId) continue;
      insertCard(board, {
        id: card.id,
        laneId,
        kind: card.kind,
        text: card.text.slice(0, CARD_TEXT_MAX),
        colour: card.colour,
        author: card.anonymous ? null : author,
        measure:
          card.kind === "measure"
            ? (measureFieldsSchema.safeParse(card.measure).data ?? null)
            : null,
        createdAt: card.createdAt,
      });
      published.push(card.id);
    }
  });
  scope.transact(() => {
    for (const id of published) cardsOf(scope).delete(id);
  });
  return published;
}

/* ── dots ──────────────────────────────────────────────────────────────────────────────── */

/** The owner's dots in a round, by card. */
export function getMyDots(scope: Y.Doc, round: number): Map<string, number> {
  const mine = new Map<string, number>();
  for (const [key, count] of votesOf(scope).entries()) {
    const [keyRound, cardId] = key.split("|");
    if (Number(keyRound) === round && cardId) mine.set(cardId, count);
  }
  return mine;
}

/**
 * Places (delta 1) or takes back (delta -1) a dot in an open round. Enforces the budget and,
 * unless several dots per card are allowed, one dot per card. (The server's count enforces the
 * same rules again, so a modified client gains nothing.)
 */
export function castDot(
  scope: Y.Doc,
  { voting, cardId, delta }: { voting: VotingRound; cardId: string; delta: 1 | -1 },
): void {
  if (voting.status !== "open") throw new AppError("conflict:voting_closed");
  const mine = getMyDots(scope, voting.round);
  const used = [...mine.values()].reduce((a, b) => a + b, 0);
  const current = mine.get(cardId) ?? 0;
  if (delta === 1) {
    if (used >= voting.budget) throw new AppError("conflict:vote_budget");
    if (!voting.allowMultiple && current >= 1) throw new AppError("conflict:vote_single");
  } else if (current === 0) {
    return;
  }
  const key = `${voting.round}|${cardId}`;
  if (current + delta === 0) votesOf(scope).delete(key);
  else votesOf(scope).set(key, current + delta);
}

export interface VoteResults {
  round: number;
  /** Dots per card id; cards without dots are absent. */
  totals: Record<string, number>;
  /** How many people placed at least one dot. */
  voters: number;
}

/**
 * Counts a round from everyone's dots (one ballot per private scope) by the round's rules: only
 * cards on the board, whole positive dots, at most one per card unless allowed, at most the
 * budget per person.
 */
export function countDots({
  ballots,
  board,
  voting,
}: {
  ballots: Iterable<Map<string, number>>;
  board: Y.Doc;
  voting: VotingRound;
}): VoteResults {
  const onBoard = new Set(getCards(board).map((card) => card.id));
  const totals: Record<string, number> = {};
  let voters = 0;
  for (const ballot of ballots) {
    let left = voting.budget;
    for (const [cardId, raw] of [...ballot].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (!onBoard.has(cardId) || !Number.isInteger(raw) || raw <= 0) continue;
      const count = Math.min(voting.allowMultiple ? raw : 1, left);
      if (count <= 0) break;
      totals[cardId] = (totals[cardId] ?? 0) + count;
      left -= count;
    }
    if (left < voting.budget) voters++;
  }
  return { round: voting.round, totals, voters };
}
