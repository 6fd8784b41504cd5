import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { anchorInVersion, applyCommentMark, commentAttributeName } from "@/lib/chapter/anchor";
import { chapterJSONOfDoc, chapterStateFromJSON } from "@/lib/chapter/content";
import { CHAPTER_FRAGMENT } from "@/lib/chapter/extensions";

const paragraph = (text: string): JSONContent => ({
  type: "paragraph",
  content: [{ type: "text", text }],
});

/** The texts carrying the comment mark of `threadId`, joined per paragraph. */
function marked(doc: Y.Doc, threadId: string): string[] {
  const out: string[] = [];
  for (const block of chapterJSONOfDoc(doc).content ?? []) {
    const text = (block.content ?? [])
      .filter((n) => n.marks?.some((m) => m.type === "comment" && m.attrs?.threadId === threadId))
      .map((n) => n.text)
      .join("");
    if (text) out.push(text);
  }
  return out;
}

function live(state: Uint8Array) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

describe("server-set comment anchors", () => {
  const json: JSONContent = {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Sprache" }] },
      paragraph("Das Sprachcafé trifft sich jeden Dienstag."),
      paragraph("Ehrenamtliche begleiten die Gruppen."),
    ],
  };
  // Positions: heading 0..9 ("Sprache" 1..8), paragraph 1 opens at 9, its text starts at 10.
  const from = 10 + "Das ".length;
  const to = from + "Sprachcafé".length;

  it("encodes the mark under the attribute key y-tiptap itself uses", () => {
    const state = chapterStateFromJSON({
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "x", marks: [{ type: "comment", attrs: { threadId: "t-9" } }] },
          ],
        },
      ],
    });
    const text = (live(state).getXmlFragment(CHAPTER_FRAGMENT).get(0) as Y.XmlElement).get(
      0,
    ) as Y.XmlText;
    expect(Object.keys(text.toDelta()[0].attributes)).toEqual([commentAttributeName("t-9")]);
  });

  it("marks the quoted text of the version in the live document, through concurrent edits", () => {
    const state = chapterStateFromJSON(json);
    const anchor = anchorInVersion({ state, from, to });
    expect(anchor?.quote).toBe("Sprachcafé");

    // Meanwhile the live document changed: text before, inside and right after the range.
    const doc = live(state);
    const text = (doc.getXmlFragment(CHAPTER_FRAGMENT).get(1) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(0, "Seit 2023: ");
    text.insert("Seit 2023: Das Sprach".length, "-");
    text.insert("Seit 2023: Das Sprach-café".length, " im Hafen");
    doc.getXmlFragment(CHAPTER_FRAGMENT).insert(0, [new Y.XmlElement("paragraph")]);

    expect(applyCommentMark({ doc, anchor: anchor!, threadId: "t-1" })).toBe(true);
    expect(marked(doc, "t-1")).toEqual(["Sprach-café"]);
    expect(
      chapterJSONOfDoc(doc)
        .content?.[2]?.content?.map((n) => n.text)
        .join(""),
    ).toBe("Seit 2023: Das Sprach-café im Hafen trifft sich jeden Dienstag.");
  });

  it("spans paragraphs and keeps other threads' marks", () => {
    const state = chapterStateFromJSON(json);
    const doc = live(state);
    const second =
      from + "Sprachcafé trifft sich jeden Dienstag.".length + 2 + "Ehrenamtliche".length;
    const wide = anchorInVersion({ state, from, to: second })!;
    const narrow = anchorInVersion({ state, from, to })!;
    expect(wide.quote).toBe("Sprachcafé trifft sich jeden Dienstag. Ehrenamtliche");
    applyCommentMark({ doc, anchor: narrow, threadId: "a" });
    applyCommentMark({ doc, anchor: wide, threadId: "b" });
    expect(marked(doc, "a")).toEqual(["Sprachcafé"]);
    expect(marked(doc, "b")).toEqual(["Sprachcafé trifft sich jeden Dienstag.", "Ehrenamtliche"]);
  });

  it("moves block-boundary ends into text and reports deleted text", () => {
    const state = chapterStateFromJSON(json);
    const anchor = anchorInVersion({
      state,
      from: 9,
      to: 11 + "Das Sprachcafé trifft sich jeden Dienstag.".length,
    })!;
    expect(anchor.quote).toBe("Das Sprachcafé trifft sich jeden Dienstag.");
    const doc = live(state);
    doc.getXmlFragment(CHAPTER_FRAGMENT).delete(1, 1);
    expect(applyCommentMark({ doc, anchor, threadId: "gone" })).toBe(false);
    expect(marked(doc, "gone")).toEqual([]);
    expect(() => anchorInVersion({ state, from: 0, to: 10_000 })).toThrow(RangeError);
  });
});
