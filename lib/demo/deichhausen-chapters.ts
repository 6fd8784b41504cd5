/**
 * The written chapters of the Deichhausen demo: introduction chapters and one per field of
 * action, as ProseMirror JSON in the shared chapter schema, with the field's goals and measures
 * embedded (only kind and id; the text comes from the store).
 */
import type { JSONContent } from "@tiptap/core";

const text = (value: string, marks?: JSONContent["marks"]): JSONContent => ({
  type: "text",
  text: value,
  ...(marks ? { marks } : {}),
});
const p = (...parts: Array<string | JSONContent>): JSONContent => ({
  type: "paragraph",
  content: parts.map((part) => (typeof part === "string" ? text(part) : part)),
});
const h = (level: 2 | 3, value: string): JSONContent => ({
  type: "heading",
  attrs: { level },
  content: [text(value)],
});
const bold = (value: string) => text(value, [{ type: "bold" }]);
const list = (...items: string[]): JSONContent => ({
  type: "bulletList",
  content: items.map((item) => ({ type: "listItem", content: [p(item)] })),
});
const item = (kind: "goal" | "measure", id: string): JSONContent => ({
  type: "conceptItem",
  attrs: { kind, id },
});
const row = (cells: string[], header = false): JSONContent => ({
  type: "tableRow",
  content: cells.map((cell) => ({
    type: header ? "tableHeader" : "tableCell",
    content: [p(cell)],
  })),
});

export interface DemoChapterField {
  number: number;
  title: string;
  strategicGoal: string;
  goals: Array<{ id: string; measureIds: string[] }>;
}

/** Two paragraphs of context per field, in the coordination office's words. */
const FIELD_CONTEXT: Record<number, [string, string]> = {
  1: [
    "Integration gelingt in Deichhausen dort, wo Zuständigkeiten klar sind und die Beteiligten voneinander wissen. Bis 2024 lagen viele Aufgaben verstreut bei einzelnen Fachbereichen, Absprachen hingen an Personen statt an Strukturen.",
    "Mit der Koordinierungsstelle Migration und Teilhabe gibt es seit zwei Jahren eine feste Anlaufstelle. Sie soll künftig nicht nur vermitteln, sondern das Handlungskonzept steuern, Fortschritte messen und dem Rat regelmäßig berichten.",
  ],
  2: [
    "Wer neu nach Deichhausen kommt, trifft in den ersten Wochen auf viele Ämter, Formulare und Fristen. Die Arbeitsgruppe hat geschildert, wie sehr ein freundlicher erster Kontakt und verlässliche Informationen in der eigenen Sprache den Einstieg erleichtern.",
    "Die Willkommenskultur soll deshalb sichtbar werden: im Bürgerbüro, in den Gemeinschaftsunterkünften und im Netz. Ehrenamtliche Lotsinnen und Lotsen ergänzen die hauptamtliche Beratung und begleiten Menschen persönlich.",
  ],
  3: [
    "Sprache ist der Schlüssel zu Arbeit, Bildung und Nachbarschaft. In Deichhausen gibt es Integrationskurse der Volkshochschule und freier Träger, doch Wartelisten und fehlende Kinderbetreuung halten viele vom Lernen ab.",
    "Die Arbeitsgruppe Deutschförderung hat sich auf drei Schwerpunkte verständigt: eine gemeinsame Übersicht aller Kurse mit freien Plätzen, niedrigschwellige Sprachcafés in den Stadtteilen und Kurse für Eltern mit Betreuung der Kinder.",
  ],
  4: [
    "Kinder aus zugewanderten Familien besuchen seltener und später eine Kita als andere Kinder in Deichhausen. Beim Übergang in die Schule entscheidet oft der Zufall, wie schnell ein Platz gefunden wird.",
    "Bildung von Anfang an heißt für uns, Familien früh zu erreichen und Eltern als Partner der Einrichtungen zu gewinnen. Spielgruppen, Elternlotsinnen und ein abgestimmtes Verfahren bei der Schulplatzvergabe greifen dabei ineinander.",
  ],
  5: [
    "Viele Zugewanderte bringen Berufserfahrung und Abschlüsse mit, die in Deutschland erst anerkannt werden müssen. Gleichzeitig suchen Betriebe an der Küste dringend Fachkräfte und Auszubildende.",
    "Jobcenter, Agentur für Arbeit, Kammern und Unternehmen wollen ihre Angebote besser verzahnen. Patenschaften für junge Menschen und ein regelmäßiger Austausch mit Betrieben sollen Brücken in Ausbildung und Arbeit bauen.",
  ],
  6: [
    "Sprachbarrieren und fehlendes Wissen über das Gesundheitssystem führen dazu, dass Vorsorge und Behandlung zu spät in Anspruch genommen werden. Besonders Geflüchtete leiden häufig unter belastenden Erfahrungen.",
    "Mehrsprachige Gesundheitsmediatorinnen und -mediatoren sowie eine psychosoziale Erstanlaufstelle sollen den Zugang erleichtern. Arztpraxen und Beratungsstellen werden dabei eng eingebunden.",
  ],
  7: [
    "Bezahlbarer Wohnraum ist in Deichhausen knapp, und Menschen mit ausländisch klingendem Namen berichten von Absagen bei der Wohnungssuche. Viele bleiben länger als nötig in Gemeinschaftsunterkünften.",
    "Die Stadt will gemeinsam mit Wohnungsbaugesellschaften und privaten Vermietenden Vertrauen aufbauen. Ein Mietführerschein bereitet Wohnungssuchende vor, ein Dialogforum bringt beide Seiten an einen Tisch.",
  ],
  8: [
    "Zusammenhalt entsteht in Vereinen, Nachbarschaften und bei gemeinsamen Festen. Migrantenorganisationen leisten dabei viel, oft ehrenamtlich und ohne feste Räume oder Förderung.",
    "Das Handlungsfeld stärkt die Selbstorganisationen und den Integrationsrat und lädt alle Deichhauserinnen und Deichhauser ein, mitzumachen. Begegnung soll selbstverständlich werden, nicht nur an Aktionstagen.",
  ],
  9: [
    "Eine Verwaltung, die ihre Stadtgesellschaft widerspiegelt, berät besser und wird eher als fair erlebt. Bisher haben nur wenige Beschäftigte der Stadt eine Einwanderungsgeschichte.",
    "Fortbildungen zur Diversitätskompetenz, gezieltes Ausbildungsmarketing und eine unabhängige Antidiskriminierungsberatung sollen die interkulturelle Öffnung voranbringen und Benachteiligung sichtbar machen.",
  ],
};

