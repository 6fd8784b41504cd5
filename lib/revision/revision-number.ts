import { AppError } from "@/lib/errors";

/** A revision number from a URL (path segment or query), or a 400 naming the parameter. */
export function parseRevisionNumber(value: string | null, name: string): number {
  const number = Number(value);
  if (!value || !Number.isInteger(number) || number < 1)
    throw new AppError("bad_request:input", { fields: { [name]: "invalid_revision" } });
  return number;
}
