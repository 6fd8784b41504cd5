/**
 * Demo data for the fictional town of Deichhausen: organisations, accounts and one action plan
 * following the nine Lower Saxony fields of action. Pure data; `seed-demo.ts` writes it.
 * Field, goal and measure numbers are positions: the nth entry of a list gets number n.
 */
import { LOWER_SAXONY_FIELDS } from "@/lib/concept/templates";
import type {
  ConceptRole,
  ConceptStatus,
  ConceptType,
  MeasurePriority,
  MeasureStatus,
  OrganisationKind,
  ResponsibilityRole,
  WorkshopKind,
} from "@/lib/db/schema";

export interface DemoOrganisation {
  key: string;
  name: string;
  shortName?: string;
  kind: OrganisationKind;
}

export const DEMO_ORGANISATIONS = [
  { key: "town", name: "Stadt Deichhausen", kind: "administration" },
  {
    key: "social",
    name: "Stadt Deichhausen – Fachdienst Soziales und Integration",
    shortName: "FD Soziales",
    kind: "administration",
  },
  {
    key: "school",
    name: "Stadt Deichhausen – Fachdienst Schule, Bildung und Sport",
    shortName: "FD Schule",
    kind: "administration",
  },
  {
    key: "personnel",
    name: "Stadt Deichhausen – Fachdienst Personal",
    shortName: "FD Personal",
    kind: "administration",
  },
  {
    key: "kmut",
    name: "Stadt Deichhausen – Koordinierungsstelle Migration und Teilhabe (KMuT)",
    shortName: "KMuT",
    kind: "administration",
  },
  {
    key: "board",
    name: "Stadt Deichhausen – Verwaltungsvorstand",
    shortName: "Verwaltungsvorstand",
    kind: "administration",
  },
  { key: "vhs", name: "Volkshochschule Deichhausen", shortName: "VHS", kind: "administration" },
  {
    key: "councilGroups",
    name: "Ratsfraktionen im Rat der Stadt Deichhausen",
    shortName: "Ratsfraktionen",
    kind: "political_group",
  },
  {
    key: "integrationCouncil",
    name: "Integrationsrat Deichhausen",
    shortName: "Integrationsrat",
    kind: "migrant_council",
  },
  {
    key: "syrianClub",
    name: "Deutsch-Syrischer Kulturverein Deichhausen e.V.",
    kind: "migrant_organisation",
  },
  {
    key: "ukrainianCommunity",
    name: "Ukrainische Gemeinde Deichhausen e.V.",
    kind: "migrant_organisation",
  },
  {
    key: "caritas",
    name: "Caritasverband Deichhausen e.V.",
    shortName: "Caritas",
    kind: "welfare_association",
  },
  {
    key: "diakonie",
    name: "Diakonisches Werk Deichhausen",
    shortName: "Diakonie",
    kind: "welfare_association",
  },
  { key: "jobcenter", name: "Jobcenter Deichhausen", kind: "employment_agency" },
  {
    key: "employmentAgency",
    name: "Agentur für Arbeit Deichhausen",
    shortName: "Agentur für Arbeit",
    kind: "employment_agency",
  },
  {
    key: "chamber",
    name: "Industrie- und Handelskammer Deichhausen",
    shortName: "IHK",
    kind: "chamber_business",
  },
  { key: "crafts", name: "Kreishandwerkerschaft Deichhausen", kind: "chamber_business" },
  {
    key: "schoolAuthority",
    name: "Regionales Landesamt für Schule und Bildung",
    shortName: "RLSB",
    kind: "school_authority",
  },
  {
    key: "vocationalSchools",
    name: "Berufsbildende Schulen Deichhausen",
    shortName: "BBS",
    kind: "school_authority",
  },
  { key: "university", name: "Hochschule Deichhausen", kind: "university" },
  { key: "volunteers", name: "Freiwilligenagentur Deichhausen", kind: "volunteers" },
  { key: "sportsUnion", name: "Stadtsportbund Deichhausen e.V.", kind: "other" },
  {
    key: "housing",
    name: "Deichhausener Wohnungsbaugesellschaft mbH",
    shortName: "DWG",
    kind: "other",
  },
] as const satisfies readonly DemoOrganisation[];

export type DemoOrganisationKey = (typeof DEMO_ORGANISATIONS)[number]["key"];

/** The organisation the demo concept belongs to. */
export const DEMO_TOWN_KEY: DemoOrganisationKey = "town";

export interface DemoUser {
  email: string;
  name: string;
  password: string;
  canCreateConcepts: boolean;
  role: ConceptRole;
}

export const DEMO_PASSWORD = "demo";

export const DEMO_USERS: readonly DemoUser[] = [
  {
    email: "moderation@deichhausen.example",
    name: "Koordinierungsstelle MuT",
    password: DEMO_PASSWORD,
    canCreateConcepts: true,
    role: "moderator",
  },
  {
    email: "redaktion@deichhausen.example",
    name: "Steuerungsgruppe",
    password: DEMO_PASSWORD,
    canCreateConcepts: false,
    role: "editor",
  },
  {
    email: "rat@deichhausen.example",
    name: "Ratsmitglied",
    password: DEMO_PASSWORD,
    canCreateConcepts: false,
    role: "viewer",
  },
];

export interface DemoConcept {
  title: string;
  type: ConceptType;
  status: ConceptStatus;
  missionStatement: string;
  reviewDate: string;
}

