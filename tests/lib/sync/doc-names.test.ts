import { describe, expect, it } from "vitest";
import { isTerminalClose, CLOSE_CODES } from "@/lib/sync/close-codes";
import { formatDocName, parseDocName } from "@/lib/sync/doc-names";

describe("document names", () => {
  const id = "0b6f3c1e-8a2d-4d3b-9f7a-1c2b3d4e5f60";

  it("round-trips boards and chapters", () => {
    expect(parseDocName(formatDocName({ kind: "board", id }))).toEqual({ kind: "board", id });
    expect(parseDocName(`chapter:${id.toUpperCase()}`)).toEqual({ kind: "chapter", id });
    expect(parseDocName(`board-control:${id}`)).toEqual({ kind: "board-control", id });
    const owner = `guest.${id}`;
    expect(parseDocName(formatDocName({ kind: "board-private", id, owner }))).toEqual({
      kind: "board-private",
      id,
      owner,
    });
    expect(parseDocName(`board-private:${id}:USER.${id.toUpperCase()}`)).toEqual({
      kind: "board-private",
      id,
      owner: `user.${id}`,
    });
  });

  it("rejects anything else", () => {
    for (const name of [
      "",
      "board",
      "board:",
      `board:${id}x`,
      `whiteboard:${id}`,
      `board:${id}:extra`,
      "board:../../etc",
      `board-private:${id}`,
      `board-private:${id}:admin.${id}`,
      `board-private:${id}:guest.x`,
      `board-private:${id}:guest.${id}:more`,
      `chapter:${id}:guest.${id}`,
    ]) {
      expect(parseDocName(name), name).toBeNull();
    }
  });

  it("marks only 44xx closes as terminal", () => {
    expect(isTerminalClose(CLOSE_CODES.forbidden)).toBe(true);
    expect(isTerminalClose(CLOSE_CODES.malformed)).toBe(true);
    expect(isTerminalClose(CLOSE_CODES.serviceRestart)).toBe(false);
    expect(isTerminalClose(CLOSE_CODES.messageTooBig)).toBe(false);
  });
});
