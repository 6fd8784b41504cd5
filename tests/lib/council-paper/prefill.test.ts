import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConceptContent, type ConceptContent } from "@/lib/concept/load-concept-content";
import { budgetMeasures, prefillCouncilPaper } from "@/lib/council-paper/prefill";
import { councilPaperSchema } from "@/lib/council-paper/schema";
import type { DatabaseHandle } from "@/lib/db/client";
import { councilPapers } from "@/lib/db/schema";
import { seedDemo } from "@/lib/demo/seed-demo";
import { openTestDatabase } from "../../support/test-database";

const SEEDED_AT = new Date("2026-12-01T12:00:00Z");
const NOW = new Date("2026-12-02T23:30:00Z");

/** A paper pre-filled from the demo concept, and from a concept edited to show the edge cases. */
describe("prefillCouncilPaper", () => {
  let handle: DatabaseHandle;
  let conceptId: string;
  let content: ConceptContent;

  beforeAll(async () => {
    handle = await openTestDatabase();
    ({ conceptId } = await seedDemo({ db: handle.db, now: SEEDED_AT }));
    content = (await loadConceptContent({ db: handle.db, conceptId }))!;
  }, 60_000);
  afterAll(async () => {
    await handle?.close();
  });

  it("takes subject and annex from the title and dates the paper in Berlin", () => {
    const paper = prefillCouncilPaper({ content, town: "Stadt Deichhausen", now: NOW });
    expect(councilPaperSchema.parse(paper)).toEqual(paper);
    expect(paper.subject).toBe("Handlungskonzept Migration und Teilhabe der Stadt Deichhausen");
    expect(paper.annexes).toEqual([
      "Handlungskonzept Migration und Teilhabe der Stadt Deichhausen",
    ]);
    // 23:30 UTC is already the next day in Berlin.
    expect(paper.date).toBe("2026-12-03");
    expect(paper.type).toBe("resolution");
    expect(paper.resolution[0]).toBe(
      "Der Rat beschließt das als Anlage beigefügte Handlungskonzept Migration und Teilhabe der Stadt Deichhausen.",
    );
    expect(paper.consultations).toEqual([
      { committee: "Rat", meetingDate: "", agendaItem: "", role: "decision", result: "" },
    ]);
  });

  it("lists the measures needing a budget decision with their cost notes as the financial impact", () => {
    const paper = prefillCouncilPaper({ content, town: "Stadt Deichhausen", now: NOW });
    const flagged = budgetMeasures(content);
    expect(flagged.length).toBeGreaterThan(1);
    const parents = content.fields.flatMap((f) => f.goals.flatMap((g) => g.measures));
    for (const measure of flagged) {
      expect(parents.find((m) => m.title === measure.title)?.needsBudgetDecision).toBe(true);
      expect(paper.financialImpact).toContain(
        `Maßnahme ${measure.number} ${measure.title}: ${measure.costNote}`,
      );
    }
    expect(paper.financialImpact).toContain("Elternintegrationskurse mit Kinderbetreuung");
    expect(paper.financialImpact).toContain("ca. 18.000 € jährlich für die Kinderbetreuung");
    expect(paper.financialImpact).toMatch(
      /^Die folgenden Maßnahmen stehen unter Haushaltsvorbehalt/,
    );
    expect(paper.resolution[1]).toMatch(/Haushaltsvorbehalt/);
  });

  it("names the town department leading most measures, without the town's name, as lead", () => {
    const paper = prefillCouncilPaper({ content, town: "Stadt Deichhausen", now: NOW });
    const leads = new Map<string, number>();
    for (const m of content.fields.flatMap((f) => f.goals.flatMap((g) => g.measures)))
      for (const r of m.responsibilities)
        if (r.role === "lead" && r.organisationKind === "administration")
          leads.set(r.organisationName, (leads.get(r.organisationName) ?? 0) + 1);
    const top = [...leads].sort((a, b) => b[1] - a[1])[0]![0];
    expect(paper.leadDepartment).toBe(top.replace("Stadt Deichhausen – ", ""));
    expect(paper.leadDepartment).not.toMatch(/^Stadt Deichhausen/);
    expect(paper.involvedDepartments).not.toContain(paper.leadDepartment);
    expect(paper.involvedDepartments.length).toBeGreaterThan(0);
  });

  it("says there is no financial impact and leaves the lead open when nothing asks for it", () => {
    const bare: ConceptContent = {
      ...content,
      concept: { ...content.concept, missionStatement: "" },
      fields: content.fields.map((field) => ({
        ...field,
        goals: field.goals.map((goal) => ({
          ...goal,
          measures: goal.measures.map((m) => ({
            ...m,
            needsBudgetDecision: false,
            responsibilities: [],
          })),
        })),
      })),
    };
    const paper = prefillCouncilPaper({ content: bare, town: null, now: NOW });
    expect(paper.financialImpact).toMatch(/^Keine\./);
    expect(paper.resolution).toHaveLength(1);
    expect(paper.leadDepartment).toBe("");
    expect(paper.involvedDepartments).toEqual([]);
    expect(paper.missionConformity).toBe("");
  });

  it("the demo ships a filled-in paper that passes the schema", async () => {
    const [row] = await handle.db
      .select()
      .from(councilPapers)
      .where(eq(councilPapers.conceptId, conceptId));
    const paper = councilPaperSchema.parse(row!.paper);
    expect(paper.number).toBe("2026/0412");
    expect(paper.consultations.map((c) => [c.committee, c.role])).toEqual([
      ["Integrationsrat", "preliminary"],
      ["Ausschuss für Soziales, Gesundheit und Integration", "preliminary"],
      ["Hauptausschuss", "preliminary"],
      ["Rat", "decision"],
    ]);
    expect(paper.financialImpact).toContain("Elternintegrationskurse mit Kinderbetreuung");
  });
});
