/**
 * The workshop board's vocabulary and input schemas, shared by the board UI and the server.
 * The Yjs layout that holds these lives in board-doc.ts.
 */
import { z } from "zod";
import { measurePriorities, measureStatuses, responsibilityRoles } from "@/lib/domain-values";

export const cardKinds = ["idea", "goal", "measure", "question"] as const;
export type CardKind = (typeof cardKinds)[number];

/** Sticky-note colours, named by meaning-free hue so facilitators can use them freely. */
export const cardColours = ["yellow", "blue", "green", "pink", "orange", "grey"] as const;
export type CardColour = (typeof cardColours)[number];

export const laneTemplates = ["stock_take", "goals_measures", "free"] as const;
export type LaneTemplate = (typeof laneTemplates)[number];

/** Stock-take lanes per field of action (Bestandsaufnahme). */
export const stockTakeColumns = ["strengths", "gaps", "offers"] as const;
export type StockTakeColumn = (typeof stockTakeColumns)[number];

export const CARD_TEXT_MAX = 1000;
/** Bounds of one board, held by the sync server (lib/board/write-rules.ts). */
export const BOARD_CARDS_MAX = 2000;
export const BOARD_LANES_MAX = 200;
export const BOARD_CLUSTERS_MAX = 500;
/** Bounds of one person's private scope. */
export const PRIVATE_CARDS_MAX = 500;
export const PRIVATE_VOTES_MAX = 500;
export const VOTE_BUDGET_MAX = 20;

export const laneInputSchema = z.object({
  title: z.string().trim().min(1).max(200),
  fieldId: z.uuid().nullable().default(null),
  column: z.enum(stockTakeColumns).nullable().default(null),
});
export type LaneInput = z.input<typeof laneInputSchema>;

export const authorSchema = z.object({
  /** A user id or guest id; what the server checks ownership by. */
  id: z.string().min(1).max(100),
  name: z.string().trim().min(1).max(80),
});
export type CardAuthor = z.infer<typeof authorSchema>;

export const cardInputSchema = z.object({
  laneId: z.string().min(1),
  kind: z.enum(cardKinds).default("idea"),
  text: z.string().max(CARD_TEXT_MAX).default(""),
  colour: z.enum(cardColours).default("yellow"),
  /** null for an anonymous card: no author is stored on it at all. */
  author: authorSchema.nullable(),
});
export type CardInput = z.input<typeof cardInputSchema>;

export const responsibilityInputSchema = z.object({
  organisation: z.string().trim().min(1).max(200),
  role: z.enum(responsibilityRoles),
});

/** The structured fields a measure card carries until it is committed to the concept store. */
export const measureFieldsSchema = z.object({
  responsibilities: z.array(responsibilityInputSchema).max(20).default([]),
  target: z.string().trim().max(500).default(""),
  timeframe: z.string().trim().max(200).default(""),
  priority: z.enum(measurePriorities).nullable().default(null),
  status: z.enum(measureStatuses).default("new"),
});
export type MeasureFields = z.infer<typeof measureFieldsSchema>;

export const votingRoundSchema = z.object({
  budget: z.number().int().min(1).max(VOTE_BUDGET_MAX),
  allowMultiple: z.boolean(),
});
