import { z } from "zod";
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
  "invalid_type",
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
      // A number where one of some words was expected is of the wrong type, not a wrong word.
      if (issue.input === undefined) return "required";
      return issue.values.some((value) => typeof value === typeof issue.input)
        ? "invalid_choice"
        : "invalid_type";
    case "invalid_type":
      // A missing value is "required"; a value of the wrong type (a number for a text, true for
      // a number) is "invalid_type". Needs the input in the issue (reportInput below).
      return issue.input === undefined ? "required" : "invalid_type";
    default:
      return "invalid";
  }
}

/**
 * Validates input against a domain schema. Failure is a bad_request AppError whose `fields` name
 * every wrong field (dot path) with a message key, so forms and APIs can both say what is wrong.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const name = issue.path.join(".") || "input";
    fields[name] ??= issueKey(issue);
  }
  throw new AppError("bad_request:input", { fields });
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/**
 * A number from JSON (a number) or from a form (a decimal string; an empty one counts as left
 * out). Unlike z.coerce.number() it refuses booleans, null, arrays and other strings
 * (`invalid_type`), so `true` is never read as 1. Wrap the number schema with its bounds:
 * `numberInput(z.number().int().min(1).default(24))`.
 */
export function numberInput<S extends z.ZodType>(schema: S) {
  return z.preprocess((value) => {
    if (typeof value !== "string") return value;
    const text = value.trim();
    if (text === "") return undefined;
    return DECIMAL.test(text) ? Number(text) : value;
  }, schema);
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
