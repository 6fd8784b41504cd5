import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { LOWER_SAXONY_FIELDS } from "@/lib/concept/templates";
import { openDatabase, type DatabaseHandle } from "@/lib/db/client";
import {
  chapters,
  fields,
  goals,
  indicators,
  measures,
  organisationKind,
  organisations,
  responsibilities,
  revisions,
  users,
  workshops,
} from "@/lib/db/schema";
import { isDatabaseEmpty, resetDatabase, seedDemo } from "@/lib/demo/seed-demo";

describe("seedDemo", () => {
  let handle: DatabaseHandle;
  let conceptId: string;

  beforeAll(async () => {
    handle = await openDatabase({ kind: "pglite-memory" });
    await handle.migrate();
    expect(await isDatabaseEmpty({ db: handle.db })).toBe(true);
    ({ conceptId } = await seedDemo({ db: handle.db }));
  }, 60_000);

  afterAll(async () => {
    await handle?.close();
  });

  it("marks the database as no longer empty", async () => {
    expect(await isDatabaseEmpty({ db: handle.db })).toBe(false);
  });

  it("creates the nine Lower Saxony fields numbered 1..9 with strategic goals", async () => {
    const rows = await handle.db
      .select()
      .from(fields)
      .where(eq(fields.conceptId, conceptId))
      .orderBy(asc(fields.number));
    expect(rows.map((f) => f.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(rows.map((f) => f.title)).toEqual([...LOWER_SAXONY_FIELDS]);
    for (const field of rows) expect(field.strategicGoal.trim()).not.toBe("");
    expect(rows.filter((f) => f.prioritisedUntil).map((f) => f.number)).toEqual([1, 2, 9]);
  });

  it("gives every field two or three goals numbered from 1", async () => {
    const rows = await handle.db.select().from(goals);
    const byField = new Map<string, typeof rows>();
    for (const goal of rows)
      byField.set(goal.fieldId, [...(byField.get(goal.fieldId) ?? []), goal]);
    expect(byField.size).toBe(9);
    for (const fieldGoals of byField.values()) {
      expect(fieldGoals.length).toBeGreaterThanOrEqual(2);
      expect(fieldGoals.length).toBeLessThanOrEqual(3);
      expect(fieldGoals.map((g) => g.number).sort((a, b) => a - b)).toEqual(
        fieldGoals.map((_, index) => index + 1),
      );
    }
  });

  it("creates 23 to 28 measures, each with exactly one lead", async () => {
    const measureRows = await handle.db.select({ id: measures.id }).from(measures);
    expect(measureRows.length).toBeGreaterThanOrEqual(23);
    expect(measureRows.length).toBeLessThanOrEqual(28);

    const responsibilityRows = await handle.db.select().from(responsibilities);
    for (const measure of measureRows) {
      const own = responsibilityRows.filter((r) => r.measureId === measure.id);
      expect(own.length).toBeGreaterThanOrEqual(1);
      expect(own.length).toBeLessThanOrEqual(4);
      expect(own.filter((r) => r.role === "lead")).toHaveLength(1);
    }
  });

  it("gives some measures an indicator with a data owner", async () => {
    const rows = await handle.db.select().from(indicators);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const indicator of rows) expect(indicator.dataOwnerId).not.toBeNull();
  });

  it("covers every organisation kind", async () => {
    const rows = await handle.db.select({ kind: organisations.kind }).from(organisations);
    const kinds = new Set(rows.map((r) => r.kind));
    for (const kind of organisationKind.enumValues) expect(kinds).toContain(kind);
  });

  it("creates three users whose password is demo", async () => {
    const rows = await handle.db.select().from(users);
    expect(rows).toHaveLength(3);
    for (const user of rows) {
      expect(user.passwordHash).not.toBeNull();
      expect(await verifyPassword({ password: "demo", hash: user.passwordHash ?? "" })).toBe(true);
    }
  });

  it("creates two workshops and a chapter per field plus two introduction chapters", async () => {
    expect(await handle.db.select().from(workshops)).toHaveLength(2);
    const chapterRows = await handle.db.select().from(chapters);
    expect(chapterRows.filter((c) => c.kind === "field")).toHaveLength(9);
    expect(chapterRows.map((c) => c.kind).sort()).toEqual(
      [...Array<string>(9).fill("field"), "mission", "process"].sort(),
    );
  });

  it("records exactly one revision, numbered 1", async () => {
    const rows = await handle.db.select().from(revisions);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.number).toBe(1);
    expect(rows[0]?.conceptId).toBe(conceptId);
  });

  it("can reset the database and seed again", async () => {
    await resetDatabase({ db: handle.db });
    expect(await isDatabaseEmpty({ db: handle.db })).toBe(true);
    expect(await handle.db.select().from(organisations)).toHaveLength(0);

    const again = await seedDemo({ db: handle.db });
    expect(again.conceptId).not.toBe(conceptId);
    expect(await handle.db.select().from(revisions)).toHaveLength(1);
    expect(await handle.db.select().from(fields)).toHaveLength(9);
  }, 60_000);
});