/** The chapter of one field of action: context, strategic goal, then goals with their measures. */
export function fieldChapterContent(field: DemoChapterField): JSONContent {
  const [first, second] = FIELD_CONTEXT[field.number] ?? [
    `Das Handlungsfeld ${field.title} wurde in der Arbeitsgruppe vorbereitet.`,
    "Die Maßnahmen werden gemeinsam mit den Beteiligten umgesetzt.",
  ];
  const content: JSONContent[] = [
    h(2, "Ausgangslage"),
    p(first),
    p(second),
    h(2, "Strategisches Ziel"),
    p(bold("Leitziel: "), field.strategicGoal),
  ];
  field.goals.forEach((goal, index) => {
    content.push(h(3, `Handlungsziel ${field.number}.${index + 1}`));
    content.push(item("goal", goal.id));
    content.push(
      p(
        "Um dieses Ziel zu erreichen, hat die Arbeitsgruppe die folgenden Maßnahmen vereinbart. Zuständigkeiten, Zielwerte und der Stand der Umsetzung stehen im Maßnahmenkatalog und werden hier automatisch übernommen.",
      ),
    );
    for (const measureId of goal.measureIds) content.push(item("measure", measureId));
  });
  content.push(
    p(
      "Die Koordinierungsstelle berichtet im Monitoring alle zwei Jahre über den Stand. Nach fünf Jahren wird das Handlungsfeld gemeinsam mit der Arbeitsgruppe überprüft und fortgeschrieben.",
    ),
  );
  return { type: "doc", content };
}

