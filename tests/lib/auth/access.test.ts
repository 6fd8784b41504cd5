import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireConceptRole } from "@/lib/auth/access";
import { createConcept } from "@/lib/concept/create-concept";
import { addField, updateField } from "@/lib/concept/edit-fields";
import { loadConceptContent } from "@/lib/concept/load-concept-content";
import { addMember, changeMemberRole, removeMember } from "@/lib/concept/members";
import { fields, revisions } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { createWorkshop } from "@/lib/workshop/workshops";
import { buildConcept, buildUser } from "../../support/factories";
import { openTestDatabase } from "../../support/test-database";

type Handle = Awaited<ReturnType<typeof openTestDatabase>>;

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("concept access rules", () => {
  let handle: Handle;
  let moderator: { id: string };
  let editor: { id: string };
  let viewer: { id: string };
  let outsider: { id: string };
  let conceptA: Awaited<ReturnType<typeof buildConcept>>;
  let conceptB: Awaited<ReturnType<typeof buildConcept>>;

  beforeAll(async () => {
    handle = await openTestDatabase();
    const db = handle.db;
    moderator = await buildUser(db);
    editor = await buildUser(db);
    viewer = await buildUser(db);
    outsider = await buildUser(db);
    conceptA = await buildConcept(db, {
      members: [
        { userId: moderator.id, role: "moderator" },
        { userId: editor.id, role: "editor" },
        { userId: viewer.id, role: "viewer" },
      ],
    });
    conceptB = await buildConcept(db, {
      title: "Konzept B",
      members: [{ userId: outsider.id, role: "moderator" }],
    });
  });
  afterAll(() => handle.close());

  it("resolves each member's role and refuses anyone below the required role", async () => {
    const db = handle.db;
    await expect(
      requireConceptRole({ db, userId: viewer.id, conceptId: conceptA.id, atLeast: "viewer" }),
    ).resolves.toBe("viewer");
    const error = await errorOf(
      requireConceptRole({ db, userId: viewer.id, conceptId: conceptA.id, atLeast: "editor" }),
    );
    expect(error.code).toBe("forbidden:concept");
    expect(error.status).toBe(403);
  });

  it("treats a missing user as unauthenticated and an unknown or malformed id as not found", async () => {
    const db = handle.db;
    expect(
      (
        await errorOf(
          requireConceptRole({ db, userId: undefined, conceptId: conceptA.id, atLeast: "viewer" }),
        )
      ).code,
    ).toBe("unauthorized:session");
    expect(
      (
        await errorOf(
          requireConceptRole({
            db,
            userId: moderator.id,
            conceptId: "not-a-uuid",
            atLeast: "viewer",
          }),
        )
      ).code,
    ).toBe("not_found:concept");
    expect(
      (
        await errorOf(
          requireConceptRole({
            db,
            userId: moderator.id,
            conceptId: crypto.randomUUID(),
            atLeast: "viewer",
          }),
        )
      ).code,
    ).toBe("not_found:concept");
  });

  it("keeps a viewer from editing a field, and leaves the field unchanged", async () => {
    const db = handle.db;
    const fieldId = conceptA.fields[0]!.id;
    const error = await errorOf(
      updateField({
        db,
        userId: viewer.id,
        conceptId: conceptA.id,
        fieldId,
        input: { title: "Übernommen", strategicGoal: "" },
      }),
    );
    expect(error.code).toBe("forbidden:concept");
    const [field] = await db.select().from(fields).where(eq(fields.id, fieldId));
    expect(field?.title).toBe("Handlungsfeld 1");
  });

  it("keeps a member of concept A from reading or changing concept B", async () => {
    const db = handle.db;
    expect(
      (
        await errorOf(
          requireConceptRole({
            db,
            userId: moderator.id,
            conceptId: conceptB.id,
            atLeast: "viewer",
          }),
        )
      ).code,
    ).toBe("forbidden:concept");
    const error = await errorOf(
      updateField({
        db,
        userId: moderator.id,
        conceptId: conceptB.id,
        fieldId: conceptB.fields[0]!.id,
        input: { title: "X", strategicGoal: "" },
      }),
    );
    expect(error.code).toBe("forbidden:concept");
    // A field of B addressed through concept A, where the moderator does have rights:
    const crossed = await errorOf(
      updateField({
        db,
        userId: moderator.id,
        conceptId: conceptA.id,
        fieldId: conceptB.fields[0]!.id,
        input: { title: "X", strategicGoal: "" },
      }),
    );
    expect(crossed.code).toBe("not_found:field");
  });

  it("lets only moderators manage members and workshops", async () => {
    const db = handle.db;
    const newcomer = await buildUser(db);
    expect(
      (
        await errorOf(
          addMember({
            db,
            userId: editor.id,
            conceptId: conceptA.id,
            input: { email: newcomer.email, role: "viewer" },
          }),
        )
      ).code,
    ).toBe("forbidden:concept");
    expect(
      (
        await errorOf(
          createWorkshop({
            db,
            userId: editor.id,
            conceptId: conceptA.id,
            input: { title: "AG", kind: "workshop", date: "2026-05-01", facilitator: "X" },
          }),
        )
      ).code,
    ).toBe("forbidden:concept");
    await addMember({
      db,
      userId: moderator.id,
      conceptId: conceptA.id,
      input: { email: newcomer.email.toUpperCase(), role: "viewer" },
    });
    await expect(
      requireConceptRole({ db, userId: newcomer.id, conceptId: conceptA.id, atLeast: "viewer" }),
    ).resolves.toBe("viewer");
  });

  it("names the wrong field when input is invalid", async () => {
    const db = handle.db;
    const error = await errorOf(
      updateField({
        db,
        userId: moderator.id,
        conceptId: conceptA.id,
        fieldId: conceptA.fields[0]!.id,
        input: { title: "  ", strategicGoal: "", prioritisedUntil: "31.12.2027" },
      }),
    );
    expect(error.code).toBe("bad_request:input");
    expect(error.fields).toEqual({ title: "required", prioritisedUntil: "invalid_date" });
    const unknown = await errorOf(
      addMember({
        db,
        userId: moderator.id,
        conceptId: conceptA.id,
        input: { email: "nobody@example.test", role: "editor" },
      }),
    );
    expect(unknown.fields).toEqual({ email: "unknown_account" });
    const badWorkshop = await errorOf(
      createWorkshop({
        db,
        userId: moderator.id,
        conceptId: conceptA.id,
        input: {
          title: "AG",
          kind: "party",
          date: "2026-13-01",
          facilitator: "X",
          fieldIds: [conceptB.fields[0]!.id],
        },
      }),
    );
    expect(badWorkshop.fields).toEqual({ kind: "invalid_choice", date: "invalid_date" });
  });

  it("refuses to remove or demote the last moderator", async () => {
    const db = handle.db;
    expect(
      (
        await errorOf(
          removeMember({
            db,
            userId: moderator.id,
            conceptId: conceptA.id,
            input: { userId: moderator.id },
          }),
        )
      ).code,
    ).toBe("conflict:last_moderator");
    expect(
      (
        await errorOf(
          changeMemberRole({
            db,
            userId: moderator.id,
            conceptId: conceptA.id,
            input: { userId: moderator.id, role: "editor" },
          }),
        )
      ).code,
    ).toBe("conflict:last_moderator");
    await changeMemberRole({
      db,
      userId: moderator.id,
      conceptId: conceptA.id,
      input: { userId: editor.id, role: "moderator" },
    });
    await changeMemberRole({
      db,
      userId: moderator.id,
      conceptId: conceptA.id,
      input: { userId: editor.id, role: "editor" },
    });
  });

  it("records every field edit as a revision", async () => {
    const db = handle.db;
    const before = await db.select().from(revisions).where(eq(revisions.conceptId, conceptA.id));
    await updateField({
      db,
      userId: moderator.id,
      conceptId: conceptA.id,
      fieldId: conceptA.fields[1]!.id,
      input: {
        title: "Bildung von Anfang an",
        strategicGoal: "Alle Kinder haben gleiche Chancen.",
        prioritisedUntil: "2027-12-31",
      },
    });
    const { fieldId } = await addField({
      db,
      userId: moderator.id,
      conceptId: conceptA.id,
      input: { title: "Wohnen", strategicGoal: "" },
    });
    const after = await db.select().from(revisions).where(eq(revisions.conceptId, conceptA.id));
    expect(after.map((r) => r.number).sort()).toEqual(
      [...before.map((r) => r.number), before.length + 1, before.length + 2].sort(),
    );
    const content = await loadConceptContent({ db, conceptId: conceptA.id });
    expect(content?.fields.map((f) => [f.number, f.title])).toEqual([
      [1, "Handlungsfeld 1"],
      [2, "Bildung von Anfang an"],
      [3, "Wohnen"],
    ]);
    expect(content?.fields[2]?.id).toBe(fieldId);
    expect(content?.fields[1]?.prioritisedUntil).toBe("2027-12-31");
  });

  it("lets only staff open concepts, with the nine Lower Saxony fields on request", async () => {
    const db = handle.db;
    const staff = await buildUser(db, { canCreateConcepts: true });
    expect(
      (
        await errorOf(
          createConcept({
            db,
            user: { id: viewer.id, canCreateConcepts: false },
            input: { title: "X", type: "action_plan", template: "blank" },
          }),
        )
      ).code,
    ).toBe("forbidden:create_concept");
    const { conceptId } = await createConcept({
      db,
      user: staff,
      input: { title: "Handlungskonzept 2030", type: "action_plan", template: "lower_saxony" },
    });
    const content = await loadConceptContent({ db, conceptId });
    expect(content?.fields).toHaveLength(9);
    expect(content?.fields[8]?.title).toBe(
      "Migrationsgesellschaftliche Öffnung und Antidiskriminierung",
    );
    await expect(
      requireConceptRole({ db, userId: staff.id, conceptId, atLeast: "moderator" }),
    ).resolves.toBe("moderator");
  });
});
