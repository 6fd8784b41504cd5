/**
 * The rules a client's write to a board document must keep, checked by the sync server on the
 * transaction that applying the write made (to a working copy of the document, before anything
 * is stored or forwarded). The UI keeps the same rules; here they hold for a modified client.
 *
 * A write is looked at item by item (what it inserted and what it deleted), so nothing a client
 * can encode escapes the check: an unknown top-level type, a key no card has, a nested type
 * where the schema has a plain value, or a change to a card that belongs to someone else.
 */
import * as Y from "yjs";
import { z } from "zod";
import {
  BOARD_CARDS_MAX,
  BOARD_CLUSTERS_MAX,
  BOARD_LANES_MAX,
  CARD_TEXT_MAX,
  PRIVATE_CARDS_MAX,
  PRIVATE_VOTES_MAX,
  authorSchema,
  cardColours,
  cardKinds,
  laneInputSchema,
  measureFieldsSchema,
  stockTakeColumns,
  VOTE_BUDGET_MAX,
  type CardAuthor,
} from "./board-schema";

/** Who writes, as the server knows them. */
export interface Writer {
  /** The author identity their cards must carry (user or guest id, name from the database). */
  identity: CardAuthor;
  /** Moderators may restructure the board and delete or re-kind anyone's card. */
  moderator: boolean;
}

/** A broken rule: the reason is logged and counted, and named to the client. */
export class WriteRejected extends Error {}

function reject(reason: string): never {
  throw new WriteRejected(reason);
}

type AnyType = Y.AbstractType<unknown>;

/** Everything a transaction inserted and deleted (items only; GC structs carry no content). */
export function touchedItems(tr: Y.Transaction): { inserted: Y.Item[]; deleted: Y.Item[] } {
  const inserted: Y.Item[] = [];
  tr.afterState.forEach((clock, client) => {
    const before = tr.beforeState.get(client) ?? 0;
    if (clock === before) return;
    const structs = tr.doc.store.clients.get(client) ?? [];
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const struct = structs[i]!;
      if (struct.id.clock >= clock) break;
      if (struct instanceof Y.Item) inserted.push(struct);
    }
  });
  const deleted: Y.Item[] = [];
  Y.iterateDeletedStructs(tr, tr.deleteSet, (struct) => {
    if (struct instanceof Y.Item) deleted.push(struct);
  });
  return { inserted, deleted };
}

const existedBefore = (tr: Y.Transaction, item: Y.Item) =>
  item.id.clock < (tr.beforeState.get(item.id.client) ?? 0);

/** A map's value for a key as stored, also in a map deleted in this transaction. */
function storedValue(map: Y.Map<unknown>, key: string): unknown {
  const item = (map as unknown as { _map: Map<string, Y.Item> })._map.get(key);
  return item ? item.content.getContent().at(-1) : undefined;
}

/** Where an item sits, relative to the document's top-level types. */
type Place =
  | { at: "root"; root: string; key: string | null }
  | { at: "entry"; root: string; id: string; entry: Y.Map<unknown>; key: string | null }
  | { at: "text"; root: string; id: string; entry: Y.Map<unknown>; key: string }
  | { at: "dead" }
  | { at: "unknown" };

function placeOf(item: Y.Item): Place {
  const parent = item.parent as AnyType | null;
  if (!parent || !(parent instanceof Y.AbstractType)) return { at: "unknown" };
  if (parent._item === null)
    return { at: "root", root: Y.findRootTypeKey(parent), key: item.parentSub };
  if (parent._item.deleted && !item.deleted) return { at: "dead" };
  const grand = parent._item.parent as AnyType;
  if (grand._item === null && parent instanceof Y.Map && parent._item.parentSub !== null)
    return {
      at: "entry",
      root: Y.findRootTypeKey(grand),
      id: parent._item.parentSub,
      entry: parent,
      key: item.parentSub,
    };
  const entryItem = grand._item;
  if (
    parent instanceof Y.Text &&
    grand instanceof Y.Map &&
    entryItem !== null &&
    (entryItem.parent as AnyType)._item === null &&
    entryItem.parentSub !== null &&
    parent._item.parentSub !== null
  )
    return {
      at: "text",
      root: Y.findRootTypeKey(entryItem.parent as AnyType),
      id: entryItem.parentSub,
      entry: grand,
      key: parent._item.parentSub,
    };
  return { at: "unknown" };
}

