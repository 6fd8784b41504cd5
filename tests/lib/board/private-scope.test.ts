import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addCard, addLane, cardsByVotes, getCards, removeLane } from "@/lib/board/board-doc";
import type { VotingRound } from "@/lib/board/board-control";
import {
  addPrivateCard,
  castDot,
  countDots,
  getMyDots,
  getPrivateCards,
  publishPrivateCards,
} from "@/lib/board/private-scope";
import { codeOf } from "../../support/app-error";

const anna = { id: "guest-anna", name: "Anna" };

function board() {
  const doc = new Y.Doc();
  addLane(doc, { title: "Ideen" }, { id: "lane-a" });
  addLane(doc, { title: "Fragen" }, { id: "lane-b" });
  return doc;
}

/** Every Yjs client id that wrote anything into a document. */
function writers(doc: Y.Doc): Set<number> {
  return new Set(Y.decodeUpdate(Y.encodeStateAsUpdate(doc)).structs.map((s) => s.id.client));
}

describe("private scope cards", () => {
  it("publishes cards with the author the server gives, never the scope's claim, and only once", () => {
    const shared = board();
    const scope = new Y.Doc();
    const someoneElse = { id: "x", name: "Jemand anderes" };
    addPrivateCard(
      scope,
      { laneId: "lane-b", text: "Sprachcafé", author: someoneElse, anonymous: false },
      { id: "c1", now: 1 },
    );
    addPrivateCard(
      scope,
      {
        laneId: "lane-a",
        text: "Lesepaten",
        kind: "measure",
        author: someoneElse,
        anonymous: false,
      },
      { id: "c2", now: 2 },
    );
    expect(getPrivateCards(scope).map((c) => c.id)).toEqual(["c1", "c2"]);
    expect(publishPrivateCards({ scope, board: shared, author: anna })).toEqual(["c1", "c2"]);
    expect(getCards(shared).map((c) => [c.id, c.laneId, c.kind, c.text, c.author])).toEqual([
      ["c2", "lane-a", "measure", "Lesepaten", anna],
      ["c1", "lane-b", "idea", "Sprachcafé", anna],
    ]);
    expect(getPrivateCards(scope)).toEqual([]);

    // A card published before (e.g. by another instance) only leaves the scope.
    const again = new Y.Doc();
    addPrivateCard(
      again,
      { laneId: "lane-a", text: "Doppelt", author: anna, anonymous: false },
      { id: "c1" },
    );
    expect(publishPrivateCards({ scope: again, board: shared, author: anna })).toEqual(["c1"]);
    expect(getCards(shared)).toHaveLength(2);
    expect(getCards(shared).find((c) => c.id === "c1")!.text).toBe("Sprachcafé");
    expect(getPrivateCards(again)).toEqual([]);
  });

  it("puts anonymous cards on the board with no author and none of the writer's client ids", () => {
    const shared = board();
    const scope = new Y.Doc();
    const card = addPrivateCard(scope, {
      laneId: "lane-a",
      text: "Diskriminierung bei der Wohnungssuche",
      author: anna,
      anonymous: true,
    });
    expect(card.author).toBeNull();
    // The server publishes through fresh working copies (its own client ids).
    const boardCopy = new Y.Doc();
    Y.applyUpdate(boardCopy, Y.encodeStateAsUpdate(shared));
    const scopeCopy = new Y.Doc();
    Y.applyUpdate(scopeCopy, Y.encodeStateAsUpdate(scope));
    publishPrivateCards({ scope: scopeCopy, board: boardCopy, author: anna });
    Y.applyUpdate(shared, Y.encodeStateAsUpdate(boardCopy));

    expect(getCards(shared).map((c) => [c.text, c.author])).toEqual([
      ["Diskriminierung bei der Wohnungssuche", null],
    ]);
    expect(writers(shared).has(scope.clientID)).toBe(false);
    expect(new TextDecoder().decode(Y.encodeStateAsUpdate(shared))).not.toContain("Anna");
  });

  it("falls back to the first lane when the card's lane was removed", () => {
    const shared = board();
    const scope = new Y.Doc();
    addPrivateCard(scope, { laneId: "lane-b", text: "x", author: anna, anonymous: false });
    removeLane(shared, "lane-b");
    publishPrivateCards({ scope, board: shared, author: anna });
    expect(getCards(shared).map((c) => c.laneId)).toEqual(["lane-a"]);
  });
});

describe("dot voting", () => {
  const round: VotingRound = { round: 1, budget: 3, allowMultiple: false, status: "open" };

  it("enforces the budget and one dot per card unless several are allowed", () => {
    const scope = new Y.Doc();
    castDot(scope, { voting: round, cardId: "a", delta: 1 });
    expect(codeOf(() => castDot(scope, { voting: round, cardId: "a", delta: 1 }))).toBe(
      "conflict:vote_single",
    );
    castDot(scope, { voting: round, cardId: "b", delta: 1 });
    castDot(scope, { voting: round, cardId: "c", delta: 1 });
    expect(codeOf(() => castDot(scope, { voting: round, cardId: "d", delta: 1 }))).toBe(
      "conflict:vote_budget",
    );
    castDot(scope, { voting: round, cardId: "c", delta: -1 });
    castDot(scope, { voting: round, cardId: "d", delta: 1 });
    expect(Object.fromEntries(getMyDots(scope, 1))).toEqual({ a: 1, b: 1, d: 1 });
    expect(getMyDots(scope, 2).size).toBe(0);
    expect(
      codeOf(() =>
        castDot(scope, { voting: { ...round, status: "revealed" }, cardId: "a", delta: 1 }),
      ),
    ).toBe("conflict:voting_closed");

    const multiple = { ...round, allowMultiple: true };
    const other = new Y.Doc();
    castDot(other, { voting: multiple, cardId: "d", delta: 1 });
    castDot(other, { voting: multiple, cardId: "d", delta: 1 });
    expect(Object.fromEntries(getMyDots(other, 1))).toEqual({ d: 2 });
  });

  it("counts everyone's dots by the round's rules, whatever a modified client stored", () => {
    const shared = board();
    for (const id of ["a", "b", "c", "d"])
      addCard(shared, { laneId: "lane-a", text: id, author: anna }, { id });
    const ballots = [
      new Map([
        ["a", 1],
        ["b", 1],
        ["d", 1],
      ]),
      new Map([
        ["d", 5],
        ["b", 1],
      ]), // more than allowed on one card
      new Map([
        ["a", 1],
        ["b", 1],
        ["c", 1],
        ["d", 1],
      ]), // over budget
      new Map([
        ["gone", 1],
        ["a", -2],
        ["b", 0.5],
      ]), // unknown card, negative, fractional
    ];
    const single = countDots({ ballots, board: shared, voting: round });
    expect(single).toEqual({ round: 1, totals: { a: 2, b: 3, c: 1, d: 2 }, voters: 3 });
    const multiple = countDots({
      ballots,
      board: shared,
      voting: { ...round, allowMultiple: true },
    });
    expect(multiple.totals).toEqual({ a: 2, b: 3, c: 1, d: 3 });
    // Ties keep board order.
    expect(cardsByVotes(shared, multiple.totals).map((c) => [c.id, c.votes])).toEqual([
      ["b", 3],
      ["d", 3],
      ["a", 2],
      ["c", 1],
    ]);
  });
});
