/**
 * The council paper (Vorlage) of a concept, as the form edits it and the server stores it: one
 * zod schema shared by the form and the API, with a length limit on every string and on every
 * list. Client-safe (no database imports).
 */
import { z } from "zod";

/** Beschlussvorlage, Mitteilungsvorlage, Sitzungsvorlage (German labels: enums.paperType). */
export const paperTypes = ["resolution", "information", "session"] as const;
export type PaperType = (typeof paperTypes)[number];

/** Vorberatung, Entscheidung, Kenntnisnahme (the same values as the deliberation_role enum). */
export const consultationRoles = ["preliminary", "decision", "information"] as const;
export type ConsultationRole = (typeof consultationRoles)[number];

/** How many rows each list of the paper may have, and how long each text may be. */
export const PAPER_LIMITS = {
  number: 50,
  department: 200,
  departments: 20,
  fileReference: 100,
  committee: 200,
  agendaItem: 50,
  result: 500,
  consultations: 30,
  subject: 500,
  resolutionPoint: 2000,
  resolution: 30,
  sectionHeading: 200,
  sectionText: 20_000,
  sections: 30,
  financialImpact: 10_000,
  missionConformity: 4000,
  annex: 300,
  annexes: 30,
  signatoryName: 200,
  signatoryTitle: 200,
} as const;

const L = PAPER_LIMITS;
/** Trimmed text of at most `max` characters; may be empty. */
const text = (max: number) => z.string().trim().max(max);
/** Trimmed, non-empty text of at most `max` characters. */
const required = (max: number) => z.string().trim().min(1).max(max);
/** yyyy-mm-dd, or empty (not known yet). */
const optionalDate = z.union([z.literal(""), z.iso.date()]);

export const consultationSchema = z.object({
  committee: required(L.committee),
  meetingDate: optionalDate,
  agendaItem: text(L.agendaItem),
  role: z.enum(consultationRoles),
  result: text(L.result),
});
export type Consultation = z.infer<typeof consultationSchema>;

export const explanationSectionSchema = z.object({
  heading: text(L.sectionHeading),
  text: text(L.sectionText),
});
export type ExplanationSection = z.infer<typeof explanationSectionSchema>;

export const councilPaperSchema = z.object({
  type: z.enum(paperTypes),
  number: text(L.number),
  leadDepartment: text(L.department),
  involvedDepartments: z.array(required(L.department)).max(L.departments),
  fileReference: text(L.fileReference),
  date: z.iso.date(),
  public: z.boolean(),
  consultations: z.array(consultationSchema).max(L.consultations),
  subject: required(L.subject),
  resolution: z.array(required(L.resolutionPoint)).max(L.resolution),
  explanation: z.array(explanationSectionSchema).max(L.sections),
  financialImpact: text(L.financialImpact),
  missionConformity: text(L.missionConformity),
  annexes: z.array(required(L.annex)).max(L.annexes),
  signatory: z.object({ name: text(L.signatoryName), title: text(L.signatoryTitle) }),
});
export type CouncilPaper = z.infer<typeof councilPaperSchema>;

/** What GET and PUT answer: the paper, and whether it is stored or only pre-filled. */
export interface CouncilPaperState {
  paper: CouncilPaper;
  stored: boolean;
  /** ISO time of the last save; null while pre-filled. */
  updatedAt: string | null;
}
