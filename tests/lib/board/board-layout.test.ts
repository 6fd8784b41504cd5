import { describe, expect, it } from "vitest";
import type { Card, Cluster, Lane } from "@/lib/board/board-doc";
import {
  cardMoves,
  fieldSections,
  laneOrder,
  laneSegments,
  orderLaneCards,
  projectorPages,
  projectorRoom,
} from "@/lib/board/board-layout";

const lane = (id: string, over: Partial<Lane> = {}): Lane => ({
  id,
  title: id,
  position: id,
  fieldId: null,
  column: null,
  ...over,
});
const card = (id: string, over: Partial<Card> = {}): Card => ({
  id,
  laneId: "l1",
  position: id,
  kind: "idea",
  text: id,
  colour: "yellow",
  author: null,
  clusterId: null,
  goalCardId: null,
  measure: null,
  createdAt: 0,
  ...over,
});

describe("board layout", () => {
  it("orders a lane by dots, most first, ties in board order; without a result in board order", () => {
    const cards = [card("a"), card("b"), card("c"), card("d")];
    expect(orderLaneCards({ cards, totals: { c: 3, b: 1, d: 3 } }).map((c) => c.id)).toEqual([
      "c",
      "d",
      "b",
      "a",
    ]);
    expect(orderLaneCards({ cards, totals: null }).map((c) => c.id)).toEqual(["a", "b", "c", "d"]);
  });

  it("splits a lane into ungrouped cards and its own groups", () => {
    const clusters: Cluster[] = [
      { id: "g1", laneId: "l1", title: "Bildung" },
      { id: "g2", laneId: "l2", title: "elsewhere" },
    ];
    const cards = [
      card("a", { clusterId: "g1" }),
      card("b"),
      card("c", { clusterId: "g2" }),
      card("d", { clusterId: "g1" }),
    ];
    const segments = laneSegments({ laneId: "l1", cards, clusters });
    expect(segments.map((s) => [s.cluster?.id ?? null, s.cards.map((c) => c.id)])).toEqual([
      [null, ["b", "c"]],
      ["g1", ["a", "d"]],
    ]);
  });

  it("gives a card its neighbouring lanes and the indexes that move it past its neighbours", () => {
    const lanes = [lane("l1"), lane("l2"), lane("l3")];
    const laneCards = [card("a"), card("b"), card("c")];
    const order = laneOrder(laneCards);
    expect(cardMoves({ lanes, laneIndex: 1, order, segment: laneCards, position: 1 })).toEqual({
      laneId: "l2",
      previousLaneId: "l1",
      nextLaneId: "l3",
      index: 1,
      upIndex: 0,
      downIndex: 2,
    });
    const first = cardMoves({ lanes, laneIndex: 0, order, segment: laneCards, position: 0 });
    expect(first).toMatchObject({ previousLaneId: null, upIndex: null, downIndex: 1 });
    const last = cardMoves({ lanes, laneIndex: 2, order, segment: laneCards, position: 2 });
    expect(last).toMatchObject({ nextLaneId: null, upIndex: 1, downIndex: null });
  });

  it("groups stock-take lanes into one section per field", () => {
    const lanes = [
      lane("a", { fieldId: "f2", column: "strengths", title: "2 Ankommen: Stärken" }),
      lane("b", { fieldId: "f2", column: "gaps", title: "2 Ankommen: Lücken" }),
      lane("c", { fieldId: "f3", column: "strengths", title: "3 Deutschförderung: Stärken" }),
      lane("d", { title: "Parkplatz" }),
      lane("e", { title: "Fragen" }),
    ];
    expect(fieldSections({ lanes })).toEqual([
      { fieldId: "f2", title: "2 Ankommen", laneIds: ["a", "b"] },
      { fieldId: "f3", title: "3 Deutschförderung", laneIds: ["c"] },
      { fieldId: null, title: "Parkplatz", laneIds: ["d"] },
      { fieldId: null, title: "Fragen", laneIds: ["e"] },
    ]);
  });

  it("pages a nine-field stock-take (27 lanes) two fields to a page", () => {
    const lanes = Array.from({ length: 27 }, (_, i) =>
      lane(`l${i}`, { fieldId: `f${Math.floor(i / 3)}`, column: "gaps" }),
    );
    const room = projectorRoom({ lanes });
    expect(room.columns).toBe(6);
    const pages = projectorPages({ lanes, cards: [], room });
    expect(pages.map((p) => p.length)).toEqual([6, 6, 6, 6, 3]);
    expect(
      projectorRoom({ lanes: lanes.slice(0, 9).map((l) => ({ ...l, column: null })) }).columns,
    ).toBe(5);
  });

  it("keeps the newest cards of a full lane, in board order, and counts the older ones", () => {
    const lanes = [lane("l1")];
    const text = "x".repeat(48); // two lines at 24 characters, plus two: four lines a card
    const cards = Array.from({ length: 9 }, (_, i) =>
      card(`c${i}`, { text, createdAt: i === 0 ? 100 : i }),
    );
    const [page] = projectorPages({
      lanes,
      cards,
      room: { columns: 5, linesPerLane: 19, charsPerLine: 24 },
    });
    // Title "l1": one line, plus rule and note: 3; then four cards of four lines fit: c0 (written last, though first in the lane), then c8, c7, c6.
    expect(page![0]!.cards.map((c) => c.id)).toEqual(["c0", "c6", "c7", "c8"]);
    expect(page![0]!.hidden).toBe(5);
    // A long title takes room from the cards: three lines of title leave room for three.
    const [titled] = projectorPages({
      lanes: [lane("l1", { title: "9 Migrationsgesellschaftliche Öffnung: Lücken" })],
      cards,
      room: { columns: 5, linesPerLane: 19, charsPerLine: 24 },
    });
    expect(titled![0]!.cards.map((c) => c.id)).toEqual(["c0", "c7", "c8"]);
    // One very long card still shows.
    const [single] = projectorPages({
      lanes,
      cards: [card("long", { text: "y".repeat(2000) })],
      room: { columns: 5, linesPerLane: 19, charsPerLine: 24 },
    });
    expect(single![0]!.cards).toHaveLength(1);
  });
});
