/**
 * Committing what a working group produced on a board into the concept store: goal cards become
 * operational goals of their lane's field of action, measure cards become measures of the goal
 * card they are linked to, with responsibilities, target, timeframe, priority, status and their
 * provenance (workshop, cards, dots). One commit is one revision.
 *
 * - Idempotent: a card committed again updates the goal or measure it became, never a second one.
 * - Numbers ("2.4", "2.4.1") are assigned once and never reused or shifted.
 * - Optimistic concurrency: the caller names the revision it reviewed; if another commit landed
 *   since, this one is refused with conflict:revision (and the current number) to refresh.
 * - A dry run does everything inside the transaction, returns the diff and rolls back, so the
 *   review shows exactly what a commit would do.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import * as Y from "yjs";
import { z } from "zod";
import { getControlState } from "@/lib/board/board-control";
import { getCards, getLanes, type Card } from "@/lib/board/board-doc";
import { loadConceptContent } from "@/lib/concept/load-concept-content";
import type { Db, Tx } from "@/lib/db/client";
import { fields, goals, measures, responsibilities } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/forms/parse-input";
import { organisationsByName } from "@/lib/concept/organisations";
import { diffContent, type ContentDiff } from "@/lib/revision/diff-content";
import { lockConceptRevisions, recordRevision } from "@/lib/revision/record-revision";
import { formatDocName } from "@/lib/sync/doc-names";
import { DocStore } from "@/lib/sync/doc-store";
import { requireWorkshopModerator } from "@/lib/workshop/invites";
import { validateCardContent } from "./card-content";

export const commitInputSchema = z.object({
  cardIds: z.array(z.string().min(1).max(100)).min(1).max(2000),
  message: z.string().trim().min(1).max(500),
  /** The revision the moderator reviewed; a dry run may leave it out (it only reports). */
  baseRevision: z.number().int().min(0).optional(),
  dryRun: z.boolean().default(false),
});

export interface CommitResult {
  /** The revision created; for a dry run, the one that would be. */
  revision: number;
  dryRun: boolean;
  diff: ContentDiff;
  /** Selected cards that are neither goals nor measures (ideas, questions): not committed. */
  skipped: string[];
}

class DryRun extends Error {
  constructor(readonly result: CommitResult) {
    super("dry run");
  }
}

/** The board as it is durably stored, with the dots of the last revealed round. */
async function loadBoard(db: Db, workshopId: string) {
  const store = new DocStore(db);
  const board = new Y.Doc();
  const control = new Y.Doc();
  Y.applyUpdate(board, (await store.load(formatDocName({ kind: "board", id: workshopId }))).state);
  Y.applyUpdate(
    control,
    (await store.load(formatDocName({ kind: "board-control", id: workshopId }))).state,
  );
  const { results } = getControlState(control);
  const lanes = new Map(getLanes(board).map((lane) => [lane.id, lane]));
  const cards = new Map(getCards(board).map((card) => [card.id, card]));
  board.destroy();
  control.destroy();
  return { lanes, cards, votes: results?.totals ?? {} };
}

