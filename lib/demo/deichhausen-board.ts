/**
 * The demo's kick-off workshop as it stood at the end of the day: a stock-take board
 * (Bestandsaufnahme) of four fields of action, written by participants from the Integrationsrat,
 * the Jobcenter, welfare associations, migrant organisations, a school, the administration and
 * volunteers; grouped, prioritised by a dot vote, with goals and measures drafted from the gaps.
 * Pure data; `build-demo-board.ts` turns it into the board's Yjs documents.
 */
import type {
  CardColour,
  CardKind,
  MeasureFields,
  StockTakeColumn,
} from "@/lib/board/board-schema";
import type { OrganisationKind } from "@/lib/db/schema";

export interface DemoParticipant {
  key: string;
  displayName: string;
  organisationKind: OrganisationKind;
}

/** Guests who joined the kick-off by its invite link, with the organisation kind they gave. */
export const DEMO_BOARD_PARTICIPANTS = [
  {
    key: "aylin",
    displayName: "Aylin Kaya (Integrationsrat)",
    organisationKind: "migrant_council",
  },
  {
    key: "behrens",
    displayName: "Thomas Behrens (Jobcenter)",
    organisationKind: "employment_agency",
  },
  {
    key: "luedtke",
    displayName: "Sabine Lüdtke (Caritas)",
    organisationKind: "welfare_association",
  },
  {
    key: "hinrichs",
    displayName: "Frauke Hinrichs (Diakonie)",
    organisationKind: "welfare_association",
  },
  {
    key: "mahmoud",
    displayName: "Mahmoud Al-Hassan (Deutsch-Syrischer Kulturverein)",
    organisationKind: "migrant_organisation",
  },
  {
    key: "olena",
    displayName: "Olena Kovalenko (Ukrainische Gemeinde)",
    organisationKind: "migrant_organisation",
  },
  {
    key: "janssen",
    displayName: "Birgit Janssen (Grundschule am Deich)",
    organisationKind: "school_authority",
  },
  {
    key: "devries",
    displayName: "Jan de Vries (FD Soziales und Integration)",
    organisationKind: "administration",
  },
  {
    key: "meyer",
    displayName: "Dirk Meyer (Volkshochschule)",
    organisationKind: "administration",
  },
  {
    key: "oltmanns",
    displayName: "Heike Oltmanns (Freiwilligenagentur)",
    organisationKind: "volunteers",
  },
] as const satisfies readonly DemoParticipant[];

export type DemoParticipantKey = (typeof DEMO_BOARD_PARTICIPANTS)[number]["key"];

/** Who wrote a card: a guest, the moderator (the coordination office), or nobody (anonymous). */
export type DemoCardAuthor = DemoParticipantKey | "moderator" | null;

export interface DemoCard {
  /** Referenced by groups, votes and goal links. */
  key: string;
  field: number;
  column: StockTakeColumn;
  kind?: CardKind;
  colour?: CardColour;
  author: DemoCardAuthor;
  text: string;
  /** Minutes after the workshop's start. */
  minute: number;
  /** For measures: the goal card (by key) it serves. */
  goal?: string;
  measure?: Partial<MeasureFields>;
}

/** The fields of action (by number) the kick-off took stock of. */
export const DEMO_BOARD_FIELDS = [2, 3, 5, 9] as const;

