import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateGoal, updateMeasure } from "@/lib/concept/edit-goals-measures";
import { loadConceptContent } from "@/lib/concept/load-concept-content";
import { goals, measures } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { diffRevisions, listRevisions } from "@/lib/revision/revisions";
import { buildConcept, buildUser } from "../../support/factories";
import { openTestDatabase } from "../../support/test-database";
import { outcomeOf } from "../../support/app-error";

describe("editing goals and measures directly", () => {
  let handle: Awaited<ReturnType<typeof openTestDatabase>>;
  let moderator: string;
  let editor: string;
  let conceptId: string;
  let goalId: string;
  let measureId: string;

  const measureInput = {
    title: "Sprachcafé im Stadtteilzentrum",
    status: "in_progress",
    priority: "B",
    target: "wöchentlich",
    lead: "Volkshochschule",
    partner: "Stadtteilzentrum Süd, volkshochschule",
    needsBudgetDecision: "on",
  };

  beforeAll(async () => {
    handle = await openTestDatabase();
    moderator = (await buildUser(handle.db)).id;
    editor = (await buildUser(handle.db)).id;
    const concept = await buildConcept(handle.db, {
      members: [
        { userId: moderator, role: "moderator" },
        { userId: editor, role: "editor" },
      ],
    });
    conceptId = concept.id;
    const [goal] = await handle.db
      .insert(goals)
      .values({ fieldId: concept.fields[1]!.id, number: 4, text: "Begegnung fördern" })
      .returning({ id: goals.id });
    goalId = goal!.id;
    const [measure] = await handle.db
      .insert(measures)
      .values({ goalId, number: 1, title: "Sprachcafé" })
      .returning({ id: measures.id });
    measureId = measure!.id;
  });
  afterAll(() => handle.close());

  it("saves a measure with its responsibilities as one revision, diffable field by field", async () => {
    await updateMeasure({
      db: handle.db,
      userId: moderator,
      conceptId,
      measureId,
      input: measureInput,
    });
    const [latest] = await listRevisions({ db: handle.db, conceptId });
    expect(latest!.message).toBe("Maßnahme 2.4.1 bearbeitet");
    const measure = (await loadConceptContent({ db: handle.db, conceptId }))!.fields[1]!.goals[0]!
      .measures[0]!;
    expect(measure).toMatchObject({
      title: "Sprachcafé im Stadtteilzentrum",
      status: "in_progress",
      priority: "B",
      needsBudgetDecision: true,
    });
    // The same organisation named twice (any case) counts once, in its first role.
    expect(measure.responsibilities.map((r) => [r.organisationName, r.role])).toEqual([
      ["Volkshochschule", "lead"],
      ["Stadtteilzentrum Süd", "partner"],
    ]);

    await updateMeasure({
      db: handle.db,
      userId: moderator,
      conceptId,
      measureId,
      input: { ...measureInput, status: "done", needsBudgetDecision: undefined },
    });
    const [second, first] = await listRevisions({ db: handle.db, conceptId });
    const diff = await diffRevisions({
      db: handle.db,
      conceptId,
      from: first!.number,
      to: second!.number,
    });
    expect(diff.items).toEqual([
      expect.objectContaining({
        kind: "measure",
        change: "changed",
        number: "2.4.1",
        attributes: [
          { attribute: "status", before: "in_progress", after: "done" },
          { attribute: "needsBudgetDecision", before: true, after: false },
        ],
      }),
    ]);
  });

  it("retires a goal without renumbering, and lets only moderators edit", async () => {
    await updateGoal({
      db: handle.db,
      userId: moderator,
      conceptId,
      goalId,
      input: { text: "Begegnung fördern", retired: "on" },
    });
    const goal = (await loadConceptContent({ db: handle.db, conceptId }))!.fields[1]!.goals[0]!;
    expect(goal).toMatchObject({ number: 4, retired: true });
    expect(
      await outcomeOf(
        updateGoal({ db: handle.db, userId: editor, conceptId, goalId, input: { text: "x" } }),
      ),
    ).toBe("forbidden:concept");
    const invalid = await updateMeasure({
      db: handle.db,
      userId: moderator,
      conceptId,
      measureId,
      input: { ...measureInput, status: "bogus", title: "" },
    }).catch((error: AppError) => error);
    expect((invalid as AppError).fields).toEqual({ status: "invalid_choice", title: "required" });
    expect(
      await outcomeOf(
        updateMeasure({
          db: handle.db,
          userId: moderator,
          conceptId,
          measureId: crypto.randomUUID(),
          input: measureInput,
        }),
      ),
    ).toBe("not_found:measure");
  });
});
