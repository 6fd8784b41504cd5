/**
 * The demo concept's council paper: a Beschlussvorlage of the Koordinierungsstelle on its way
 * through Integrationsrat, Ausschuss für Soziales, Hauptausschuss and Rat, worded like the
 * seeds' papers. The financial impact comes from the pre-fill (the measures under budget
 * approval), so it always matches the demo measures.
 */
import type { CouncilPaper } from "@/lib/council-paper/schema";

const day = (now: Date, inDays: number) =>
  new Date(now.getTime() + inDays * 86_400_000).toISOString().slice(0, 10);

export function demoCouncilPaper({
  prefill,
  now,
}: {
  /** The paper pre-filled from the demo concept. */
  prefill: CouncilPaper;
  now: Date;
}): CouncilPaper {
  return {
    ...prefill,
    type: "resolution",
    number: `${now.getUTCFullYear()}/0412`,
    leadDepartment: "Koordinierungsstelle Migration und Teilhabe (KMuT)",
    involvedDepartments: [
      "Fachdienst Soziales und Integration",
      "Fachdienst Schule, Bildung und Sport",
      "Fachdienst Personal",
      "Kämmerei",
    ],
    fileReference: "50.3-01/KMuT",
    date: day(now, -7),
    public: true,
    consultations: [
      {
        committee: "Integrationsrat",
        meetingDate: day(now, 14),
        agendaItem: "5",
        role: "preliminary",
        result: "",
      },
      {
        committee: "Ausschuss für Soziales, Gesundheit und Integration",
        meetingDate: day(now, 21),
        agendaItem: "7",
        role: "preliminary",
        result: "",
      },
      {
        committee: "Hauptausschuss",
        meetingDate: day(now, 35),
        agendaItem: "12",
        role: "preliminary",
        result: "",
      },
      {
        committee: "Rat",
        meetingDate: day(now, 42),
        agendaItem: "9",
        role: "decision",
        result: "",
      },
    ],
    subject: "Handlungskonzept Migration und Teilhabe der Stadt Deichhausen",
    resolution: [
      "Der Rat beschließt das der Vorlage als Anlage beigefügte Handlungskonzept Migration und Teilhabe der Stadt Deichhausen.",
      "Der Rat nimmt zur Kenntnis, dass für die Umsetzung einzelner Maßnahmen personelle und finanzielle Ressourcen erforderlich sind, über die die zuständigen Gremien im Rahmen der Haushaltsberatungen gesondert beschließen.",
      "Die Verwaltung wird beauftragt, dem Ausschuss für Soziales, Gesundheit und Integration alle zwei Jahre über den Umsetzungsstand zu berichten und das Konzept nach fünf Jahren fortzuschreiben.",
    ],
    explanation: [
      {
        heading: "Anlass und Auftrag",
        text: "Der Rat der Stadt Deichhausen hat die Verwaltung beauftragt, ein Handlungskonzept Migration und Teilhabe zu erarbeiten. Die Koordinierungsstelle Migration und Teilhabe (KMuT) hat diesen Auftrag gemeinsam mit einer Steuerungsgruppe aus Politik, Integrationsrat, Verwaltung, Wohlfahrtsverbänden und Migrantenorganisationen umgesetzt.",
      },
      {
        heading: "Erarbeitung",
        text: "Nach einer Bestandsaufnahme hat eine Auftaktwerkstatt die neun Handlungsfelder bestätigt. In Arbeitsgruppen je Handlungsfeld wurden Ziele und Maßnahmen entwickelt; die Koordinierungsstelle hat daraus die Kapitel formuliert und mit den Arbeitsgruppen rückgekoppelt.\n\nDie Steuerungsgruppe hat die Ergebnisse beraten, ergänzt und die Ziele priorisiert.",
      },
      {
        heading: "Weiteres Vorgehen",
        text: "Nach dem Beschluss setzen die Arbeitsgruppen die Maßnahmen mit größerer Eigenständigkeit um. Die Steuerungsgruppe bleibt Bindeglied zu den Ausschüssen und dem Rat. Ein Monitoring berichtet alle zwei Jahre über die Indikatoren des Konzepts.",
      },
    ],
    missionConformity:
      "Die Vorlage steht im Einklang mit dem Leitbild der Stadt Deichhausen als offene Stadt, in der alle Menschen gleichberechtigt teilhaben können.",
    annexes: ["Handlungskonzept Migration und Teilhabe der Stadt Deichhausen"],
    signatory: { name: "Dr. Henrike Albers", title: "Bürgermeisterin" },
  };
}
