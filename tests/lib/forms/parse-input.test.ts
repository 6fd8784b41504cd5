import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { numberInput, parseInput } from "@/lib/forms/parse-input";
import { inviteSchema } from "@/lib/workshop/invites";

function fieldsOf(schema: z.ZodType, input: unknown): Record<string, string> | undefined {
  try {
    parseInput(schema, input);
  } catch (error) {
    if (error instanceof AppError) return error.fields;
    throw error;
  }
  return undefined;
}

describe("field errors", () => {
  const schema = z.object({
    title: z.string().min(1),
    count: z.number(),
    tags: z.array(z.string()),
  });

  it("tells a wrong choice from a choice of the wrong type", () => {
    const kind = z.object({ kind: z.enum(["idea", "goal"]) });
    expect(fieldsOf(kind, {})).toEqual({ kind: "required" });
    expect(fieldsOf(kind, { kind: "wish" })).toEqual({ kind: "invalid_choice" });
    expect(fieldsOf(kind, { kind: 3 })).toEqual({ kind: "invalid_type" });
    expect(fieldsOf(kind, { kind: ["idea"] })).toEqual({ kind: "invalid_type" });
  });

  it("calls a missing value required and a value of the wrong type invalid_type", () => {
    expect(fieldsOf(schema, {})).toEqual({
      title: "required",
      count: "required",
      tags: "required",
    });
    expect(fieldsOf(schema, { title: 7, count: "7", tags: "a" })).toEqual({
      title: "invalid_type",
      count: "invalid_type",
      tags: "invalid_type",
    });
    expect(fieldsOf(schema, { title: "", count: null, tags: [1] })).toEqual({
      title: "required",
      count: "invalid_type",
      "tags.0": "invalid_type",
    });
    expect(fieldsOf(schema, "not an object")).toEqual({ input: "invalid_type" });
  });
});

describe("numbers from JSON and forms", () => {
  const hours = z.object({ hours: numberInput(z.number().int().min(1).max(720).default(24)) });

  it("reads numbers and decimal strings, and leaves an empty field to the default", () => {
    expect(parseInput(hours, { hours: 5 })).toEqual({ hours: 5 });
    expect(parseInput(hours, { hours: " 12 " })).toEqual({ hours: 12 });
    expect(parseInput(hours, { hours: "" })).toEqual({ hours: 24 });
    expect(parseInput(hours, {})).toEqual({ hours: 24 });
  });

  it("refuses booleans, null, arrays and words instead of coercing them", () => {
    for (const value of [true, false, null, [3], "drei", "0x10", "1e3", {}]) {
      expect(fieldsOf(hours, { hours: value }), JSON.stringify(value)).toEqual({
        hours: "invalid_type",
      });
    }
    expect(fieldsOf(hours, { hours: 2.5 })).toEqual({ hours: "invalid_type" });
    expect(fieldsOf(hours, { hours: 0 })).toEqual({ hours: "too_short" });
  });

  it("refuses expiresInHours: true for an invite", () => {
    expect(fieldsOf(inviteSchema, { role: "participant", expiresInHours: true })).toEqual({
      expiresInHours: "invalid_type",
    });
    expect(parseInput(inviteSchema, { role: "participant", expiresInHours: "48" })).toEqual({
      role: "participant",
      expiresInHours: 48,
    });
  });
});
