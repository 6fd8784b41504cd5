/**
 * Typed accessors for a workshop board's Yjs document. Components and the server read and write
 * boards only through these functions; no raw map keys elsewhere.
 *
 * Layout of the shared board (a participant's private scope, in private-scope.ts, holds cards
 * in the same layout):
 *   lanes:    Y.Map<laneId, Y.Map>   { id, title, position, fieldId, column }
 *   cards:    Y.Map<cardId, Y.Map>   { id, laneId, position, kind, text: Y.Text, colour,
 *                                      author | null, clusterId, goalCardId, measure, createdAt }
 *   clusters: Y.Map<clusterId, Y.Map> { id, laneId, title }
 *
 * Positions are fractional keys, so concurrent moves never renumber other cards.
 */
import { generateKeyBetween } from "fractional-indexing";
import * as Y from "yjs";
import { parseInput } from "@/lib/forms/parse-input";
import { AppError } from "@/lib/errors";
import {
  cardInputSchema,
  laneInputSchema,
  measureFieldsSchema,
  stockTakeColumns,
  type CardAuthor,
  type CardColour,
  type CardInput,
  type CardKind,
  type LaneInput,
  type LaneTemplate,
  type MeasureFields,
  type StockTakeColumn,
  cardColours,
  cardKinds,
  CARD_TEXT_MAX,
} from "./board-schema";

export interface Lane {
  id: string;
  title: string;
  position: string;
  fieldId: string | null;
  column: StockTakeColumn | null;
}

export interface Card {
  id: string;
  laneId: string;
  position: string;
  kind: CardKind;
  text: string;
  colour: CardColour;
  author: CardAuthor | null;
  clusterId: string | null;
  goalCardId: string | null;
  measure: MeasureFields | null;
  createdAt: number;
}

/** Whether two reads of a card show the same thing (what keeps rendered cards memoised). */
export const sameCard = (a: Card, b: Card) =>
  a.id === b.id &&
  a.text === b.text &&
  a.kind === b.kind &&
  a.colour === b.colour &&
  a.laneId === b.laneId &&
  a.author?.name === b.author?.name &&
  a.goalCardId === b.goalCardId &&
  a.clusterId === b.clusterId &&
  JSON.stringify(a.measure) === JSON.stringify(b.measure);

export interface Cluster {
  id: string;
  laneId: string;
  title: string;
}

/** Overrides for deterministic tests; production uses random ids and the clock. */
export interface Factory {
  id?: string;
  now?: number;
}

const lanesOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>("lanes");
export const cardsOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>("cards");
const clustersOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>("clusters");

const byPosition = (a: { position: string }, b: { position: string }) =>
  a.position < b.position ? -1 : a.position > b.position ? 1 : 0;

function newId(factory?: Factory): string {
  return factory?.id ?? crypto.randomUUID();
}

function cardMap(doc: Y.Doc, cardId: string): Y.Map<unknown> {
  const card = cardsOf(doc).get(cardId);
  if (!card) throw new AppError("not_found:card");
  return card;
}

function readLane(map: Y.Map<unknown>): Lane {
  return {
    id: map.get("id") as string,
    title: map.get("title") as string,
    position: map.get("position") as string,
    fieldId: (map.get("fieldId") as string | null) ?? null,
    column: (map.get("column") as StockTakeColumn | null) ?? null,
  };
}

export function readCard(map: Y.Map<unknown>): Card {
  const kind = map.get("kind") as CardKind;
  const colour = map.get("colour") as CardColour;
  return {
    id: map.get("id") as string,
    laneId: map.get("laneId") as string,
    position: map.get("position") as string,
    kind: cardKinds.includes(kind) ? kind : "idea",
    text: (map.get("text") as Y.Text | undefined)?.toString() ?? "",
    colour: cardColours.includes(colour) ? colour : "yellow",
    author: (map.get("author") as CardAuthor | null) ?? null,
    clusterId: (map.get("clusterId") as string | null) ?? null,
    goalCardId: (map.get("goalCardId") as string | null) ?? null,
    measure: (map.get("measure") as MeasureFields | null) ?? null,
    createdAt: (map.get("createdAt") as number) ?? 0,
  };
}

