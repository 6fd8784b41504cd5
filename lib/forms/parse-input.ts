import type { z } from "zod";
import { AppError } from "@/lib/errors";

/**
 * Field error keys the UI translates (messages: errors.fields.*). Schemas may also set one of
 * these as their own message to be more specific.
 */
export const FIELD_ERROR_KEYS = [
  "required",
  "too_long",
  "too_short",
  "invalid_email",
  "invalid_date",
  "invalid_choice",
  "invalid",
  "unknown_account",
  "already_member",
  "last_moderator",
] as const;
export type FieldErrorKey = (typeof FIELD_ERROR_KEYS)[number];

function issueKey(issue: z.core.$ZodIssue): FieldErrorKey {
  if ((FIELD_ERROR_KEYS as readonly string[]).includes(issue.message)) {
    return issue.message as FieldErrorKey;
  }
  switch (issue.code) {
    case "too_small":
      return issue.minimum === 1 && issue.origin === "string" ? "required" : "too_short";
    case "too_big":
      return "too_long";
    case "invalid_format":
      if (issue.format === "email") return "invalid_email";
      if (issue.format === "date") return "invalid_date";
      return "invalid";
    case "invalid_value":
      return "invalid_choice";
    case "invalid_type":
      return issue.input === undefined ? "required" : "invalid";
    default:
      return "invalid";
  }
}

/**
 * Validates input against a domain schema. Failure is a bad_request AppError whose `fields` name
 * every wrong field (dot path) with a message key, so forms and APIs can both say what is wrong.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const name = issue.path.join(".") || "input";
    fields[name] ??= issueKey(issue);
  }
  throw new AppError("bad_request:input", { fields });
}

/** FormData to a plain object; repeated names (checkbox groups) become arrays. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}