export const DEMO_BOARD_CARDS: readonly DemoCard[] = [
  /* ── 2 Ankommen erleichtern – Willkommenskultur ─────────────────────────────────────── */
  {
    key: "f2-lotsen",
    field: 2,
    column: "strengths",
    author: "oltmanns",
    text: "38 aktive Integrationslots*innen begleiten Neuzugewanderte zu Behörden und Ärzten.",
    minute: 12,
  },
  {
    key: "f2-netz",
    field: 2,
    column: "strengths",
    author: "luedtke",
    text: "Kurze Wege zwischen Migrationsberatung, Flüchtlingssozialarbeit und Ausländerbehörde.",
    minute: 14,
  },
  {
    key: "f2-cafe",
    field: 2,
    column: "strengths",
    author: "olena",
    text: "Das Begegnungscafé im Hafenviertel ist für viele ukrainische Familien die erste Anlaufstelle.",
    minute: 17,
  },
  {
    key: "f2-info",
    field: 2,
    column: "gaps",
    author: "mahmoud",
    text: "Informationen gibt es fast nur auf Deutsch und verstreut auf vielen Webseiten.",
    minute: 15,
    colour: "pink",
  },
  {
    key: "f2-termine",
    field: 2,
    column: "gaps",
    author: "aylin",
    text: "Wartezeiten von acht Wochen auf einen Termin bei der Ausländerbehörde.",
    minute: 16,
    colour: "pink",
  },
  {
    key: "f2-sprachmittlung",
    field: 2,
    column: "gaps",
    author: "hinrichs",
    text: "Keine verlässliche Sprachmittlung in Beratungsgesprächen – oft übersetzen die Kinder.",
    minute: 18,
  },
  {
    key: "f2-unterkunft",
    field: 2,
    column: "gaps",
    author: null,
    text: "In den Gemeinschaftsunterkünften am Stadtrand kommt kaum ein Beratungsangebot an.",
    minute: 21,
  },
  {
    key: "f2-ziel",
    field: 2,
    column: "gaps",
    kind: "goal",
    colour: "blue",
    author: "moderator",
    text: "Neuzugewanderte finden in den ersten Wochen gebündelte, mehrsprachige Informationen und Beratung.",
    minute: 95,
  },
  {
    key: "f2-portal",
    field: 2,
    column: "gaps",
    kind: "measure",
    colour: "green",
    author: "moderator",
    text: "Mehrsprachiges Willkommensportal mit Terminbuchung",
    minute: 101,
    goal: "f2-ziel",
    measure: {
      responsibilities: [
        {
          organisation: "Stadt Deichhausen – Koordinierungsstelle Migration und Teilhabe (KMuT)",
          role: "lead",
        },
        { organisation: "Integrationsrat Deichhausen", role: "partner" },
      ],
      target: "in 6 Sprachen online, 80 % der Erstanmeldungen erreicht",
      timeframe: "2027",
      priority: "A",
      status: "planned",
    },
  },
  {
    key: "f2-pool",
    field: 2,
    column: "gaps",
    kind: "measure",
    colour: "green",
    author: "moderator",
    text: "Sprachmittlungspool für städtische Beratungsgespräche",
    minute: 104,
    goal: "f2-ziel",
    measure: {
      responsibilities: [
        { organisation: "Stadt Deichhausen – Fachdienst Soziales und Integration", role: "lead" },
        { organisation: "Diakonisches Werk Deichhausen", role: "partner" },
      ],
      target: "Sprachmittlung binnen 48 Stunden in 10 Sprachen",
      timeframe: "ab 2. Halbjahr 2026",
      priority: "quick_win",
      status: "new",
    },
  },
  {
    key: "f2-migrationsberatung",
    field: 2,
    column: "offers",
    author: "luedtke",
    text: "Migrationsberatung für Erwachsene (MBE) bei Caritas und Diakonie, dienstags offene Sprechstunde.",
    minute: 25,
  },
  {
    key: "f2-mappe",
    field: 2,
    column: "offers",
    author: "devries",
    text: "Willkommensmappe bei der Erstanmeldung im Bürgerbüro (bisher nur Deutsch und Englisch).",
    minute: 27,
  },
  /* ── 3 Deutschförderung ─────────────────────────────────────────────────────────────── */
  {
    key: "f3-vhs",
    field: 3,
    column: "strengths",
    author: "meyer",
    text: "VHS bietet Integrationskurse auf allen Niveaus, auch Alphabetisierungskurse.",
    minute: 13,
  },
  {
    key: "f3-ehrenamt",
    field: 3,
    column: "strengths",
    author: "oltmanns",
    text: "Ehrenamtliche Sprachpat*innen treffen sich wöchentlich in der Stadtbibliothek.",
    minute: 19,
  },
  {
    key: "f3-kinderbetreuung",
    field: 3,
    column: "gaps",
    author: "olena",
    text: "Mütter mit kleinen Kindern können keinen Kurs besuchen: es fehlt Kinderbetreuung.",
    minute: 20,
    colour: "orange",
  },
  {
    key: "f3-wartelisten",
    field: 3,
    column: "gaps",
    author: "behrens",
    text: "Wartelisten für B1-Kurse bis zu fünf Monate; Kunden verlieren in der Zeit den Anschluss.",
    minute: 22,
    colour: "orange",
  },
  {
    key: "f3-berufssprache",
    field: 3,
    column: "gaps",
    author: "aylin",
    text: "Zu wenige berufsbezogene Sprachkurse (B2/C1) für Pflege und Handwerk.",
    minute: 24,
  },
  {
    key: "f3-uebersicht",
    field: 3,
    column: "gaps",
    author: null,
    text: "Niemand hat den Überblick, welcher Kurs wo noch freie Plätze hat.",
    minute: 26,
  },
  {
    key: "f3-ziel",
    field: 3,
    column: "gaps",
    kind: "goal",
    colour: "blue",
    author: "moderator",
    text: "Alle Zugewanderten finden ohne lange Wartezeit einen passenden Sprachkurs, auch mit kleinen Kindern.",
    minute: 97,
  },
  {
    key: "f3-boerse",
    field: 3,
    column: "gaps",
    kind: "measure",
    colour: "green",
    author: "moderator",
    text: "Zentrale Sprachkursübersicht mit Platzbörse",
    minute: 106,
    goal: "f3-ziel",
    measure: {
      responsibilities: [
        { organisation: "Volkshochschule Deichhausen", role: "lead" },
        { organisation: "Jobcenter Deichhausen", role: "partner" },
      ],
      target: "Wartezeit auf einen Kursplatz unter 6 Wochen",
      timeframe: "2027",
      priority: "A",
      status: "new",
    },
  },
  {
    key: "f3-eltern",
    field: 3,
    column: "gaps",
    kind: "measure",
    colour: "green",
    author: "moderator",
    text: "Elternintegrationskurse mit Kinderbetreuung",
    minute: 108,
    goal: "f3-ziel",
    measure: {
      responsibilities: [
        { organisation: "Volkshochschule Deichhausen", role: "lead" },
        {
          organisation: "Stadt Deichhausen – Fachdienst Schule, Bildung und Sport",
          role: "partner",
        },
      ],
      target: "zwei Kurse pro Jahr mit je 15 Plätzen",
      timeframe: "ab Herbst 2026",
      priority: "B",
      status: "planned",
    },
  },
  {
    key: "f3-sprachcafe",
    field: 3,
    column: "offers",
    author: "mahmoud",
    text: "Sprachcafé des Kulturvereins, jeden Samstag, offen für alle.",
    minute: 28,
  },
  {
    key: "f3-kita",
    field: 3,
    column: "offers",
    author: "janssen",
    text: "Sprachförderung in der Kita und im Schuljahr vor der Einschulung.",
    minute: 30,
  },
  /* ── 5 Ausbildung und Arbeit ────────────────────────────────────────────────────────── */
  {
    key: "f5-betriebe",
    field: 5,
    column: "strengths",
    author: "behrens",
    text: "Viele Betriebe im Hafen und in der Pflege suchen aktiv Fachkräfte und sind offen.",
    minute: 33,
  },
  {
    key: "f5-bbs",
    field: 5,
    column: "strengths",
    author: "janssen",
    text: "Sprachlernklassen an den Berufsbildenden Schulen führen zum Hauptschulabschluss.",
    minute: 35,
  },
  {
    key: "f5-anerkennung",
    field: 5,
    column: "gaps",
    author: "olena",
    text: "Anerkennung ausländischer Berufsabschlüsse dauert ein Jahr und länger – Ärztinnen arbeiten als Reinigungskraft.",
    minute: 34,
    colour: "pink",
  },
  {
    key: "f5-beratung",
    field: 5,
    column: "gaps",
    author: "behrens",
    text: "Keine Anerkennungsberatung vor Ort, die nächste Stelle ist 60 km entfernt.",
    minute: 36,
    colour: "pink",
  },
  {
    key: "f5-frauen",
    field: 5,
    column: "gaps",
    author: "hinrichs",
    text: "Frauen mit Fluchtgeschichte werden von den Angeboten des Jobcenters kaum erreicht.",
    minute: 38,
  },
  {
    key: "f5-azubis",
    field: 5,
    column: "gaps",
    author: "mahmoud",
    text: "Junge Geflüchtete brechen die Ausbildung ab, weil Berufsschule und Deutsch zu viel werden.",
    minute: 40,
  },
  {
    key: "f5-sprechstunde",
    field: 5,
    column: "offers",
    author: "behrens",
    text: "Jobcenter: Sprechstunde „Arbeit und Sprache“ einmal im Monat im Stadtteiltreff.",
    minute: 41,
  },
  {
    key: "f5-paten",
    field: 5,
    column: "offers",
    author: "oltmanns",
    text: "Ausbildungspat*innen aus dem Ruhestand begleiten Azubis (bisher 12 Tandems).",
    minute: 43,
  },
  /* ── 9 Migrationsgesellschaftliche Öffnung und Antidiskriminierung ───────────────────── */
  {
    key: "f9-integrationsrat",
    field: 9,
    column: "strengths",
    author: "aylin",
    text: "Der Integrationsrat wird bei Vorlagen mit Bezug zu Migration frühzeitig beteiligt.",
    minute: 45,
  },
  {
    key: "f9-fortbildung",
    field: 9,
    column: "strengths",
    author: "devries",
    text: "Erste Fortbildungen zu interkultureller Kompetenz für das Bürgerbüro haben stattgefunden.",
    minute: 47,
  },
  {
    key: "f9-beschwerde",
    field: 9,
    column: "gaps",
    author: null,
    text: "Wer Diskriminierung erlebt, weiß nicht, wohin er sich wenden kann.",
    minute: 46,
    colour: "pink",
  },
  {
    key: "f9-personal",
    field: 9,
    column: "gaps",
    author: "aylin",
    text: "In der Stadtverwaltung arbeiten kaum Menschen mit Einwanderungsgeschichte, vor allem nicht in Leitungsfunktionen.",
    minute: 48,
  },
  {
    key: "f9-wohnung",
    field: 9,
    column: "gaps",
    author: "luedtke",
    text: "Bei der Wohnungssuche werden Familien mit ausländisch klingendem Namen abgewiesen.",
    minute: 50,
  },
  {
    key: "f9-ziel",
    field: 9,
    column: "gaps",
    kind: "goal",
    colour: "blue",
    author: "moderator",
    text: "Menschen, die Diskriminierung erleben, finden in Deichhausen eine unabhängige Beratung.",
    minute: 99,
  },
  {
    key: "f9-stelle",
    field: 9,
    column: "gaps",
    kind: "measure",
    colour: "green",
    author: "moderator",
    text: "Antidiskriminierungsberatung einrichten",
    minute: 110,
    goal: "f9-ziel",
    measure: {
      responsibilities: [
        { organisation: "Caritasverband Deichhausen e.V.", role: "lead" },
        { organisation: "Integrationsrat Deichhausen", role: "partner" },
      ],
      target: "Beratung an zwei Tagen pro Woche, jährlicher Bericht an den Rat",
      timeframe: "2027",
      priority: "A",
      status: "new",
    },
  },
  {
    key: "f9-frage",
    field: 9,
    column: "offers",
    kind: "question",
    author: "meyer",
    text: "Gibt es Mittel aus dem Landesprogramm für eine Beratungsstelle?",
    minute: 52,
  },
  {
    key: "f9-woche",
    field: 9,
    column: "offers",
    author: "mahmoud",
    text: "Interkulturelle Woche im September mit Moscheegemeinde, Kirchen und Vereinen.",
    minute: 53,
  },
];