/* ── lanes ─────────────────────────────────────────────────────────────────────────────── */

export function getLanes(doc: Y.Doc): Lane[] {
  return [...lanesOf(doc).values()].map(readLane).sort(byPosition);
}

export function addLane(doc: Y.Doc, input: LaneInput, factory?: Factory): Lane {
  const data = parseInput(laneInputSchema, input);
  const last = getLanes(doc).at(-1);
  const lane = new Y.Map<unknown>();
  const id = newId(factory);
  doc.transact(() => {
    lane.set("id", id);
    lane.set("title", data.title);
    lane.set("position", generateKeyBetween(last?.position ?? null, null));
    lane.set("fieldId", data.fieldId);
    lane.set("column", data.column);
    lanesOf(doc).set(id, lane);
  });
  return readLane(lane);
}

export function renameLane(doc: Y.Doc, laneId: string, title: string): void {
  const { title: clean } = parseInput(laneInputSchema.pick({ title: true }), { title });
  const lane = lanesOf(doc).get(laneId);
  if (!lane) throw new AppError("not_found:lane");
  lane.set("title", clean);
}

/** Removes a lane; its cards move to the first remaining lane so nothing is lost. */
export function removeLane(doc: Y.Doc, laneId: string): void {
  const remaining = getLanes(doc).filter((l) => l.id !== laneId);
  const target = remaining[0];
  if (!target) throw new AppError("conflict:last_lane");
  doc.transact(() => {
    for (const card of getCards(doc).filter((c) => c.laneId === laneId)) {
      moveCard(doc, card.id, { laneId: target.id, index: Number.MAX_SAFE_INTEGER });
    }
    lanesOf(doc).delete(laneId);
  });
}

/**
 * Lays out the lanes of a template, replacing lanes that are still empty:
 * - stock_take: strengths / gaps / existing offers for each field of action
 * - goals_measures: one lane per field of action
 * - free: three untitled lanes to rename
 */
export function applyLaneTemplate(
  doc: Y.Doc,
  {
    template,
    fields,
    labels,
  }: {
    template: LaneTemplate;
    fields: Array<{ id: string; number: number; title: string }>;
    /** Localised lane titles for the stock-take columns and free lanes. */
    labels: Record<StockTakeColumn | "free", string>;
  },
): void {
  doc.transact(() => {
    const occupied = new Set(getCards(doc).map((c) => c.laneId));
    for (const lane of getLanes(doc)) if (!occupied.has(lane.id)) lanesOf(doc).delete(lane.id);
    if (template === "goals_measures") {
      for (const field of fields)
        addLane(doc, { title: `${field.number} ${field.title}`, fieldId: field.id });
    } else if (template === "stock_take") {
      for (const field of fields) {
        for (const column of stockTakeColumns) {
          addLane(doc, {
            title: `${field.number} ${field.title}: ${labels[column]}`,
            fieldId: field.id,
            column,
          });
        }
      }
    } else {
      for (let i = 1; i <= 3; i++) addLane(doc, { title: `${labels.free} ${i}` });
    }
  });
}

/* ── cards ─────────────────────────────────────────────────────────────────────────────── */

/** Cards in board order: by lane order, then position within the lane. */
export function getCards(doc: Y.Doc, filter?: { laneId?: string }): Card[] {
  const laneOrder = new Map(getLanes(doc).map((l, i) => [l.id, i]));
  return [...cardsOf(doc).values()]
    .map(readCard)
    .filter((c) => !filter?.laneId || c.laneId === filter.laneId)
    .sort(
      (a, b) =>
        (laneOrder.get(a.laneId) ?? 1e9) - (laneOrder.get(b.laneId) ?? 1e9) || byPosition(a, b),
    );
}

export function getCard(doc: Y.Doc, cardId: string): Card | undefined {
  const map = cardsOf(doc).get(cardId);
  return map ? readCard(map) : undefined;
}