/** What one transaction did to the entries (cards, lanes, …) of each top-level map. */
interface EntryChange {
  root: string;
  id: string;
  /** The entry's map now (undefined once removed). */
  now: Y.Map<unknown> | undefined;
  created: boolean;
  /** The entry's map as it was, if it was removed or replaced. */
  removed: Y.Map<unknown> | null;
  keys: Set<string>;
  text: boolean;
}

function changesOf(tr: Y.Transaction, roots: Record<string, "map-of-maps" | "map-of-values">) {
  const entries = new Map<string, EntryChange>();
  const values = new Map<string, Set<string>>();
  const entryOf = (root: string, id: string) => {
    const key = `${root}\u0000${id}`;
    let change = entries.get(key);
    if (!change) {
      const now = tr.doc.getMap<Y.Map<unknown>>(root).get(id);
      change = { root, id, now, created: false, removed: null, keys: new Set(), text: false };
      entries.set(key, change);
    }
    return change;
  };
  const { inserted, deleted } = touchedItems(tr);
  const visit = (item: Y.Item, wasInserted: boolean) => {
    const place = placeOf(item);
    if (place.at === "dead") return;
    if (place.at === "unknown") reject("unknown_type");
    const shape = roots[place.root];
    if (!shape) reject(`unknown_root:${place.root.slice(0, 40)}`);
    if (place.key === null) reject("list_content_in_map");
    if (place.at === "root") {
      if (shape === "map-of-values") {
        let keys = values.get(place.root);
        if (!keys) values.set(place.root, (keys = new Set()));
        keys.add(place.key);
        return;
      }
      const change = entryOf(place.root, place.key);
      if (wasInserted && !item.deleted) change.created = true;
      if (!wasInserted && existedBefore(tr, item)) {
        const content = item.content;
        change.removed = content instanceof Y.ContentType ? (content.type as Y.Map<unknown>) : null;
        if (!change.removed) reject("entry_not_a_map");
      }
      return;
    }
    if (shape !== "map-of-maps") reject("nested_type");
    // Inside an entry created in this transaction, the entry's creation covers it.
    if (!existedBefore(tr, place.entry._item!)) return;
    const change = entryOf(place.root, place.id);
    if (place.at === "text") {
      if (place.key !== "text") reject("nested_type");
      change.text = true;
    } else {
      change.keys.add(place.key);
    }
  };
  for (const item of inserted) visit(item, true);
  for (const item of deleted) visit(item, false);
  return { entries: [...entries.values()], values };
}

/* ── value schemas: what an entry may hold, type by type ──────────────────────────────── */

const shortId = z.string().min(1).max(100);
const position = z.string().min(1).max(200);

const plainText = z.custom<Y.Text>(
  (value) =>
    value instanceof Y.Text &&
    value.length <= CARD_TEXT_MAX &&
    value.toDelta().every((op: { insert?: unknown; attributes?: unknown }) => {
      return typeof op.insert === "string" && op.attributes === undefined;
    }),
  { message: "text" },
);

const cardShape = {
  id: shortId,
  laneId: shortId,
  position,
  kind: z.enum(cardKinds),
  text: plainText,
  colour: z.enum(cardColours),
  author: authorSchema.nullable(),
  clusterId: shortId.nullable(),
  goalCardId: shortId.nullable(),
  measure: measureFieldsSchema.strict().nullable(),
  createdAt: z.number().int().nonnegative(),
};
const boardCard = z.object(cardShape).strict();
const privateCard = z.object({ ...cardShape, anonymous: z.boolean() }).strict();

