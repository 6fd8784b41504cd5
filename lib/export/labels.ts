/**
 * German words the export writers print: the export is the council document, German whatever
 * language the reader's UI has. Kept apart from the model so the render worker loads no more
 * than the writers need.
 */
export const exportLabels = {
  contents: "Inhalt",
  draft: "ENTWURF",
  draftNote: "nicht beschlossene Fassung, Stand",
  page: "Seite",
  of: "von",
  status: "Status",
  date: "Stand",
  revision: "Revision",
  strategicGoal: "Strategisches Ziel",
  goalsAndMeasures: "Ziele und Maßnahmen",
  goal: "Ziel",
  missingText: "Für dieses Kapitel liegt noch keine finale Fassung vor.",
  columns: ["Nr.", "Maßnahme", "Zuständig", "Zielwert", "Zeitraum", "Priorität", "Stand"],
} as const;
