import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addField, updateField } from "@/lib/concept/edit-fields";
import { updateGoal, updateMeasure } from "@/lib/concept/edit-goals-measures";
import { goals, measures, organisations, revisions } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { latestRevisionNumber } from "@/lib/revision/record-revision";
import { outcomeOf } from "../../support/app-error";
import { buildConcept, buildUser } from "../../support/factories";
import { openTestDatabase, POSTGRES_URL } from "../../support/test-database";

const databases = POSTGRES_URL ? (["pglite", "default"] as const) : (["pglite"] as const);

/**
 * Direct edits of one concept at the same moment: each becomes its own revision in turn, or, if
 * both were made on the same base revision, one wins and the other is refused with
 * conflict:revision; never a unique violation from the revision number, never a deadlock.
 */
describe.each(databases)("concurrent direct edits (%s)", (kind) => {
  let handle: Awaited<ReturnType<typeof openTestDatabase>>;
  let moderator: string;
  let conceptId: string;
  let otherConceptId: string;
  let fieldIds: string[];
  let goalId: string;
  const measureIds: string[] = [];
  let otherMeasureId: string;

  const editMeasure = (measureId: string, input: Record<string, unknown>, concept = conceptId) =>
    updateMeasure({
      db: handle.db,
      userId: moderator,
      conceptId: concept,
      measureId,
      input: { status: "planned", ...input },
    });
  const revisionCount = async () =>
    (await handle.db.select().from(revisions).where(eq(revisions.conceptId, conceptId))).length;

  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    if (kind === "default") expect(handle.kind).toBe("postgres");
    moderator = (await buildUser(handle.db)).id;
    const members = [{ userId: moderator, role: "moderator" as const }];
    const concept = await buildConcept(handle.db, { members, fieldCount: 3 });
    conceptId = concept.id;
    fieldIds = concept.fields.map((f) => f.id);
    const [goal] = await handle.db
      .insert(goals)
      .values({ fieldId: fieldIds[0]!, number: 1, text: "Sprache" })
      .returning({ id: goals.id });
    goalId = goal!.id;
    for (const number of [1, 2, 3, 4]) {
      const [measure] = await handle.db
        .insert(measures)
        .values({ goalId, number, title: `Maßnahme ${number}` })
        .returning({ id: measures.id });
      measureIds.push(measure!.id);
    }
    const other = await buildConcept(handle.db, { members, fieldCount: 1 });
    otherConceptId = other.id;
    const [otherGoal] = await handle.db
      .insert(goals)
      .values({ fieldId: other.fields[0]!.id, number: 1, text: "Arbeit" })
      .returning({ id: goals.id });
    const [otherMeasure] = await handle.db
      .insert(measures)
      .values({ goalId: otherGoal!.id, number: 1, title: "Jobbörse" })
      .returning({ id: measures.id });
    otherMeasureId = otherMeasure!.id;
  });
  afterAll(() => handle.close());

  it("gives one revision and a conflict for two saves on the same base revision", async () => {
    const base = await latestRevisionNumber({ tx: handle.db, conceptId });
    const before = await revisionCount();
    const outcomes = await Promise.all([
      outcomeOf(editMeasure(measureIds[0]!, { title: "Sprachcafé", baseRevision: base })),
      outcomeOf(editMeasure(measureIds[0]!, { title: "Lesecafé", baseRevision: String(base) })),
    ]);
    expect(outcomes.sort()).toEqual(["conflict:revision", "ok"]);
    expect(await revisionCount()).toBe(before + 1);

    const stale = await editMeasure(measureIds[0]!, { title: "x", baseRevision: base }).catch(
      (error: unknown) => error,
    );
    expect(stale).toBeInstanceOf(AppError);
    expect((stale as AppError).details).toEqual({ currentRevision: base + 1 });
  });

  it("records concurrent edits without a base one after another, with consecutive numbers", async () => {
    const base = await latestRevisionNumber({ tx: handle.db, conceptId });
    const outcomes = await Promise.all([
      ...measureIds.map((id, i) => outcomeOf(editMeasure(id, { title: `Neu ${i}` }))),
      outcomeOf(
        updateGoal({ db: handle.db, userId: moderator, conceptId, goalId, input: { text: "Z" } }),
      ),
      outcomeOf(
        updateField({
          db: handle.db,
          userId: moderator,
          conceptId,
          fieldId: fieldIds[1]!,
          input: { title: "Bildung", strategicGoal: "" },
        }),
      ),
      outcomeOf(
        addField({
          db: handle.db,
          userId: moderator,
          conceptId,
          input: { title: "Wohnen", strategicGoal: "" },
        }),
      ),
      outcomeOf(
        addField({
          db: handle.db,
          userId: moderator,
          conceptId,
          input: { title: "Gesundheit", strategicGoal: "" },
        }),
      ),
    ]);
    expect(outcomes).toEqual(Array(8).fill("ok"));
    const numbers = (
      await handle.db
        .select({ number: revisions.number })
        .from(revisions)
        .where(eq(revisions.conceptId, conceptId))
    )
      .map((r) => r.number)
      .filter((n) => n > base)
      .sort((a, b) => a - b);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => base + n));
  });

  it("creates an organisation named in two concepts at once only once", async () => {
    const outcomes = await Promise.all([
      outcomeOf(editMeasure(measureIds[1]!, { title: "Elterncafé", lead: "Neuer Elternverein" })),
      outcomeOf(
        editMeasure(
          otherMeasureId,
          { title: "Jobbörse", lead: "Neuer Elternverein" },
          otherConceptId,
        ),
      ),
    ]);
    expect(outcomes).toEqual(["ok", "ok"]);
    const rows = await handle.db
      .select()
      .from(organisations)
      .where(eq(organisations.name, "Neuer Elternverein"));
    expect(rows).toHaveLength(1);
  });
});