/** The card's text as a Y.Text, for inline collaborative editing. */
export function getCardText(doc: Y.Doc, cardId: string): Y.Text {
  const text = cardsOf(doc).get(cardId)?.get("text");
  if (!(text instanceof Y.Text)) throw new AppError("not_found:card");
  return text;
}

export function addCard(doc: Y.Doc, input: CardInput, factory?: Factory): Card {
  const data = parseInput(cardInputSchema, input);
  if (!lanesOf(doc).has(data.laneId)) throw new AppError("not_found:lane");
  return readCard(insertCard(doc, { ...data, id: newId(factory), createdAt: factory?.now }));
}

/**
 * Writes a new card map at the end of its lane (validated input; the caller checks the lane).
 * `extra` entries are stored alongside, e.g. a private card's state.
 */
export function insertCard(
  doc: Y.Doc,
  data: Omit<Card, "position" | "clusterId" | "goalCardId" | "measure" | "createdAt"> & {
    measure?: MeasureFields | null;
    createdAt?: number;
  },
  extra: Record<string, unknown> = {},
): Y.Map<unknown> {
  const last = getCards(doc, { laneId: data.laneId }).at(-1);
  const card = new Y.Map<unknown>();
  doc.transact(() => {
    card.set("id", data.id);
    card.set("laneId", data.laneId);
    card.set("position", generateKeyBetween(last?.position ?? null, null));
    card.set("kind", data.kind);
    card.set("text", new Y.Text(data.text));
    card.set("colour", data.colour);
    card.set("author", data.author);
    card.set("clusterId", null);
    card.set("goalCardId", null);
    card.set(
      "measure",
      data.measure ?? (data.kind === "measure" ? measureFieldsSchema.parse({}) : null),
    );
    card.set("createdAt", data.createdAt ?? Date.now());
    for (const [key, value] of Object.entries(extra)) card.set(key, value);
    cardsOf(doc).set(data.id, card);
  });
  return card;
}

/** Replaces the card's text (for inline edits use getCardText and edit the Y.Text). */
export function setCardText(doc: Y.Doc, cardId: string, text: string): void {
  if (text.length > CARD_TEXT_MAX)
    throw new AppError("bad_request:card", { fields: { text: "too_long" } });
  const yText = getCardText(doc, cardId);
  doc.transact(() => {
    yText.delete(0, yText.length);
    yText.insert(0, text);
  });
}

export function setCardKind(doc: Y.Doc, cardId: string, kind: CardKind): void {
  const card = cardMap(doc, cardId);
  if (!cardKinds.includes(kind))
    throw new AppError("bad_request:card", { fields: { kind: "invalid_choice" } });
  doc.transact(() => {
    card.set("kind", kind);
    if (kind === "measure" && !card.get("measure"))
      card.set("measure", measureFieldsSchema.parse({}));
    if (kind !== "measure") card.set("goalCardId", null);
  });
}

export function setCardColour(doc: Y.Doc, cardId: string, colour: CardColour): void {
  const card = cardMap(doc, cardId);
  if (!cardColours.includes(colour))
    throw new AppError("bad_request:card", { fields: { colour: "invalid_choice" } });
  card.set("colour", colour);
}

/**
 * Moves a card to a lane, at an index among that lane's other cards (clamped). Only the moved
 * card changes, so people moving different cards at once never conflict.
 */
export function moveCard(
  doc: Y.Doc,
  cardId: string,
  { laneId, index }: { laneId: string; index: number },
): void {
  const card = cardMap(doc, cardId);
  if (!lanesOf(doc).has(laneId)) throw new AppError("not_found:lane");
  const others = getCards(doc, { laneId }).filter((c) => c.id !== cardId);
  const at = Math.max(0, Math.min(index, others.length));
  const before = others[at - 1]?.position ?? null;
  const after = others[at]?.position ?? null;
  doc.transact(() => {
    card.set("laneId", laneId);
    card.set("position", generateKeyBetween(before, after));
    if (
      card.get("clusterId") &&
      clustersOf(doc)
        .get(card.get("clusterId") as string)
        ?.get("laneId") !== laneId
    ) {
      card.set("clusterId", null);
    }
  });
}

