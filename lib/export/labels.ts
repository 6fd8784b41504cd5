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

/** German words of the council paper (Vorlage), laid out as the seeds' papers are. */
export const councilPaperLabels = {
  paperType: {
    resolution: "Beschlussvorlage",
    information: "Mitteilungsvorlage",
    session: "Sitzungsvorlage",
  },
  role: { preliminary: "Vorberatung", decision: "Entscheidung", information: "Kenntnisnahme" },
  number: "Vorlagen-Nr.",
  leadDepartment: "Federführend",
  involvedDepartments: "Beteiligte Ämter",
  fileReference: "Aktenzeichen",
  date: "Datum",
  publicity: "Sitzung",
  public: "öffentlich",
  notPublic: "nicht öffentlich",
  consultations: "Beratungsfolge",
  consultationColumns: ["Gremium", "Sitzungstermin", "Zuständigkeit", "Abstimmungsergebnis"],
  agendaItem: "TOP",
  subject: "Betreff",
  resolution: "Beschlussvorschlag",
  explanation: "Begründung",
  information: "Inhalt der Mitteilung",
  financialImpact: "Finanzielle Auswirkungen",
  missionConformity: "Vereinbarkeit mit dem Leitbild",
  annexes: "Anlagen",
  signatory: "Unterschrift",
} as const;
