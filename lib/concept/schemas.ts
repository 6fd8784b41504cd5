import { z } from "zod";
import { conceptType, conceptRole, workshopKind } from "@/lib/db/schema";
import { measurePriorities, measureStatuses } from "@/lib/domain-values";
import { conceptTemplates } from "./templates";

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalDate = z
  .string()
  .trim()
  .transform((v) => (v === "" ? null : v))
  .pipe(z.iso.date().nullable());

/**
 * The revision an edit form was loaded at (a hidden field): a save on top of a newer revision is
 * refused with conflict:revision instead of silently overwriting. Optional for API callers.
 */
export const baseRevisionShape = {
  baseRevision: z
    .union([
      z
        .number()
        .int()
        .min(0)
        .max(2 ** 31 - 1),
      z
        .string()
        .regex(/^\d{1,10}$/, "invalid")
        .transform(Number)
        .pipe(z.number().max(2 ** 31 - 1, "invalid")),
    ])
    .optional(),
};

export const createConceptSchema = z.object({
  title: text(200),
  type: z.enum(conceptType.enumValues),
  template: z.enum(conceptTemplates),
});
export type CreateConceptInput = z.infer<typeof createConceptSchema>;

export const fieldSchema = z.object({
  title: text(200),
  strategicGoal: z.string().trim().max(2000),
  prioritisedUntil: optionalDate.default(null),
});
export type FieldInput = z.infer<typeof fieldSchema>;
export const fieldEditSchema = fieldSchema.extend(baseRevisionShape);

export const memberSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  role: z.enum(conceptRole.enumValues),
});
export type MemberInput = z.infer<typeof memberSchema>;

export const memberRoleSchema = z.object({
  userId: z.uuid("invalid"),
  role: z.enum(conceptRole.enumValues),
});

export const workshopSchema = z.object({
  title: text(200),
  kind: z.enum(workshopKind.enumValues),
  date: z.iso.date(),
  facilitator: text(200),
  location: z.string().trim().max(200).default(""),
  fieldIds: z
    .union([z.uuid(), z.array(z.uuid())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
});
export type WorkshopInput = z.infer<typeof workshopSchema>;

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.boolean()])
  .optional()
  .transform((v) => v === "on" || v === "true" || v === true);

/** Comma-separated organisation names, as typed into a form. */
const organisationList = z
  .string()
  .max(2000)
  .default("")
  .transform((v) =>
    v
      .split(",")
      .map((name) => name.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().max(200)).max(20));

export const goalEditSchema = z.object({
  text: text(1000),
  retired: checkbox,
  ...baseRevisionShape,
});

export const measureEditSchema = z.object({
  title: text(300),
  description: z.string().trim().max(4000).default(""),
  target: z.string().trim().max(500).default(""),
  timeframe: z.string().trim().max(200).default(""),
  status: z.enum(measureStatuses),
  priority: z
    .union([z.literal(""), z.enum(measurePriorities)])
    .default("")
    .transform((v) => (v === "" ? null : v)),
  costNote: z.string().trim().max(1000).default(""),
  needsBudgetDecision: checkbox,
  retired: checkbox,
  lead: organisationList,
  partner: organisationList,
  involved: organisationList,
  ...baseRevisionShape,
});