export function removeCard(doc: Y.Doc, cardId: string): void {
  doc.transact(() => {
    cardMap(doc, cardId);
    cardsOf(doc).delete(cardId);
    for (const card of cardsOf(doc).values())
      if (card.get("goalCardId") === cardId) card.set("goalCardId", null);
  });
}

/** Links a measure card to the goal card it serves (both must exist, with those kinds). */
export function linkMeasureToGoal(
  doc: Y.Doc,
  measureCardId: string,
  goalCardId: string | null,
): void {
  const measure = getCard(doc, measureCardId);
  if (!measure) throw new AppError("not_found:card");
  if (measure.kind !== "measure")
    throw new AppError("bad_request:card", { fields: { kind: "invalid_choice" } });
  if (goalCardId !== null && getCard(doc, goalCardId)?.kind !== "goal") {
    throw new AppError("bad_request:card", { fields: { goalCardId: "invalid_choice" } });
  }
  cardMap(doc, measureCardId).set("goalCardId", goalCardId);
}

export function setMeasureFields(doc: Y.Doc, cardId: string, input: unknown): MeasureFields {
  const card = getCard(doc, cardId);
  if (!card) throw new AppError("not_found:card");
  if (card.kind !== "measure")
    throw new AppError("bad_request:card", { fields: { kind: "invalid_choice" } });
  const fields = parseInput(measureFieldsSchema, input);
  cardMap(doc, cardId).set("measure", fields);
  return fields;
}

/* ── clusters ──────────────────────────────────────────────────────────────────────────── */

export function getClusters(doc: Y.Doc): Cluster[] {
  return [...clustersOf(doc).values()].map((map) => ({
    id: map.get("id") as string,
    laneId: map.get("laneId") as string,
    title: map.get("title") as string,
  }));
}

/** Groups cards of one lane under a title. */
export function clusterCards(
  doc: Y.Doc,
  { laneId, title, cardIds }: { laneId: string; title: string; cardIds: string[] },
  factory?: Factory,
): Cluster {
  const { title: clean } = parseInput(laneInputSchema.pick({ title: true }), { title });
  const id = newId(factory);
  doc.transact(() => {
    const cluster = new Y.Map<unknown>();
    cluster.set("id", id);
    cluster.set("laneId", laneId);
    cluster.set("title", clean);
    clustersOf(doc).set(id, cluster);
    for (const cardId of cardIds) {
      const card = cardMap(doc, cardId);
      if (card.get("laneId") !== laneId)
        moveCard(doc, cardId, { laneId, index: Number.MAX_SAFE_INTEGER });
      card.set("clusterId", id);
    }
  });
  return { id, laneId, title: clean };
}

/** Puts a card into a cluster of its lane, or takes it out (null). */
export function setCardCluster(doc: Y.Doc, cardId: string, clusterId: string | null): void {
  const card = cardMap(doc, cardId);
  if (clusterId !== null && clustersOf(doc).get(clusterId)?.get("laneId") !== card.get("laneId"))
    throw new AppError("bad_request:card", { fields: { clusterId: "invalid_choice" } });
  card.set("clusterId", clusterId);
}

export function removeCluster(doc: Y.Doc, clusterId: string): void {
  doc.transact(() => {
    for (const card of cardsOf(doc).values())
      if (card.get("clusterId") === clusterId) card.set("clusterId", null);
    clustersOf(doc).delete(clusterId);
  });
}

/* ── votes ─────────────────────────────────────────────────────────────────────────────── */

/** Cards sorted by their dots in a revealed round (most first); ties keep board order. */
export function cardsByVotes(
  doc: Y.Doc,
  totals: Readonly<Record<string, number>>,
): Array<Card & { votes: number }> {
  return getCards(doc)
    .map((card) => ({ ...card, votes: totals[card.id] ?? 0 }))
    .sort((a, b) => b.votes - a.votes);
}
