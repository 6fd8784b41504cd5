import { AppError } from "@/lib/errors";

/** Revision numbers are Postgres integers: 1 … 2^31 - 1. */
const MAX_REVISION = 2 ** 31 - 1;

/**
 * A revision number from a URL (path segment or query): decimal digits only, within the
 * column's range; else a 400 naming the parameter (never a database error).
 */
export function parseRevisionNumber(value: string | null, name: string): number {
  const number = Number(value);
  if (!value || !/^\d{1,10}$/.test(value) || number < 1 || number > MAX_REVISION)
    throw new AppError("bad_request:input", { fields: { [name]: "invalid_revision" } });
  return number;
}
