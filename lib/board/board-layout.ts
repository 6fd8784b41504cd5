/**
 * How a board is laid out on screen, as pure functions of the board's lanes and cards: the order
 * of a lane's cards (board order or by dots), a lane's groups, the neighbours a card can move
 * to, the fields a phone jumps between, and the projector's pages.
 */
import type { Card, Cluster, Lane } from "./board-doc";

/** A lane's cards in board order, or by dots of a revealed round (most first, ties in board order). */
export function orderLaneCards<T extends Pick<Card, "id">>({
  cards,
  totals,
}: {
  cards: readonly T[];
  totals: Readonly<Record<string, number>> | null;
}): T[] {
  if (!totals) return [...cards];
  return [...cards].sort((a, b) => (totals[b.id] ?? 0) - (totals[a.id] ?? 0));
}

export interface LaneSegment<T> {
  /** null for the lane's ungrouped cards, which come first. */
  cluster: Cluster | null;
  cards: T[];
}

/** A lane's cards split into its ungrouped cards and then each of its groups, keeping order. */
export function laneSegments<T extends Pick<Card, "clusterId">>({
  laneId,
  cards,
  clusters,
}: {
  laneId: string;
  cards: readonly T[];
  clusters: readonly Cluster[];
}): Array<LaneSegment<T>> {
  const own = clusters.filter((c) => c.laneId === laneId);
  const grouped = new Set(own.map((c) => c.id));
  return [
    { cluster: null, cards: cards.filter((c) => !c.clusterId || !grouped.has(c.clusterId)) },
    ...own.map((cluster) => ({ cluster, cards: cards.filter((c) => c.clusterId === cluster.id) })),
  ];
}

/**
 * Where a card can move by keyboard or button: the neighbouring lanes, its index in its lane,
 * and the indexes (among the lane's other cards) that put it before the card above or after
 * the card below within its segment; null where there is none.
 */
export interface CardMoves {
  laneId: string;
  previousLaneId: string | null;
  nextLaneId: string | null;
  index: number;
  upIndex: number | null;
  downIndex: number | null;
}

export function cardMoves({
  lanes,
  laneIndex,
  order,
  segment,
  position,
}: {
  lanes: readonly Pick<Lane, "id">[];
  laneIndex: number;
  /** Each of the lane's cards' index in the order shown (see laneOrder). */
  order: ReadonlyMap<string, number>;
  /** The cards of the card's segment (ungrouped or one group), in the order shown. */
  segment: readonly Pick<Card, "id">[];
  /** The card's index within its segment. */
  position: number;
}): CardMoves {
  const at = order.get(segment[position]!.id)!;
  // Index among the lane's other cards (this one taken out).
  const indexOf = (other: Pick<Card, "id">) =>
    order.get(other.id)! - (order.get(other.id)! > at ? 1 : 0);
  const above = segment[position - 1];
  const below = segment[position + 1];
  return {
    laneId: lanes[laneIndex]!.id,
    previousLaneId: lanes[laneIndex - 1]?.id ?? null,
    nextLaneId: lanes[laneIndex + 1]?.id ?? null,
    index: at,
    upIndex: above ? indexOf(above) : null,
    downIndex: below ? indexOf(below) + 1 : null,
  };
}

/** Each card's index in its lane as shown, built once per lane for cardMoves. */
export function laneOrder(laneCards: readonly Pick<Card, "id">[]): Map<string, number> {
  return new Map(laneCards.map((card, index) => [card.id, index]));
}

export interface FieldSection {
  /** The field of action's id, or null for lanes without one. */
  fieldId: string | null;
  /** The first lane's title without its stock-take column, e.g. "2 Ankommen erleichtern". */
  title: string;
  laneIds: string[];
}

/**
 * Lanes grouped into consecutive sections by field of action (a stock-take has three lanes per
 * field), for jumping between fields on a phone. Lanes without a field are sections of their own.
 */
export function fieldSections({ lanes }: { lanes: readonly Lane[] }): FieldSection[] {
  const sections: FieldSection[] = [];
  for (const lane of lanes) {
    const last = sections.at(-1);
    if (last && lane.fieldId !== null && last.fieldId === lane.fieldId) {
      last.laneIds.push(lane.id);
      continue;
    }
    const title = lane.column ? lane.title.replace(/:\s[^:]*$/, "") : lane.title;
    sections.push({ fieldId: lane.fieldId, title, laneIds: [lane.id] });
  }
  return sections;
}

export interface ProjectorLane<T> {
  lane: Lane;
  /** The cards that fit, newest kept, shown in board order. */
  cards: T[];
  /** Older cards left out for want of room. */
  hidden: number;
}

/** Room on one projector page, in lines of card text at the projector's type size. */
export interface ProjectorRoom {
  columns: number;
  /** Lines of a lane's column: its title, a note of older cards, and the cards. */
  linesPerLane: number;
  charsPerLine: number;
}

/**
 * A 1920×1080 projector at 26 px type: five lanes side by side, six when the board is a
 * stock-take (three lanes per field, so two fields a page).
 */
export function projectorRoom({ lanes }: { lanes: readonly Lane[] }): ProjectorRoom {
  const stockTake = lanes.length > 0 && lanes.every((lane) => lane.column !== null);
  return stockTake
    ? { columns: 6, linesPerLane: 25, charsPerLine: 16 }
    : { columns: 5, linesPerLane: 25, charsPerLine: 20 };
}

/** Lines a card takes on the projector: its kind line, its wrapped text, and spacing. */
export function projectorCardLines({ text, charsPerLine }: { text: string; charsPerLine: number }) {
  const wrapped = text
    .split("\n")
    .reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / charsPerLine)), 0);
  return 2 + wrapped;
}

/**
 * The projector's pages: lanes in board order, `room.columns` to a page, each lane with as many
 * of its cards as fit, the newest kept (a room watches what was just written), shown in board
 * order, and a count of the older ones left out.
 */
export function projectorPages<T extends Pick<Card, "id" | "laneId" | "text" | "createdAt">>({
  lanes,
  cards,
  room,
}: {
  lanes: readonly Lane[];
  cards: readonly T[];
  room: ProjectorRoom;
}): Array<Array<ProjectorLane<T>>> {
  const pages: Array<Array<ProjectorLane<T>>> = [];
  for (let i = 0; i < lanes.length; i += room.columns) {
    pages.push(
      lanes.slice(i, i + room.columns).map((lane) => {
        const own = cards.filter((card) => card.laneId === lane.id);
        const newestFirst = own
          .map((card, index) => ({ card, index }))
          .sort((a, b) => b.card.createdAt - a.card.createdAt || b.index - a.index);
        const kept = new Set<string>();
        // The title (bold, so a little fewer letters a line), its rule, and the note of older cards.
        let lines = Math.ceil(lane.title.length / (room.charsPerLine - 2)) + 2;
        for (const { card } of newestFirst) {
          const need = projectorCardLines({ text: card.text, charsPerLine: room.charsPerLine });
          if (kept.size > 0 && lines + need > room.linesPerLane) break;
          if (kept.size === 0 && lines + need > room.linesPerLane) {
            // One card always shows, however long (its text is clipped at the lane's end).
            kept.add(card.id);
            break;
          }
          kept.add(card.id);
          lines += need;
        }
        return {
          lane,
          cards: own.filter((card) => kept.has(card.id)),
          hidden: own.length - kept.size,
        };
      }),
    );
  }
  return pages;
}
