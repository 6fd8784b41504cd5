/**
 * Field-of-action templates for new concepts. The Lower Saxony "Migration und Teilhabe" scheme
 * names nine fields; towns write their own strategic goals for them.
 */
export const LOWER_SAXONY_FIELDS = [
  "Migrations- und Teilhabemanagement",
  "Ankommen erleichtern – Willkommenskultur",
  "Deutschförderung",
  "Bildung von Anfang an",
  "Ausbildung und Arbeit",
  "Gesundheit",
  "Wohnen",
  "Gesellschaftlicher Zusammenhalt",
  "Migrationsgesellschaftliche Öffnung und Antidiskriminierung",
] as const;

export const conceptTemplates = ["blank", "lower_saxony"] as const;
export type ConceptTemplate = (typeof conceptTemplates)[number];