export const DEMO_CONCEPT: DemoConcept = {
  title: "Handlungskonzept Migration und Teilhabe der Stadt Deichhausen",
  type: "action_plan",
  status: "draft",
  missionStatement:
    "Deichhausen versteht sich als offene Stadt, in der alle Menschen – unabhängig von Herkunft, Sprache, Religion oder Aufenthaltsdauer – gleichberechtigt am gesellschaftlichen, wirtschaftlichen und politischen Leben teilhaben können. " +
    "Integration begreifen wir als gemeinsame Aufgabe von Zugewanderten und Alteingesessenen, von Verwaltung, Politik, Wirtschaft und Zivilgesellschaft. " +
    "Die Vielfalt unserer Stadtgesellschaft sehen wir als Stärke und als Antwort auf den demografischen Wandel an der Küste. " +
    "Wir bauen Hürden beim Zugang zu Angeboten und Diensten ab, treten Diskriminierung entschieden entgegen und überprüfen regelmäßig, ob unsere Maßnahmen wirken.",
  reviewDate: "2031-06-30",
};

export interface DemoResponsibility {
  organisation: DemoOrganisationKey;
  role: ResponsibilityRole;
}

export interface DemoIndicator {
  definition: string;
  unit: string;
  dataOwner: DemoOrganisationKey;
  baseline: string;
  target: string;
  breakdown: string;
}

export interface DemoMeasure {
  title: string;
  description: string;
  steps?: readonly string[];
  target?: string;
  startYear: number;
  timeframe: string;
  reviewRule?: string;
  status: MeasureStatus;
  priority: MeasurePriority;
  costNote: string;
  needsBudgetDecision?: boolean;
  /** In display order; exactly one entry has the role "lead". */
  responsibilities: readonly DemoResponsibility[];
  indicators?: readonly DemoIndicator[];
}

export interface DemoGoal {
  text: string;
  measures: readonly DemoMeasure[];
}

export interface DemoField {
  title: (typeof LOWER_SAXONY_FIELDS)[number];
  strategicGoal: string;
  prioritisedUntil: string | null;
  goals: readonly DemoGoal[];
}

const PRIORITISED_UNTIL = "2027-12-31";