const lane = z
  .object({
    id: shortId,
    title: laneInputSchema.shape.title,
    position,
    fieldId: z.uuid().nullable(),
    column: z.enum(stockTakeColumns).nullable(),
  })
  .strict();

const cluster = z
  .object({ id: shortId, laneId: shortId, title: laneInputSchema.shape.title })
  .strict();

function plain(map: Y.Map<unknown>): Record<string, unknown> {
  return Object.fromEntries(map.entries());
}

/** Partial schemas built once: zod compiles a schema on first use, so building one per check is slow. */
const partials = new WeakMap<z.ZodObject, z.ZodObject>();
function partialOf(schema: z.ZodObject): z.ZodObject {
  let partial = partials.get(schema);
  if (!partial) partials.set(schema, (partial = schema.partial()));
  return partial;
}

/** Validates an entry's current content: all fields when created, the stored ones otherwise. */
function checkEntry(schema: z.ZodObject, change: EntryChange, name: string) {
  const map = change.now;
  if (!(map instanceof Y.Map)) return reject(`${name}_not_a_map`);
  // Shared types only where the schema has one (a card's text); values are plain JSON.
  for (const [key, value] of map.entries())
    if (value instanceof Y.AbstractType && !(key === "text" && value instanceof Y.Text))
      reject(`${name}_invalid:${key.slice(0, 40)}`);
  const result = (change.created ? schema : partialOf(schema)).safeParse(plain(map));
  if (!result.success) {
    const issue = result.error.issues[0];
    const field =
      issue?.path[0] ?? (issue?.code === "unrecognized_keys" ? issue.keys[0] : undefined);
    reject(`${name}_invalid:${String(field ?? "").slice(0, 40)}`);
  }
  if (map.get("id") !== undefined && map.get("id") !== change.id) reject(`${name}_id_mismatch`);
}

const sameAuthor = (a: unknown, b: CardAuthor) =>
  typeof a === "object" &&
  a !== null &&
  (a as CardAuthor).id === b.id &&
  (a as CardAuthor).name === b.name;

const ownedBy = (author: unknown, writer: Writer) =>
  typeof author === "object" && author !== null && (author as CardAuthor).id === writer.identity.id;

/** Fields nobody changes once a card exists. */
const FIXED_CARD_KEYS = new Set(["id", "author", "createdAt", "anonymous"]);

/**
 * The shared board: lanes and their layout are moderators' only; a new card carries its
 * writer as author (anonymous cards come only from the server); only a card's author and
 * moderators delete it or change its kind; everyone edits card text together, except on
 * anonymous cards; every value has the schema's type and size; at most BOARD_CARDS_MAX cards.
 */
export function checkBoardWrite(tr: Y.Transaction, writer: Writer): void {
  const { entries } = changesOf(tr, {
    lanes: "map-of-maps",
    cards: "map-of-maps",
    clusters: "map-of-maps",
  });
  for (const change of entries) {
    if (change.root === "lanes") {
      if (!writer.moderator) reject("lanes_moderators_only");
      if (change.removed && change.created) reject("lane_replaced");
      if (change.now) checkEntry(lane, change, "lane");
      continue;
    }
    if (change.root === "clusters") {
      if (change.removed && change.created) reject("cluster_replaced");
      if (change.now) checkEntry(cluster, change, "cluster");
      continue;
    }
    if (change.removed) {
      if (change.created) reject("card_replaced");
      if (!writer.moderator && !ownedBy(storedValue(change.removed, "author"), writer))
        reject("card_delete_not_own");
      continue;
    }
    if (change.created) {
      checkEntry(boardCard, change, "card");
      if (!sameAuthor(change.now!.get("author"), writer.identity)) reject("card_author_forged");
      continue;
    }
    if (!change.now) continue;
    for (const key of change.keys) if (FIXED_CARD_KEYS.has(key)) reject(`card_${key}_fixed`);
    const author = change.now.get("author");
    if (change.keys.has("kind") && !writer.moderator && !ownedBy(author, writer))
      reject("card_kind_not_own");
    const textChanged = change.text || change.keys.has("text");
    if (textChanged && (author === null || author === undefined)) reject("anonymous_text_fixed");
    checkEntry(boardCard, change, "card");
  }
  const board = tr.doc;
  if (board.getMap("cards").size > BOARD_CARDS_MAX) reject("too_many_cards");
  if (board.getMap("lanes").size > BOARD_LANES_MAX) reject("too_many_lanes");
  if (board.getMap("clusters").size > BOARD_CLUSTERS_MAX) reject("too_many_clusters");
}

