import { describe, expect, it } from "vitest";
import { parseRevisionNumber } from "@/lib/revision/revision-number";
import { codeOf } from "../../support/app-error";

describe("revision numbers from URLs", () => {
  it("reads decimal numbers within the database column's range", () => {
    expect(parseRevisionNumber("1", "n")).toBe(1);
    expect(parseRevisionNumber("2147483647", "n")).toBe(2 ** 31 - 1);
  });

  it("refuses everything else with a 400, never a database error", () => {
    for (const value of [
      null,
      "",
      "0",
      "-1",
      "2147483648",
      "99999999999",
      "1e3",
      "0x10",
      "1.0",
      " 1",
      "abc",
    ]) {
      expect(
        codeOf(() => parseRevisionNumber(value, "n")),
        String(value),
      ).toBe("bad_request:input");
    }
  });
});