export const DEMO_FIELDS: readonly DemoField[] = [
  {
    title: LOWER_SAXONY_FIELDS[0],
    strategicGoal:
      "Die Stadt Deichhausen steuert Migration und Teilhabe verbindlich, fachbereichsübergreifend und auf der Grundlage verlässlicher Daten.",
    prioritisedUntil: PRIORITISED_UNTIL,
    goals: [
      {
        text: "Die Umsetzung des Handlungskonzepts wird von einer ämterübergreifenden Steuerungsgruppe koordiniert und dem Rat gegenüber jährlich dokumentiert.",
        measures: [
          {
            title: "Steuerungsgruppe Migration und Teilhabe einrichten",
            description:
              "Unter Vorsitz des Verwaltungsvorstands tagt eine Steuerungsgruppe aus den beteiligten Fachdiensten, dem Integrationsrat und zentralen Trägern. Sie verfolgt den Umsetzungsstand der Maßnahmen und bereitet den jährlichen Bericht an den Rat vor.",
            steps: [
              "Geschäftsordnung und Zusammensetzung festlegen",
              "Sitzungstermine vierteljährlich planen",
              "Umsetzungsbericht für den Ausschuss für Soziales und Integration erstellen",
            ],
            target: "vier Sitzungen pro Jahr, ein Umsetzungsbericht jährlich",
            startYear: 2026,
            timeframe: "ab 2026 laufend",
            reviewRule: "Überprüfung der Arbeitsweise nach einem Jahr",
            status: "new",
            priority: "A",
            costNote: "im Rahmen bestehender Personalressourcen",
            responsibilities: [
              { organisation: "board", role: "lead" },
              { organisation: "kmut", role: "partner" },
              { organisation: "integrationCouncil", role: "involved" },
              { organisation: "councilGroups", role: "involved" },
            ],
          },
        ],
      },
      {
        text: "Entwicklungen bei Zuwanderung und Teilhabe werden durch ein regelmäßiges, möglichst kleinräumiges Monitoring sichtbar gemacht.",
        measures: [
          {
            title: "Migrations- und Teilhabemonitoring aufbauen",
            description:
              "Die KMuT stellt alle zwei Jahre zentrale Kennzahlen zu Bevölkerung, Bildung, Arbeit und Wohnen zusammen, soweit möglich auf Ebene der Stadtteile. Der Bericht bildet die Grundlage für die Fortschreibung des Handlungskonzepts.",
            steps: [
              "Kennzahlenset mit den datenhaltenden Stellen abstimmen",
              "Datenlieferungen von Jobcenter, Agentur für Arbeit und Schulen vereinbaren",
              "Ersten Monitoringbericht veröffentlichen",
            ],
            target: "Monitoringbericht alle zwei Jahre, erstmals 2027",
            startYear: 2026,
            timeframe: "2026–2027, danach zweijährlich",
            status: "planned",
            priority: "A",
            costNote: "ca. 8.000 € je Bericht aus dem Budget der KMuT",
            responsibilities: [
              { organisation: "kmut", role: "lead" },
              { organisation: "university", role: "partner" },
              { organisation: "jobcenter", role: "involved" },
              { organisation: "employmentAgency", role: "involved" },
            ],
          },
        ],
      },
      {
        text: "Die Akteure der Integrationsarbeit sind in einem tragfähigen Netzwerk verbunden und stimmen ihre Angebote aufeinander ab.",
        measures: [
          {
            title: "Netzwerk Integration Deichhausen verstetigen",
            description:
              "Das Netzwerk kommt zweimal im Jahr zusammen und bietet Trägern, Vereinen und Migrant*innenorganisationen Raum für Austausch und Absprachen. Die Geschäftsführung liegt bei der KMuT.",
            target: "zwei Netzwerktreffen pro Jahr mit jeweils mind. 25 Teilnehmenden",
            startYear: 2019,
            timeframe: "laufend",
            status: "existing",
            priority: "B",
            costNote: "ca. 1.500 € jährlich für Raummiete und Verpflegung",
            responsibilities: [
              { organisation: "kmut", role: "lead" },
              { organisation: "caritas", role: "partner" },
              { organisation: "diakonie", role: "partner" },
              { organisation: "syrianClub", role: "involved" },
            ],
          },
        ],
      },
    ],
  },
  {
    title: LOWER_SAXONY_FIELDS[1],
    strategicGoal:
      "Neuzugewanderte finden in Deichhausen vom ersten Tag an verständliche Informationen, verlässliche Beratung und Menschen, die ihnen das Ankommen erleichtern.",
    prioritisedUntil: PRIORITISED_UNTIL,
    goals: [
      {
        text: "Neuzugewanderte erhalten gebündelte und mehrsprachige Informationen über Angebote, Zuständigkeiten und Ansprechpersonen.",
        measures: [
          {
            title: "Mehrsprachiges Willkommensportal „Ankommen in Deichhausen“",
            description:
              "Auf der städtischen Internetseite entsteht ein Portal mit den wichtigsten Informationen zu Anmeldung, Beratung, Sprachkursen, Kita und Schule. Die Inhalte erscheinen in Einfacher Sprache und in den fünf häufigsten Herkunftssprachen.",
            steps: [
              "Inhalte mit Fachdiensten und Beratungsstellen zusammentragen",
              "Übersetzungen beauftragen und von Muttersprachler*innen prüfen lassen",
              "Zuständigkeit für die laufende Pflege verbindlich regeln",
            ],
            target: "Portal in Deutsch, Einfacher Sprache und fünf weiteren Sprachen",
            startYear: 2026,
            timeframe: "2026–2027",
            reviewRule: "Auswertung der Zugriffszahlen nach einem Jahr",
            status: "new",
            priority: "A",
            costNote: "ca. 12.000 € einmalig, danach ca. 2.000 € jährlich",
            needsBudgetDecision: true,
            responsibilities: [
              { organisation: "kmut", role: "lead" },
              { organisation: "integrationCouncil", role: "partner" },
              { organisation: "syrianClub", role: "involved" },
              { organisation: "ukrainianCommunity", role: "involved" },
            ],
          },
          {
            title: "Willkommensmappe bei der Erstanmeldung",
            description:
              "Das Bürgerbüro händigt bei jeder Erstanmeldung aus dem Ausland eine Willkommensmappe mit Stadtplan, Beratungsangeboten und den Kontaktdaten der Migrationsberatung aus.",
            target: "Willkommensmappe für alle Erstanmeldungen aus dem Ausland",
            startYear: 2026,
            timeframe: "ab 2026 laufend",
            status: "in_progress",
            priority: "quick_win",
            costNote: "ca. 3.000 € jährlich für Druck",
            responsibilities: [
              { organisation: "social", role: "lead" },
              { organisation: "kmut", role: "partner" },
            ],
          },
        ],
      },
      {
        text: "Die städtischen Anlaufstellen gestalten ihre Abläufe so, dass Neuzugewanderte sie verstehen und ohne Sprachbarrieren nutzen können.",
        measures: [
          {
            title: "Sprachmittlungspool für städtische Beratungsgespräche",
            description:
              "Die Stadt baut einen Pool geschulter Sprachmittler*innen auf, die kurzfristig für Termine in Bürgerbüro, Ausländerbehörde und Sozialamt angefragt werden können. Ergänzend wird Video-Dolmetschen erprobt.",
            steps: [
              "Sprachmittler*innen gewinnen und schulen",
              "Honorarvereinbarung und Abrechnung regeln",
              "Video-Dolmetschen in zwei Dienststellen erproben",
            ],
            target: "Sprachmittlung in mind. 12 Sprachen innerhalb von fünf Werktagen",
            startYear: 2027,
            timeframe: "2027–2028",
            reviewRule: "Auswertung der Einsätze nach 18 Monaten",
            status: "planned",
            priority: "A",
            costNote: "ca. 25.000 € jährlich",
            needsBudgetDecision: true,
            responsibilities: [
              { organisation: "social", role: "lead" },
              { organisation: "diakonie", role: "partner" },
              { organisation: "integrationCouncil", role: "involved" },
            ],
            indicators: [
              {
                definition: "Anzahl der vermittelten Sprachmittlungseinsätze",
                unit: "Einsätze pro Jahr",
                dataOwner: "social",
                baseline: "ca. 40 (2025, nicht systematisch erfasst)",
                target: "250 (2028)",
                breakdown: "nach Sprache und Dienststelle",
              },
            ],
          },
        ],
      },
      {
        text: "Neuzugewanderte werden in den ersten Monaten durch haupt- und ehrenamtliche Begleitung unterstützt.",
        measures: [
          {
            title: "Integrationslots*innen gewinnen und qualifizieren",
            description:
              "Ehrenamtliche Integrationslots*innen begleiten Neuzugewanderte zu Behörden, Arztpraxen und Vereinen. Die Freiwilligenagentur wirbt neue Ehrenamtliche, die KMuT bietet eine Grundqualifizierung und regelmäßige Reflexionstreffen an.",
            steps: [
              "Grundkurs mit vier Modulen zweimal jährlich anbieten",
              "Reflexionstreffen einmal im Quartal durchführen",
              "Aufwandsentschädigung und Versicherungsschutz klären",
            ],
            target: "jährlich 15–20 neue Ehrenamtliche",
            startYear: 2024,
            timeframe: "laufend",
            status: "existing",
            priority: "A",
            costNote: "ca. 6.000 € jährlich für Qualifizierung und Aufwandsentschädigungen",
            responsibilities: [
              { organisation: "volunteers", role: "lead" },
              { organisation: "kmut", role: "partner" },
              { organisation: "caritas", role: "partner" },
              { organisation: "syrianClub", role: "involved" },
            ],
            indicators: [
              {
                definition: "Anzahl aktiver Integrationslots*innen zum Jahresende",
                unit: "Personen",
                dataOwner: "volunteers",
                baseline: "34 (2025)",
                target: "60 (2028)",
                breakdown: "nach Geschlecht und eigener Migrationserfahrung",
              },
            ],
          },
          {
            title: "Mobile Erstberatung in den Gemeinschaftsunterkünften",
            description:
              "Sozialarbeiter*innen der Wohlfahrtsverbände bieten wöchentliche Sprechstunden direkt in den Gemeinschaftsunterkünften an und verweisen bei Bedarf an die Fachberatung.",
            target: "wöchentliche Sprechstunde in allen drei Unterkünften",
            startYear: 2025,
            timeframe: "laufend",
            status: "existing",
            priority: "B",
            costNote: "im Rahmen der bestehenden Landesförderung",
            responsibilities: [
              { organisation: "caritas", role: "lead" },
              { organisation: "diakonie", role: "partner" },
              { organisation: "social", role: "involved" },
            ],
          },
        ],
      },
    ],
  },
  {
    title: LOWER_SAXONY_FIELDS[2],
    strategicGoal:
      "Alle Zugewanderten haben in jeder Lebensphase Zugang zu passenden Angeboten, um die deutsche Sprache zu erlernen und im Alltag sicher anzuwenden.",
    prioritisedUntil: null,
    goals: [
      {
        text: "Das Angebot an Integrations- und Sprachkursen ist transparent und deckt den Bedarf ohne lange Wartezeiten.",
        measures: [
          {
            title: "Zentrale Sprachkursübersicht mit Platzbörse",
            description:
              "Die Volkshochschule führt eine laufend aktualisierte Übersicht aller Integrations-, Berufssprach- und ehrenamtlichen Deutschkurse in Deichhausen. Freie Plätze werden monatlich an Beratungsstellen und Jobcenter gemeldet.",
            target:
              "monatlich aktualisierte Übersicht; Wartezeit auf einen Integrationskurs unter acht Wochen",
            startYear: 2026,
            timeframe: "ab 2026 laufend",
            status: "new",
            priority: "B",
            costNote: "im Rahmen bestehender Personalressourcen",
            responsibilities: [
              { organisation: "vhs", role: "lead" },
              { organisation: "jobcenter", role: "partner" },
              { organisation: "kmut", role: "involved" },
            ],
          },
        ],
      },
      {
        text: "Neben den Kursen gibt es niedrigschwellige Gelegenheiten, Deutsch im Alltag zu üben.",
        measures: [
          {
            title: "Sprachcafés in den Stadtteiltreffs",
            description:
              "In drei Stadtteiltreffs finden wöchentliche, ehrenamtlich begleitete Sprachcafés statt. Ein viertes Sprachcafé wird im Stadtteil Nordermarsch eröffnet.",
            target: "vier Sprachcafés mit wöchentlichem Angebot",
            startYear: 2023,
            timeframe: "laufend",
            status: "existing",
            priority: "quick_win",
            costNote: "ca. 2.500 € jährlich für Material und Verpflegung",
            responsibilities: [
              { organisation: "volunteers", role: "lead" },
              { organisation: "diakonie", role: "partner" },
              { organisation: "vhs", role: "involved" },
            ],
          },
        ],
      },
      {
        text: "Eltern mit kleinen Kindern können Sprachkurse mit paralleler Kinderbetreuung besuchen.",
        measures: [
          {
            title: "Elternintegrationskurse mit Kinderbetreuung",
            description:
              "Die Volkshochschule bietet Integrationskurse mit paralleler Kinderbetreuung an, damit insbesondere Mütter mit Kleinkindern teilnehmen können.",
            steps: [
              "Kursräume mit Betreuungsmöglichkeit in der Nähe von Kitas finden",
              "Betreuungskräfte gemeinsam mit dem Fachdienst Schule, Bildung und Sport gewinnen",
            ],
            target: "zwei Kurse pro Jahr mit je bis zu 15 Teilnehmenden",
            startYear: 2027,
            timeframe: "2027–2029",
            reviewRule: "Überprüfung nach dem ersten Kursdurchlauf",
            status: "planned",
            priority: "A",
            costNote: "ca. 18.000 € jährlich für die Kinderbetreuung",
            needsBudgetDecision: true,
            responsibilities: [
              { organisation: "vhs", role: "lead" },
              { organisation: "school", role: "partner" },
              { organisation: "caritas", role: "involved" },
            ],
          },
        ],
      },
    ],
  },
  {
    title: LOWER_SAXONY_FIELDS[3],
    strategicGoal:
      "Kinder und Jugendliche mit Einwanderungsgeschichte haben von der Kita bis zum Schulabschluss die gleichen Bildungschancen wie alle anderen jungen Menschen in Deichhausen.",
    prioritisedUntil: null,
    goals: [
      {
        text: "Familien mit Einwanderungsgeschichte nutzen frühkindliche Bildungsangebote im gleichen Umfang wie andere Familien.",
        measures: [
          {
            title: "Spielgruppen als Brücke in die Kita",
            description:
              "Spielgruppen in den Familienzentren bereiten Kinder ohne Kita-Platz und ihre Eltern auf den Kita-Alltag vor. Die Fachkräfte unterstützen bei der Anmeldung über das Kita-Portal.",
            target: "sechs Spielgruppen mit je zehn Familien",
            startYear: 2025,
            timeframe: "2025–2027",
            status: "in_progress",
            priority: "B",
            costNote: "ca. 30.000 € jährlich, davon 70 % aus Landesmitteln",
            responsibilities: [
              { organisation: "school", role: "lead" },
              { organisation: "caritas", role: "partner" },
              { organisation: "syrianClub", role: "involved" },
            ],
          },
        ],
      },
      {
        text: "Neu zugewanderte Schüler*innen erhalten zügig einen Schulplatz und werden beim Übergang in die Regelklassen begleitet.",
        measures: [
          {
            title: "Abgestimmtes Verfahren zur Schulplatzvergabe",
            description:
              "Fachdienst Schule und Landesamt vereinbaren ein gemeinsames Verfahren, damit schulpflichtige Kinder kurz nach der Anmeldung einen Schulplatz erhalten. Plätze in Sprachlernklassen werden bedarfsgerecht auf die Schulen verteilt.",
            steps: [
              "Meldeweg vom Bürgerbüro an den Fachdienst Schule festlegen",
              "Freie Plätze in Sprachlernklassen monatlich mit dem RLSB abstimmen",
            ],
            target: "Schulplatz innerhalb von vier Wochen nach der Anmeldung",
            startYear: 2026,
            timeframe: "ab 2026 laufend",
            reviewRule: "Überprüfung nach einem Schuljahr",
            status: "new",
            priority: "A",
            costNote: "kostenneutral",
            responsibilities: [
              { organisation: "school", role: "lead" },
              { organisation: "schoolAuthority", role: "partner" },
              { organisation: "vocationalSchools", role: "involved" },
            ],
            indicators: [
              {
                definition:
                  "Durchschnittliche Dauer zwischen Anmeldung und erstem Schultag neu zugewanderter Kinder",
                unit: "Tage",
                dataOwner: "school",
                baseline: "ca. 45 Tage (Schuljahr 2024/25)",
                target: "höchstens 28 Tage (Schuljahr 2027/28)",
                breakdown: "nach Schulform und Altersgruppe",
              },
            ],
          },
        ],
      },
      {
        text: "Eltern mit Einwanderungsgeschichte werden als Partner*innen in der Bildung ihrer Kinder gestärkt.",
        measures: [
          {
            title: "Elternlots*innen an Grundschulen",
            description:
              "Mehrsprachige Elternlots*innen erklären Eltern das Schulsystem, begleiten sie zu Elterngesprächen und vermitteln bei Missverständnissen zwischen Familie und Schule.",
            target: "Elternlots*innen an allen sechs Grundschulen",
            startYear: 2027,
            timeframe: "2027–2029",
            status: "planned",
            priority: "B",
            costNote: "ca. 9.000 € jährlich für Aufwandsentschädigungen",
            responsibilities: [
              { organisation: "school", role: "lead" },
              { organisation: "integrationCouncil", role: "partner" },
              { organisation: "volunteers", role: "partner" },
              { organisation: "ukrainianCommunity", role: "involved" },
            ],
          },
        ],
      },
    ],
  },
  {
    title: LOWER_SAXONY_FIELDS[4],
    strategicGoal:
      "Zugewanderte können ihre Qualifikationen einbringen und finden Zugang zu Ausbildung und existenzsichernder Beschäftigung.",
    prioritisedUntil: null,
    goals: [
      {
        text: "Anerkennungssuchende werden frühzeitig beraten, und ausländische Berufsabschlüsse werden schneller anerkannt.",
        measures: [
          {
            title: "Sprechstunde zur Berufsanerkennung im Jobcenter",
            description:
              "Einmal im Monat bietet die Anerkennungsberatung eine Sprechstunde in den Räumen des Jobcenters an. Jobcenter und Agentur für Arbeit verweisen Kund*innen mit ausländischen Abschlüssen gezielt dorthin.",
            target: "zwölf Sprechstunden pro Jahr",
            startYear: 2026,
            timeframe: "laufend",
            status: "new",
            priority: "quick_win",
            costNote: "kostenneutral",
            responsibilities: [
              { organisation: "jobcenter", role: "lead" },
              { organisation: "employmentAgency", role: "partner" },
              { organisation: "chamber", role: "involved" },
            ],
          },
        ],
      },
      {
        text: "Junge Geflüchtete und Neuzugewanderte beginnen eine duale Ausbildung und schließen sie erfolgreich ab.",
        measures: [
          {
            title: "Ausbildungspatenschaften für junge Zugewanderte",
            description:
              "Ehrenamtliche Pat*innen aus Handwerk und Wirtschaft begleiten Auszubildende mit Fluchtgeschichte über die gesamte Ausbildung. Sie helfen beim Berufsschulstoff und bei Behördenangelegenheiten.",
            steps: [
              "Pat*innen über Innungen und Unternehmensnetzwerke gewinnen",
              "Tandems vermitteln und einmal jährlich ein Austauschtreffen ausrichten",
            ],
            target: "25 Tandems bis Ende 2028",
            startYear: 2026,
            timeframe: "2026–2028",
            reviewRule: "jährliche Auswertung der Vertragslösungen",
            status: "new",
            priority: "A",
            costNote: "ca. 5.000 € jährlich",
            responsibilities: [
              { organisation: "crafts", role: "lead" },
              { organisation: "chamber", role: "partner" },
              { organisation: "vocationalSchools", role: "partner" },
              { organisation: "volunteers", role: "involved" },
            ],
            indicators: [
              {
                definition:
                  "Anteil vorzeitig gelöster Ausbildungsverträge von Auszubildenden mit ausländischer Staatsangehörigkeit",
                unit: "% der begonnenen Verträge",
                dataOwner: "chamber",
                baseline: "31 % (2024)",
                target: "unter 20 % (2028)",
                breakdown: "nach Geschlecht und Ausbildungsbereich",
              },
            ],
          },
        ],
      },
      {
        text: "Betriebe in Deichhausen sind für die Beschäftigung von Zugewanderten aufgeschlossen und werden dabei unterstützt.",
        measures: [
          {
            title: "Unternehmensfrühstück „Vielfalt im Betrieb“",
            description:
              "Zweimal im Jahr laden Kammer und Kreishandwerkerschaft Betriebe zu einem Frühstück ein. Unternehmen berichten von ihren Erfahrungen mit zugewanderten Beschäftigten, Agentur und Jobcenter stellen Förderinstrumente vor.",
            target: "zwei Veranstaltungen pro Jahr mit je mind. 20 Betrieben",
            startYear: 2025,
            timeframe: "laufend",
            status: "existing",
            priority: "C",
            costNote: "wird von den Kammern getragen",
            responsibilities: [
              { organisation: "chamber", role: "lead" },
              { organisation: "crafts", role: "partner" },
              { organisation: "employmentAgency", role: "partner" },
              { organisation: "jobcenter", role: "involved" },
            ],
          },
        ],
      },
    ],
  },
  {
    title: LOWER_SAXONY_FIELDS[5],
    strategicGoal:
      "Zugewanderte kennen das Gesundheitssystem, finden verständliche Informationen und erhalten eine bedarfsgerechte Versorgung – auch bei psychischen Belastungen.",
    prioritisedUntil: null,
    goals: [
      {
        text: "Zugewanderte sind über Angebote der Gesundheitsversorgung und Vorsorge informiert.",
        measures: [
          {
            title: "Mehrsprachige Gesundheitsmediator*innen",
            description:
              "Geschulte Gesundheitsmediator*innen aus den Communities informieren in ihrer Muttersprache über Vorsorge, Impfungen und den Aufbau des deutschen Gesundheitssystems.",
            steps: [
              "Zwölf Mediator*innen gemeinsam mit dem Gesundheitsamt schulen",
              "Veranstaltungen in Vereinen und Gemeinden anbieten",
            ],
            target: "jährlich 20 Veranstaltungen mit insgesamt 300 Teilnehmenden",
            startYear: 2027,
            timeframe: "2027–2029",
            status: "planned",
            priority: "B",
            costNote: "ca. 15.000 € jährlich",
            needsBudgetDecision: true,
            responsibilities: [
              { organisation: "diakonie", role: "lead" },
              { organisation: "syrianClub", role: "partner" },
              { organisation: "ukrainianCommunity", role: "partner" },
              { organisation: "social", role: "involved" },
            ],
          },
        ],
      },
      {
        text: "Menschen mit Fluchterfahrung und psychischen Belastungen finden frühzeitig Zugang zu Unterstützung.",
        measures: [
          {
            title: "Psychosoziale Erstanlaufstelle",
            description:
              "Der Caritasverband bietet eine offene Sprechstunde zur psychosozialen Erstberatung an und vermittelt in Therapie und Selbsthilfegruppen. Wartezeiten werden dokumentiert, um den Versorgungsbedarf zu belegen.",
            target: "offene Sprechstunde an zwei Tagen pro Woche",
            startYear: 2026,
            timeframe: "2026–2027 (Modellphase)",
            reviewRule: "Überprüfung zum Ende der Modellphase",
            status: "in_progress",
            priority: "A",
            costNote: "über Drittmittel finanziert",
            responsibilities: [
              { organisation: "caritas", role: "lead" },
              { organisation: "social", role: "partner" },
            ],
          },
        ],
      },
    ],
  },
  {
    title: LOWER_SAXONY_FIELDS[6],
    strategicGoal:
      "Zugewanderte finden in Deichhausen angemessenen und bezahlbaren Wohnraum, und die Stadtteile bleiben sozial durchmischt.",
    prioritisedUntil: null,
    goals: [
      {
        text: "Der Umzug aus Gemeinschaftsunterkünften in eigenen Wohnraum gelingt zügig.",
        measures: [
          {
            title: "Wohnraumvermittlung und Mietführerschein",
            description:
              "Der Fachdienst Soziales vermittelt gemeinsam mit der städtischen Wohnungsbaugesellschaft Wohnungen an Geflüchtete. Ein Kurs „Mietführerschein“ erklärt Rechte und Pflichten von Mieter*innen.",
            steps: [
              "Kurs „Mietführerschein“ viermal jährlich anbieten",
              "Feste Ansprechperson bei der Wohnungsbaugesellschaft benennen",
            ],
            target: "jährlich 40 Auszüge aus Gemeinschaftsunterkünften in eigenen Wohnraum",
            startYear: 2025,
            timeframe: "laufend",
            status: "existing",
            priority: "A",
            costNote: "ca. 4.000 € jährlich für die Kurse",
            responsibilities: [
              { organisation: "social", role: "lead" },
              { organisation: "housing", role: "partner" },
              { organisation: "diakonie", role: "partner" },
            ],
            indicators: [
              {
                definition: "Durchschnittliche Verweildauer in Gemeinschaftsunterkünften",
                unit: "Monate",
                dataOwner: "social",
                baseline: "19 Monate (2025)",
                target: "unter 12 Monate (2029)",
                breakdown: "nach Haushaltsgröße",
              },
            ],
          },
        ],
      },
      {
        text: "Benachteiligungen von Zugewanderten bei der Wohnungssuche werden abgebaut.",
        measures: [
          {
            title: "Dialogforum mit Vermieter*innen",
            description:
              "Die Stadt lädt private Vermieter*innen und Wohnungsunternehmen einmal im Jahr zu einem Dialogforum ein. Vorbehalte werden offen angesprochen und Ansprechpersonen für Konfliktfälle vorgestellt.",
            target: "ein Dialogforum pro Jahr",
            startYear: 2027,
            timeframe: "ab 2027 jährlich",
            status: "planned",
            priority: "C",
            costNote: "ca. 1.000 € jährlich",
            responsibilities: [
              { organisation: "kmut", role: "lead" },
              { organisation: "housing", role: "partner" },
              { organisation: "integrationCouncil", role: "involved" },
            ],
          },
        ],
      },
    ],
  },
  {
    title: LOWER_SAXONY_FIELDS[7],
    strategicGoal:
      "In Deichhausen begegnen sich Menschen unterschiedlicher Herkunft im Alltag, in Vereinen und in der Nachbarschaft und gestalten das Zusammenleben gemeinsam.",
    prioritisedUntil: null,
    goals: [
      {
        text: "Zugewanderte sind in Sport- und Kulturvereinen sowie im Ehrenamt aktiv.",
        measures: [
          {
            title: "Aktionswochenende „Mitmachen in Deichhausen“",
            description:
              "Sportvereine öffnen an einem Herbstwochenende ihre Trainings für Neuzugewanderte. Die Mitgliedsbeiträge im ersten Jahr werden über einen Fonds übernommen.",
            target: "mind. 15 beteiligte Vereine und 50 neue Mitglieder pro Jahr",
            startYear: 2026,
            timeframe: "ab 2026 jährlich",
            status: "new",
            priority: "quick_win",
            costNote: "ca. 7.500 € jährlich für den Beitragsfonds",
            responsibilities: [
              { organisation: "sportsUnion", role: "lead" },
              { organisation: "school", role: "partner" },
              { organisation: "volunteers", role: "involved" },
            ],
          },
        ],
      },
      {
        text: "Migrant*innenorganisationen sind in ihrer Arbeit gestärkt und als Partner der Stadt anerkannt.",
        measures: [
          {
            title: "Qualifizierungsreihe für Migrant*innenorganisationen",
            description:
              "Freiwilligenagentur und Volkshochschule bieten Workshops zu Vereinsrecht, Fördermitteln und Öffentlichkeitsarbeit an.",
            target: "vier Workshops pro Jahr",
            startYear: 2026,
            timeframe: "2026–2028",
            status: "new",
            priority: "B",
            costNote: "ca. 3.000 € jährlich",
            responsibilities: [
              { organisation: "volunteers", role: "lead" },
              { organisation: "vhs", role: "partner" },
              { organisation: "syrianClub", role: "involved" },
              { organisation: "ukrainianCommunity", role: "involved" },
            ],
          },
        ],
      },
      {
        text: "Zugewanderte beteiligen sich an kommunalpolitischen Entscheidungen.",
        measures: [
          {
            title: "Integrationsrat stärken",
            description:
              "Der Integrationsrat erhält ein Verfügungsbudget und ein Antragsrecht in den Fachausschüssen. Vor der nächsten Wahl wird mehrsprachig für die Beteiligung geworben.",
            steps: [
              "Satzungsänderung zum Antragsrecht vorbereiten",
              "Wahlinformationen in sechs Sprachen erstellen",
            ],
            target: "Wahlbeteiligung bei der nächsten Integrationsratswahl verdoppeln",
            startYear: 2026,
            timeframe: "2026–2027",
            status: "planned",
            priority: "B",
            costNote: "aus dem bestehenden Haushaltsansatz für Integration",
            responsibilities: [
              { organisation: "integrationCouncil", role: "lead" },
              { organisation: "kmut", role: "partner" },
              { organisation: "councilGroups", role: "involved" },
            ],
          },
        ],
      },
    ],
  },
  {
    title: LOWER_SAXONY_FIELDS[8],
    strategicGoal:
      "Verwaltung, Vereine, Verbände und Unternehmen in Deichhausen öffnen ihre Strukturen für die Vielfalt der Stadtgesellschaft und wirken jeder Form von Diskriminierung entgegen.",
    prioritisedUntil: PRIORITISED_UNTIL,
    goals: [
      {
        text: "Die Beschäftigten der Stadtverwaltung verfügen über interkulturelle und diskriminierungskritische Kompetenzen.",
        measures: [
          {
            title: "Fortbildungsreihe Diversitätskompetenz",
            description:
              "Der Fachdienst Personal nimmt ein Modul zu Diversität und Antidiskriminierung verbindlich in das Fortbildungsprogramm auf. Führungskräfte und Beschäftigte mit Publikumsverkehr werden vorrangig geschult.",
            steps: [
              "Modul gemeinsam mit der Hochschule Deichhausen entwickeln",
              "Pilotdurchgang für Führungskräfte durchführen",
              "Teilnahme in die Einarbeitung neuer Beschäftigter aufnehmen",
            ],
            target: "bis 2028 mind. 80 % der Beschäftigten mit Publikumsverkehr geschult",
            startYear: 2026,
            timeframe: "2026–2028",
            reviewRule: "Auswertung der Rückmeldungen nach jedem Durchgang",
            status: "in_progress",
            priority: "A",
            costNote: "ca. 10.000 € jährlich aus dem Fortbildungsbudget",
            responsibilities: [
              { organisation: "personnel", role: "lead" },
              { organisation: "university", role: "partner" },
              { organisation: "kmut", role: "involved" },
            ],
            indicators: [
              {
                definition: "Anteil geschulter Beschäftigter mit Publikumsverkehr",
                unit: "%",
                dataOwner: "personnel",
                baseline: "12 % (2025)",
                target: "80 % (2028)",
                breakdown: "nach Fachdienst und Führungsebene",
              },
            ],
          },
        ],
      },
      {
        text: "Der Anteil der Beschäftigten mit Einwanderungsgeschichte in der Stadtverwaltung nähert sich ihrem Anteil an der Bevölkerung an.",
        measures: [
          {
            title: "Ausbildungsmarketing für Bewerber*innen mit Einwanderungsgeschichte",
            description:
              "Ausschreibungen für Ausbildungsplätze weisen ausdrücklich darauf hin, dass Bewerbungen von Menschen mit Einwanderungsgeschichte erwünscht sind. Die Stadt wirbt auf Ausbildungsmessen und in Migrant*innenorganisationen.",
            target: "Anteil der Auszubildenden mit Einwanderungsgeschichte auf 25 % steigern",
            startYear: 2026,
            timeframe: "laufend",
            status: "new",
            priority: "B",
            costNote: "kostenneutral",
            responsibilities: [
              { organisation: "personnel", role: "lead" },
              { organisation: "integrationCouncil", role: "partner" },
              { organisation: "vocationalSchools", role: "involved" },
            ],
          },
        ],
      },
      {
        text: "Menschen, die Diskriminierung erfahren, finden eine unabhängige Anlaufstelle.",
        measures: [
          {
            title: "Antidiskriminierungsberatung einrichten",
            description:
              "Gemeinsam mit einem freien Träger wird eine unabhängige Beratungsstelle für Betroffene von Diskriminierung aufgebaut. Sie dokumentiert Vorfälle und berichtet jährlich darüber.",
            steps: [
              "Trägerschaft im Interessenbekundungsverfahren vergeben",
              "Beschwerdeweg innerhalb der Verwaltung festlegen",
              "Jahresbericht im Integrationsrat vorstellen",
            ],
            target: "Beratungsstelle mit einer halben Stelle, ein Jahresbericht",
            startYear: 2027,
            timeframe: "2027–2029",
            reviewRule: "Überprüfung nach zwei Jahren",
            status: "planned",
            priority: "A",
            costNote: "ca. 35.000 € jährlich für eine halbe Stelle und Sachkosten",
            needsBudgetDecision: true,
            responsibilities: [
              { organisation: "diakonie", role: "lead" },
              { organisation: "integrationCouncil", role: "partner" },
              { organisation: "kmut", role: "partner" },
              { organisation: "board", role: "involved" },
            ],
          },
        ],
      },
    ],
  },
];