/**
 * Every entry of a board checked against the schema, as if each had just been written: the
 * rules a board the server writes itself (the demo, published cards) must keep too, so that
 * participants can go on editing it. Returns the problems, empty if none.
 */
export function boardProblems(board: Y.Doc): string[] {
  const problems: string[] = [];
  for (const [root, schema, name] of [
    ["lanes", lane, "lane"],
    ["cards", boardCard, "card"],
    ["clusters", cluster, "cluster"],
  ] as const) {
    for (const [id, now] of board.getMap<Y.Map<unknown>>(root).entries()) {
      const change = {
        root,
        id,
        now,
        created: true,
        removed: null,
        keys: new Set<string>(),
        text: false,
      };
      try {
        checkEntry(schema, change, name);
      } catch (error) {
        if (!(error instanceof WriteRejected)) throw error;
        problems.push(`${id}: ${error.message}`);
      }
    }
  }
  return problems;
}

const VOTE_KEY = /^\d{1,6}\|[A-Za-z0-9-]{1,100}$/;
const dotCount = z.number().int().min(1).max(VOTE_BUDGET_MAX);

/**
 * A person's private scope (only its owner writes it): cards in the board's layout, whose
 * author is the owner or, for anonymous ones, nobody; dots as whole counts per round and card.
 */
export function checkPrivateScopeWrite(tr: Y.Transaction, writer: Writer): void {
  const { entries, values } = changesOf(tr, { cards: "map-of-maps", votes: "map-of-values" });
  for (const change of entries) {
    if (change.removed && change.created) reject("card_replaced");
    if (!change.now) continue;
    for (const key of change.keys) if (FIXED_CARD_KEYS.has(key)) reject(`card_${key}_fixed`);
    checkEntry(privateCard, change, "card");
    const anonymous = change.now.get("anonymous") === true;
    const author = change.now.get("author");
    if (anonymous ? author !== null : !sameAuthor(author, writer.identity))
      reject("card_author_forged");
  }
  const votes = tr.doc.getMap<unknown>("votes");
  for (const key of values.get("votes") ?? []) {
    if (!VOTE_KEY.test(key)) reject("vote_key");
    if (votes.has(key) && !dotCount.safeParse(votes.get(key)).success) reject("vote_value");
  }
  if (tr.doc.getMap("cards").size > PRIVATE_CARDS_MAX) reject("too_many_cards");
  if (votes.size > PRIVATE_VOTES_MAX) reject("too_many_votes");
}

/** Documents whose content is not checked entry by entry still keep to their top-level types. */
export function checkRoots(tr: Y.Transaction, allowed: ReadonlySet<string>): void {
  const { inserted, deleted } = touchedItems(tr);
  for (const item of [...inserted, ...deleted]) {
    let type = item.parent as AnyType | null;
    if (!type || !(type instanceof Y.AbstractType)) return reject("unknown_type");
    while (type._item !== null) type = type._item.parent as AnyType;
    if (!allowed.has(Y.findRootTypeKey(type))) reject("unknown_root");
  }
}