export function missionChapterContent(missionStatement: string): JSONContent {
  return {
    type: "doc",
    content: [
      h(2, "Unser Leitbild"),
      p(missionStatement),
      p(
        "Das Leitbild ist im Dialog entstanden: Mehr als 120 Menschen aus Verwaltung, Politik, Wohlfahrtsverbänden, Migrantenorganisationen, Schulen und Ehrenamt haben es in der Auftaktkonferenz und in den Arbeitsgruppen diskutiert und geschärft.",
      ),
      h(2, "Was uns leitet"),
      list(
        "Teilhabe für alle: Angebote der Stadt stehen allen offen und sind leicht zu finden.",
        "Gemeinsam statt nebeneinander: Integration ist Aufgabe der ganzen Stadtgesellschaft.",
        "Haltung zeigen: Wir treten Rassismus und Diskriminierung entgegen.",
        "Wirkung prüfen: Wir messen, was wir erreichen, und lernen daraus.",
      ),
      p(
        "Das Leitbild bildet den Rahmen für alle neun Handlungsfelder. Jedes Ziel und jede Maßnahme in diesem Konzept lässt sich auf einen dieser Grundsätze zurückführen.",
      ),
    ],
  };
}

export function contextChapterContent(): JSONContent {
  return {
    type: "doc",
    content: [
      h(2, "Deichhausen in Zahlen"),
      p(
        "Deichhausen hat rund 48.000 Einwohnerinnen und Einwohner. Gut ein Viertel von ihnen hat eine Einwanderungsgeschichte, in den Stadtteilen Hafenviertel und Nordsiel ist es fast die Hälfte. Die Zahl der Menschen aus der Ukraine, Syrien und Afghanistan ist seit 2015 deutlich gestiegen.",
      ),
      {
        type: "table",
        content: [
          row(["Merkmal", "2019", "2024"], true),
          row(["Einwohnerinnen und Einwohner", "46.900", "48.200"]),
          row(["Anteil mit Einwanderungsgeschichte", "21 %", "26 %"]),
          row(["Geflüchtete in Gemeinschaftsunterkünften", "310", "540"]),
          row(["Teilnehmende an Integrationskursen", "420", "610"]),
        ],
      },
      p(
        "Die Bestandsaufnahme der Koordinierungsstelle zeigt viele gute Angebote, aber auch Lücken: Wartezeiten bei Sprachkursen, wenig mehrsprachige Informationen und kaum Daten darüber, wen die Angebote tatsächlich erreichen.",
      ),
      p(
        "Die Zahlen stammen aus dem Melderegister, der Statistik der Bundesagentur für Arbeit und den Berichten der Kursträger. Sie werden im Monitoring fortgeschrieben, damit der Rat die Entwicklung verfolgen kann.",
      ),
    ],
  };
}

export function processChapterContent(): JSONContent {
  return {
    type: "doc",
    content: [
      h(2, "Wie das Konzept entstanden ist"),
      p(
        "Der Rat der Stadt Deichhausen hat die Verwaltung 2024 beauftragt, ein Handlungskonzept Migration und Teilhabe zu erarbeiten. Eine Steuerungsgruppe aus Verwaltung, Politik, Integrationsrat und freien Trägern hat den Prozess begleitet.",
      ),
      list(
        "Bestandsaufnahme der vorhandenen Angebote und Daten",
        "Auftaktkonferenz mit Auswahl der neun Handlungsfelder",
        "Arbeitsgruppen je Handlungsfeld mit Zielen und Maßnahmen",
        "Rücksprache der Kapitel mit den Arbeitsgruppen",
        "Priorisierung und Beratung in den Ausschüssen",
      ),
      p(
        "Die Koordinierungsstelle hat jedes Kapitel auf Grundlage der Workshop-Ergebnisse formuliert und mit den Teilnehmenden der Arbeitsgruppe abgestimmt, bevor es in das Gesamtkonzept aufgenommen wurde.",
      ),
      p(
        "Nach dem Beschluss folgt die Umsetzung. Alle zwei Jahre berichtet die Verwaltung über den Stand der Maßnahmen; nach fünf Jahren wird das Konzept überprüft und fortgeschrieben.",
      ),
    ],
  };
}
