/**
 * A council paper pre-filled from its concept, for a concept that has none stored yet: what the
 * coordination office would otherwise retype from the concept (subject, annex, the measures
 * under budget approval with their cost notes, the departments named in the measures).
 */
import type { ConceptContent } from "@/lib/concept/load-concept-content";
import { PAPER_LIMITS, type CouncilPaper } from "./schema";

/** "Stadt Deichhausen – Fachdienst Soziales" → "Fachdienst Soziales"; other names stay. */
function departmentName(name: string, town: string | null): string {
  if (!town) return name;
  const match = /^(.+?)\s+[–-]\s+(.+)$/.exec(name);
  return match && match[1] === town ? match[2]! : name;
}

/**
 * The town's own departments named in the concept's live measures, most often responsible
 * first; `lead` counts only lead responsibilities. The town itself is no department.
 */
function departments(content: ConceptContent, town: string | null) {
  const lead = new Map<string, number>();
  const any = new Map<string, number>();
  for (const field of content.fields)
    for (const goal of field.goals)
      for (const measure of goal.measures) {
        if (measure.retired || goal.retired) continue;
        for (const r of measure.responsibilities) {
          if (r.organisationKind !== "administration" || r.organisationName === town) continue;
          const name = departmentName(r.organisationName, town);
          any.set(name, (any.get(name) ?? 0) + 1);
          if (r.role === "lead") lead.set(name, (lead.get(name) ?? 0) + 1);
        }
      }
  const ranked = (counts: Map<string, number>) =>
    [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "de")).map(([n]) => n);
  return { lead: ranked(lead), any: ranked(any) };
}

/** The live measures flagged "needs a budget decision", numbered like 2.4.1. */
export function budgetMeasures(content: ConceptContent) {
  return content.fields.flatMap((field) =>
    field.goals
      .filter((goal) => !goal.retired)
      .flatMap((goal) =>
        goal.measures
          .filter((measure) => !measure.retired && measure.needsBudgetDecision)
          .map((measure) => ({
            number: `${field.number}.${goal.number}.${measure.number}`,
            title: measure.title,
            costNote: measure.costNote,
          })),
      ),
  );
}

function financialImpact(content: ConceptContent): string {
  const measures = budgetMeasures(content);
  if (!measures.length)
    return "Keine. Die Maßnahmen des Konzepts werden im Rahmen der vorhandenen Haushaltsmittel umgesetzt.";
  const lines = measures.map(
    (m) => `– Maßnahme ${m.number} ${m.title}: ${m.costNote || "Kosten noch zu beziffern"}`,
  );
  return [
    "Die folgenden Maßnahmen stehen unter Haushaltsvorbehalt; über ihre Mittel beschließen die zuständigen Gremien gesondert im Rahmen der Haushaltsberatungen:",
    ...lines,
  ].join("\n");
}

function explanationText(content: ConceptContent): string {
  const live = content.fields.map((field) => {
    const goals = field.goals.filter((g) => !g.retired);
    return {
      goals: goals.length,
      measures: goals.reduce((n, g) => n + g.measures.filter((m) => !m.retired).length, 0),
    };
  });
  const goals = live.reduce((n, f) => n + f.goals, 0);
  const measures = live.reduce((n, f) => n + f.measures, 0);
  return `Das als Anlage beigefügte Konzept beschreibt ${content.fields.length} Handlungsfelder mit ${goals} Zielen und ${measures} Maßnahmen.`;
}

const cut = (text: string, max: number) => (text.length > max ? text.slice(0, max).trim() : text);

/**
 * The paper as a first draft from the concept: a Beschlussvorlage dated `now` (Berlin) whose
 * subject is the concept's title, whose annex is the concept, whose financial impact lists the
 * measures under budget approval, and whose lead department is the town department that leads
 * the most measures. Everything the concept does not say is left empty for the office to fill in.
 */
export function prefillCouncilPaper({
  content,
  town,
  now,
}: {
  content: ConceptContent;
  /** The town's organisation name, e.g. "Stadt Deichhausen". */
  town: string | null;
  now: Date;
}): CouncilPaper {
  const title = cut(content.concept.title, PAPER_LIMITS.subject);
  const { lead, any } = departments(content, town);
  const leadDepartment = lead[0] ?? "";
  const hasBudget = budgetMeasures(content).length > 0;
  const mission = content.concept.missionStatement.trim();
  return {
    type: "resolution",
    number: "",
    leadDepartment: cut(leadDepartment, PAPER_LIMITS.department),
    involvedDepartments: any
      .filter((name) => name !== leadDepartment)
      .slice(0, PAPER_LIMITS.departments)
      .map((name) => cut(name, PAPER_LIMITS.department)),
    fileReference: "",
    date: new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(now),
    public: true,
    consultations: [
      { committee: "Rat", meetingDate: "", agendaItem: "", role: "decision", result: "" },
    ],
    subject: title,
    resolution: [
      `Der Rat beschließt das als Anlage beigefügte ${title}.`,
      ...(hasBudget
        ? [
            "Der Rat nimmt zur Kenntnis, dass für die Umsetzung einzelner Maßnahmen finanzielle Mittel erforderlich sind, über die die zuständigen Gremien gesondert beschließen (Haushaltsvorbehalt).",
          ]
        : []),
    ],
    explanation: [{ heading: "Sachdarstellung", text: explanationText(content) }],
    financialImpact: cut(financialImpact(content), PAPER_LIMITS.financialImpact),
    missionConformity: mission
      ? "Die Vorlage steht im Einklang mit dem Leitbild des Konzepts."
      : "",
    annexes: [cut(title, PAPER_LIMITS.annex)],
    signatory: { name: "", title: "" },
  };
}
