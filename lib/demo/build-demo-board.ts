/**
 * Builds the demo kick-off's board, control and private-scope documents through the board's
 * typed accessors, exactly as the live board would have written them: stock-take lanes from the
 * template, cards with their authors, groups, measure details linked to goal cards, and a dot
 * vote whose dots sit in each participant's private scope and whose count the control document
 * holds as the revealed result (counted by the same function the sync server uses).
 */
import * as Y from "yjs";
import {
  getControlState,
  revealVotes,
  setPhase,
  setProjectorView,
  setVoteResults,
  startVotingRound,
} from "@/lib/board/board-control";
import {
  addCard,
  applyLaneTemplate,
  clusterCards,
  getLanes,
  linkMeasureToGoal,
  setCardColour,
  setMeasureFields,
} from "@/lib/board/board-doc";
import type { CardAuthor, StockTakeColumn } from "@/lib/board/board-schema";
import { castDot, countDots, getMyDots } from "@/lib/board/private-scope";
import { AppError } from "@/lib/errors";
import de from "@/messages/de.json";
import {
  DEMO_BOARD_BALLOTS,
  DEMO_BOARD_CARDS,
  DEMO_BOARD_CLUSTERS,
  DEMO_BOARD_FIELDS,
  DEMO_BOARD_PHASE,
  DEMO_BOARD_VOTING,
  type DemoCardAuthor,
  type DemoParticipantKey,
} from "./deichhausen-board";

export interface DemoBoardDocs {
  board: Y.Doc;
  control: Y.Doc;
  /** One private scope per participant who voted, keyed by their guest id. */
  scopes: Map<string, Y.Doc>;
}

export function buildDemoBoard({
  fields,
  guests,
  moderator,
  startsAt,
}: {
  /** The concept's fields of action (all of them; the board uses the demo's few). */
  fields: Array<{ id: string; number: number; title: string }>;
  /** The participants as guests: their guest id and display name. */
  guests: Map<DemoParticipantKey, CardAuthor>;
  moderator: CardAuthor;
  /** Epoch ms the workshop started; cards are dated from it. */
  startsAt: number;
}): DemoBoardDocs {
  const board = new Y.Doc();
  const control = new Y.Doc();

  applyLaneTemplate(board, {
    template: "stock_take",
    fields: fields.filter((field) =>
      (DEMO_BOARD_FIELDS as readonly number[]).includes(field.number),
    ),
    labels: { ...de.board.stockTake, free: de.board.freeLane },
  });
  const fieldIdByNumber = new Map(fields.map((field) => [field.number, field.id]));
  const laneOf = (field: number, column: StockTakeColumn): string => {
    const lane = getLanes(board).find(
      (l) => l.fieldId === fieldIdByNumber.get(field) && l.column === column,
    );
    if (!lane) throw new AppError(`internal:demo_lane:${field}:${column}`);
    return lane.id;
  };
  const authorOf = (author: DemoCardAuthor): CardAuthor | null => {
    if (author === null) return null;
    if (author === "moderator") return moderator;
    const guest = guests.get(author);
    if (!guest) throw new AppError(`internal:demo_guest:${author}`);
    return guest;
  };

  const cardIdByKey = new Map<string, string>();
  const cardId = (key: string): string => {
    const id = cardIdByKey.get(key);
    if (!id) throw new AppError(`internal:demo_card:${key}`);
    return id;
  };
  // Written in the order the room wrote them.
  for (const demo of [...DEMO_BOARD_CARDS].sort((a, b) => a.minute - b.minute)) {
    const card = addCard(
      board,
      {
        laneId: laneOf(demo.field, demo.column),
        kind: demo.kind ?? "idea",
        text: demo.text,
        author: authorOf(demo.author),
      },
      { now: startsAt + demo.minute * 60_000 },
    );
    cardIdByKey.set(demo.key, card.id);
    if (demo.colour) setCardColour(board, card.id, demo.colour);
  }
  for (const demo of DEMO_BOARD_CARDS) {
    if (demo.measure) setMeasureFields(board, cardId(demo.key), demo.measure);
    if (demo.goal) linkMeasureToGoal(board, cardId(demo.key), cardId(demo.goal));
  }
  for (const cluster of DEMO_BOARD_CLUSTERS) {
    clusterCards(board, {
      laneId: laneOf(cluster.field, cluster.column),
      title: cluster.title,
      cardIds: cluster.cards.map(cardId),
    });
  }

  setPhase(control, DEMO_BOARD_PHASE);
  startVotingRound(control, DEMO_BOARD_VOTING);
  const open = getControlState(control).voting;
  const scopes = new Map<string, Y.Doc>();
  for (const [key, dots] of Object.entries(DEMO_BOARD_BALLOTS) as Array<
    [DemoParticipantKey, readonly string[]]
  >) {
    const guest = guests.get(key);
    if (!guest) throw new AppError(`internal:demo_guest:${key}`);
    const scope = new Y.Doc();
    for (const key of dots) castDot(scope, { voting: open, cardId: cardId(key), delta: 1 });
    scopes.set(guest.id, scope);
  }
  revealVotes(control);
  const revealed = getControlState(control).voting;
  setVoteResults(
    control,
    countDots({
      ballots: [...scopes.values()].map((scope) => getMyDots(scope, revealed.round)),
      board,
      voting: revealed,
    }),
  );
  // After discussing the result the facilitator put the board back on the projector.
  setProjectorView(control, "board");
  return { board, control, scopes };
}
