import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/callback-url";

const base = "https://konzept.stadt.example";

describe("sign-in callback URL", () => {
  it("keeps paths on this site", () => {
    expect(safeCallbackPath("/board/123?view=projector#lane", base)).toBe(
      "/board/123?view=projector#lane",
    );
    expect(safeCallbackPath(`${base}/concepts/1`, base)).toBe("/concepts/1");
    expect(safeCallbackPath(undefined, base)).toBe("/");
  });

  it("never leads to another origin", () => {
    for (const url of [
      "/\\evil.example",
      "//evil.example",
      "///evil.example",
      "/\\/evil.example",
      "https://evil.example",
      "https://konzept.stadt.example.evil.example/",
      "http://konzept.stadt.example/",
      "javascript:alert(1)",
      "/\t/evil.example",
      "evil.example",
      "\\\\evil.example",
    ]) {
      expect(safeCallbackPath(url, base), url).toBe("/");
    }
  });
});