export async function commitBoardCards({
  db,
  userId,
  workshopId,
  input,
}: {
  db: Db;
  userId: string | undefined;
  workshopId: string;
  input: unknown;
}): Promise<CommitResult> {
  const conceptId = await requireWorkshopModerator(db, userId, workshopId);
  const data = parseInput(commitInputSchema, input);
  if (!data.dryRun && data.baseRevision === undefined)
    throw new AppError("bad_request:input", { fields: { baseRevision: "required" } });
  const board = await loadBoard(db, workshopId);

  const picked: Card[] = [];
  const skipped: string[] = [];
  for (const id of new Set(data.cardIds)) {
    const card = board.cards.get(id);
    if (!card) throw new AppError("bad_request:commit", { fields: { cardIds: "unknown_card" } });
    if (card.kind === "goal" || card.kind === "measure") picked.push(card);
    else skipped.push(id);
  }
  if (picked.length === 0)
    throw new AppError("bad_request:commit", { fields: { cardIds: "no_goal_or_measure" } });
  const selected = validateCardContent({ cards: picked });

  try {
    return await db.transaction(async (tx) => {
      // One revision per concept at a time; the base check then sees every earlier one.
      await lockConceptRevisions({ tx, conceptId, baseRevision: data.baseRevision });
      const before = await loadConceptContent({ db: tx, conceptId });
      if (!before) throw new AppError("not_found:concept");

      const goalIds = await upsertGoals(tx, { conceptId, workshopId, board, selected });
      await upsertMeasures(tx, { conceptId, workshopId, board, selected, goalIds });

      const revision = await recordRevision({
        tx,
        conceptId,
        authorId: userId ?? null,
        message: data.message,
        sourceWorkshopId: workshopId,
      });
      const result: CommitResult = {
        revision: revision.number,
        dryRun: data.dryRun,
        diff: diffContent(before, revision.content as typeof before),
        skipped,
      };
      if (data.dryRun) throw new DryRun(result);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.result;
    throw error;
  }
}

type Board = Awaited<ReturnType<typeof loadBoard>>;

/** The control doc is client-written too: only a plain count is stored. */
const voteCountOf = (value: unknown): number | null =>
  Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) < 2 ** 31
    ? (value as number)
    : null;

/** Hands out the next free number per parent (field or goal), counting retired items too. */
async function numbering(tx: Tx, table: typeof goals | typeof measures, parentIds: string[]) {
  const parent = table === goals ? goals.fieldId : measures.goalId;
  const rows = parentIds.length
    ? await tx
        .select({ parentId: parent, max: sql<number>`max(${table.number})` })
        .from(table)
        .where(inArray(parent, parentIds))
        .groupBy(parent)
    : [];
  const last = new Map(rows.map((row) => [row.parentId, Number(row.max)]));
  return (parentId: string) => {
    const next = (last.get(parentId) ?? 0) + 1;
    last.set(parentId, next);
    return next;
  };
}

/** Goal cards → goals of their lane's field; returns goal ids by goal card id (also earlier ones). */
async function upsertGoals(
  tx: Tx,
  {
    conceptId,
    workshopId,
    board,
    selected,
  }: { conceptId: string; workshopId: string; board: Board; selected: Card[] },
): Promise<Map<string, string>> {
  const goalCards = selected.filter((card) => card.kind === "goal");
  const conceptFields = (
    await tx.select({ id: fields.id }).from(fields).where(eq(fields.conceptId, conceptId))
  ).map((f) => f.id);
  const cardIds = [
    ...goalCards.map((card) => card.id),
    ...selected.flatMap((card) =>
      card.kind === "measure" && card.goalCardId ? [card.goalCardId] : [],
    ),
  ];
  const existing = cardIds.length
    ? await tx
        .select({ id: goals.id, text: goals.text, cardId: goals.sourceCardId })
        .from(goals)
        .where(and(inArray(goals.fieldId, conceptFields), inArray(goals.sourceCardId, cardIds)))
    : [];
  const known = new Map(existing.map((goal) => [goal.cardId!, goal]));
  const ids = new Map(existing.map((goal) => [goal.cardId!, goal.id]));
  const nextNumber = await numbering(tx, goals, conceptFields);
  const inserts: Array<typeof goals.$inferInsert> = [];
  for (const card of goalCards) {
    const text = card.text.trim();
    if (!text) throw new AppError("bad_request:commit", { fields: { [card.id]: "empty_text" } });
    const goal = known.get(card.id);
    if (goal) {
      if (goal.text !== text) await tx.update(goals).set({ text }).where(eq(goals.id, goal.id));
      continue;
    }
    const fieldId = board.lanes.get(card.laneId)?.fieldId;
    if (!fieldId || !conceptFields.includes(fieldId))
      throw new AppError("bad_request:commit", { fields: { [card.id]: "lane_without_field" } });
    inserts.push({
      fieldId,
      number: nextNumber(fieldId),
      text,
      sourceWorkshopId: workshopId,
      sourceCardId: card.id,
    });
  }
  if (inserts.length) {
    const rows = await tx
      .insert(goals)
      .values(inserts)
      .returning({ id: goals.id, cardId: goals.sourceCardId });
    for (const row of rows) ids.set(row.cardId!, row.id);
  }
  return ids;
}

/** Measure cards → measures of the goal their card is linked to, with responsibilities. */
async function upsertMeasures(
  tx: Tx,
  {
    conceptId,
    workshopId,
    board,
    selected,
    goalIds,
  }: {
    conceptId: string;
    workshopId: string;
    board: Board;
    selected: Card[];
    goalIds: Map<string, string>;
  },
) {
  const measureCards = selected.filter((c) => c.kind === "measure");
  if (measureCards.length === 0) return;
  const existing = await tx
    .select({ id: measures.id, goalId: measures.goalId, cardIds: measures.sourceCardIds })
    .from(measures)
    .innerJoin(goals, eq(goals.id, measures.goalId))
    .innerJoin(fields, eq(fields.id, goals.fieldId))
    .where(
      and(
        eq(fields.conceptId, conceptId),
        // Any measure whose provenance names one of these cards.
        sql`${measures.sourceCardIds} ?| array[${sql.join(
          measureCards.map((card) => sql`${card.id}`),
          sql`, `,
        )}]::text[]`,
      ),
    );
  const known = new Map<string, { id: string; goalId: string }>();
  for (const row of existing) for (const cardId of row.cardIds) known.set(cardId, row);
  const nextNumber = await numbering(tx, measures, [...new Set(goalIds.values())]);
  const organisationIds = await organisationsByName(
    tx,
    measureCards.flatMap((card) =>
      (card.measure?.responsibilities ?? []).map((r) => r.organisation),
    ),
  );

  const inserts: Array<typeof measures.$inferInsert> = [];
  const responsibilitiesByCard = new Map<string, Array<typeof responsibilities.$inferInsert>>();
  const updated: string[] = [];
  for (const card of measureCards) {
    const title = card.text.trim();
    if (!title) throw new AppError("bad_request:commit", { fields: { [card.id]: "empty_text" } });
    const goalId = card.goalCardId ? goalIds.get(card.goalCardId) : undefined;
    if (!goalId)
      throw new AppError("bad_request:commit", { fields: { [card.id]: "measure_without_goal" } });
    const details = card.measure;
    const values = {
      title,
      target: details?.target ?? "",
      timeframe: details?.timeframe ?? "",
      priority: details?.priority ?? null,
      status: details?.status ?? ("new" as const),
      sourceWorkshopId: workshopId,
      voteCount: voteCountOf(board.votes[card.id]),
    };
    const seen = new Set<string>();
    responsibilitiesByCard.set(
      card.id,
      (details?.responsibilities ?? []).flatMap(({ organisation, role }, position) => {
        const organisationId = organisationIds.get(organisation.trim().toLowerCase())!;
        if (seen.has(organisationId)) return [];
        seen.add(organisationId);
        return [{ measureId: "", organisationId, role, position }];
      }),
    );
    const measure = known.get(card.id);
    if (measure) {
      updated.push(measure.id);
      await tx
        .update(measures)
        .set({
          ...values,
          // Linked to another goal card since: moves, with a new number under that goal.
          ...(measure.goalId !== goalId ? { goalId, number: nextNumber(goalId) } : {}),
        })
        .where(eq(measures.id, measure.id));
      for (const r of responsibilitiesByCard.get(card.id)!) r.measureId = measure.id;
    } else {
      inserts.push({ ...values, goalId, number: nextNumber(goalId), sourceCardIds: [card.id] });
    }
  }
  if (inserts.length) {
    const rows = await tx
      .insert(measures)
      .values(inserts)
      .returning({ id: measures.id, cardIds: measures.sourceCardIds });
    for (const row of rows)
      for (const r of responsibilitiesByCard.get(row.cardIds[0]!) ?? []) r.measureId = row.id;
  }
  if (updated.length)
    await tx.delete(responsibilities).where(inArray(responsibilities.measureId, updated));
  const all = [...responsibilitiesByCard.values()].flat();
  if (all.length) await tx.insert(responsibilities).values(all);
}