export interface DemoWorkshop {
  title: string;
  kind: WorkshopKind;
  /**
   * A past workshop has a fixed date; an upcoming one is dated this many days after the demo is
   * loaded, so it stays ahead of a freshly seeded demo.
   */
  when: { date: string } | { inDays: number };
  facilitator: string;
  location: string;
  /** Numbers of the fields of action the workshop covers. */
  fieldNumbers: readonly number[];
  /** The kick-off's board is filled (see deichhausen-board.ts); others start empty. */
  filledBoard?: boolean;
}

export const DEMO_WORKSHOPS: readonly DemoWorkshop[] = [
  {
    title: "Auftaktworkshop Handlungskonzept",
    kind: "integration_conference",
    when: { date: "2026-03-14" },
    facilitator: "Moderation: Dr. Anke Wiebe (extern)",
    location: "Ratssaal, Rathaus Deichhausen",
    fieldNumbers: DEMO_FIELDS.map((_, index) => index + 1),
    filledBoard: true,
  },
  {
    title: "AG Ankommen und Willkommenskultur",
    kind: "working_group",
    when: { inDays: 21 },
    facilitator: "Koordinierungsstelle MuT",
    location: "Stadtteiltreff Hafenviertel",
    fieldNumbers: [2],
  },
];

/** The date (YYYY-MM-DD) a demo workshop is held on, for a demo loaded at `now`. */
export function demoWorkshopDate(workshop: DemoWorkshop, now: Date): string {
  if ("date" in workshop.when) return workshop.when.date;
  return new Date(now.getTime() + workshop.when.inDays * 86_400_000).toISOString().slice(0, 10);
}

export const DEMO_REVISION_MESSAGE = "Demo-Daten: Handlungskonzept angelegt";