/** Groups the room formed in the gap lanes (cards by key). */
export const DEMO_BOARD_CLUSTERS: ReadonlyArray<{
  field: number;
  column: StockTakeColumn;
  title: string;
  cards: readonly string[];
}> = [
  {
    field: 2,
    column: "gaps",
    title: "Information und Termine",
    cards: ["f2-info", "f2-termine"],
  },
  {
    field: 3,
    column: "gaps",
    title: "Zugang zu Kursen",
    cards: ["f3-kinderbetreuung", "f3-wartelisten"],
  },
  {
    field: 5,
    column: "gaps",
    title: "Anerkennung von Abschlüssen",
    cards: ["f5-anerkennung", "f5-beratung"],
  },
  {
    field: 9,
    column: "gaps",
    title: "Erlebte Diskriminierung",
    cards: ["f9-beschwerde", "f9-wohnung"],
  },
];

/** The kick-off's dot vote on the gaps: three dots each, at most one per card. */
export const DEMO_BOARD_VOTING = { budget: 3, allowMultiple: false } as const;

/** Each participant's dots (card keys); the moderator did not vote. */
export const DEMO_BOARD_BALLOTS: Readonly<Record<DemoParticipantKey, readonly string[]>> = {
  aylin: ["f9-beschwerde", "f2-termine", "f3-kinderbetreuung"],
  behrens: ["f5-anerkennung", "f3-wartelisten", "f5-beratung"],
  luedtke: ["f2-sprachmittlung", "f9-beschwerde", "f9-wohnung"],
  hinrichs: ["f2-sprachmittlung", "f5-frauen", "f3-kinderbetreuung"],
  mahmoud: ["f2-info", "f5-anerkennung", "f9-beschwerde"],
  olena: ["f3-kinderbetreuung", "f5-anerkennung", "f2-info"],
  janssen: ["f3-kinderbetreuung", "f2-info", "f5-azubis"],
  devries: ["f2-info", "f2-termine", "f3-uebersicht"],
  meyer: ["f3-wartelisten", "f3-uebersicht", "f5-anerkennung"],
  oltmanns: ["f2-sprachmittlung", "f3-kinderbetreuung", "f2-unterkunft"],
};

/** What the facilitator left on the control document at the end of the day. */
export const DEMO_BOARD_PHASE = "Priorisierung der Lücken";
