import { describe, expect, it } from "vitest";
import de from "@/messages/de.json";
import en from "@/messages/en.json";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("translations", () => {
  it("have the same keys in German and English", () => {
    expect(keys(en).sort()).toEqual(keys(de).sort());
  });

  it("have no empty strings", () => {
    const empty = (obj: unknown) =>
      keys(obj).filter(
        (k) =>
          k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], obj) === "",
      );
    expect(empty(de)).toEqual([]);
    expect(empty(en)).toEqual([]);
  });
});
