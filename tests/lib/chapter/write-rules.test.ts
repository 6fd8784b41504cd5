import type { JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { WriteRejected } from "@/lib/board/write-rules";
import { chapterDocFromJSON, chapterSchema } from "@/lib/chapter/content";
import { CHAPTER_FRAGMENT } from "@/lib/chapter/fragment";
import { CHAPTER_MARKS, CHAPTER_NODES, checkChapterWrite } from "@/lib/chapter/write-rules";

const THREAD = "5b0f3c1e-8a4d-4f0e-9c61-2d7a9b3e4f10";
const MEASURE = "0c7e2f4a-1b3d-4e5f-8a9b-6c7d8e9f0a1b";

/** Every feature of the editor once: what a real client writes must pass. */
const everything: JSONContent = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Leitbild" }] },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Fett", marks: [{ type: "bold" }, { type: "italic" }] },
        { type: "text", text: " und " },
        {
          type: "text",
          text: "verlinkt",
          marks: [{ type: "link", attrs: { href: "https://deichhausen.example" } }],
        },
        { type: "hardBreak" },
        {
          type: "text",
          text: "kommentiert",
          marks: [
            { type: "comment", attrs: { threadId: THREAD } },
            { type: "underline" },
            { type: "strike" },
          ],
        },
      ],
    },
    {
      type: "blockquote",
      content: [{ type: "paragraph", content: [{ type: "text", text: "Zitat" }] }],
    },
    { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph" }] }] },
    {
      type: "orderedList",
      attrs: { start: 3 },
      content: [{ type: "listItem", content: [{ type: "paragraph" }] }],
    },
    { type: "horizontalRule" },
    {
      type: "table",
      content: [
        { type: "tableRow", content: [{ type: "tableHeader", content: [{ type: "paragraph" }] }] },
        {
          type: "tableRow",
          content: [
            {
              type: "tableCell",
              attrs: { colspan: 1, colwidth: [120] },
              content: [{ type: "paragraph" }],
            },
          ],
        },
      ],
    },
    { type: "conceptItem", attrs: { kind: "measure", id: MEASURE } },
  ],
};

/** The broken rule when `change` is written to a chapter holding `start`, or null if accepted. */
function verdict(change: (fragment: Y.XmlFragment) => void, start?: JSONContent): string | null {
  const server = start ? chapterDocFromJSON(start) : new Y.Doc();
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(client);
  client.transact(() => change(client.getXmlFragment(CHAPTER_FRAGMENT)));
  let broken: string | null = null;
  server.on("afterTransaction", (tr: Y.Transaction) => {
    if (tr.origin !== "client") return;
    try {
      checkChapterWrite(tr);
    } catch (error) {
      if (!(error instanceof WriteRejected)) throw error;
      broken = error.message;
    }
  });
  Y.applyUpdate(server, Y.encodeStateAsUpdate(client, before), "client");
  return broken;
}

const element = (name: string, attrs: Record<string, unknown> = {}) => {
  const el = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value as string);
  return el;
};

describe("chapter write rules", () => {
  it("name exactly the elements, marks and attributes of the editor schema", () => {
    const schema = chapterSchema();
    const nodes = Object.fromEntries(
      Object.entries(schema.nodes)
        .filter(([name]) => name !== "doc" && name !== "text")
        .map(([name, type]) => [name, Object.keys(type.spec.attrs ?? {}).sort()]),
    );
    const marks = Object.fromEntries(
      Object.entries(schema.marks).map(([name, type]) => [
        name,
        Object.keys(type.spec.attrs ?? {}).sort(),
      ]),
    );
    const keys = (rules: Record<string, Record<string, unknown>>) =>
      Object.fromEntries(
        Object.entries(rules).map(([name, attrs]) => [name, Object.keys(attrs).sort()]),
      );
    expect(keys(CHAPTER_NODES)).toEqual(nodes);
    expect(keys(CHAPTER_MARKS)).toEqual(marks);
  });

  it("accept everything the editor writes, and edits of it", () => {
    expect(
      verdict((f) => prosemirrorJSONToYXmlFragment(chapterSchema(), everything, f)),
    ).toBeNull();
    expect(
      verdict((f) => {
        const text = (f.get(1) as Y.XmlElement).get(0) as Y.XmlText;
        text.insert(0, "Sehr ", { bold: {} });
        text.format(0, 4, { bold: null });
        f.delete(2, 1);
      }, everything),
    ).toBeNull();
  });

  it("drop unknown elements, attributes and values, and javascript: links", () => {
    expect(verdict((f) => f.insert(0, [element("script")]))).toBe("unknown_element");
    expect(verdict((f) => f.insert(0, [element("constructor")]))).toBe("unknown_element");
    expect(verdict((f) => f.insert(0, [element("paragraph", { onclick: "alert(1)" })]))).toBe(
      "unknown_attribute",
    );
    expect(
      verdict((f) => f.insert(0, [element("conceptItem", { kind: "task", id: MEASURE })])),
    ).toBe("invalid_attribute");
    expect(
      verdict((f) => f.insert(0, [element("conceptItem", { kind: "goal", id: "1 OR 1=1" })])),
    ).toBe("invalid_attribute");
    expect(verdict((f) => f.insert(0, [element("heading", { level: "<h1>" })]))).toBe(
      "invalid_attribute",
    );
    const link = (attrs: Record<string, unknown>) => (f: Y.XmlFragment) => {
      const text = new Y.XmlText();
      text.insert(0, "klick", { link: attrs });
      f.insert(0, [element("paragraph")]);
      (f.get(0) as Y.XmlElement).insert(0, [text]);
    };
    expect(verdict(link({ href: "javascript:alert(1)" }))).toBe("invalid_mark_attribute");
    expect(verdict(link({ href: "https://ok.example", onmouseover: "x" }))).toBe(
      "unknown_mark_attribute",
    );
    expect(verdict(link({ href: "mailto:rat@deichhausen.example" }))).toBeNull();
    const mark = (key: string, value: unknown) => (f: Y.XmlFragment) => {
      const text = new Y.XmlText();
      text.insert(0, "Text", { [key]: value });
      f.insert(0, [text]);
    };
    expect(verdict(mark("code", {}))).toBe("unknown_mark");
    expect(verdict(mark("comment--abc", { threadId: THREAD, author: "x" }))).toBe(
      "unknown_mark_attribute",
    );
    expect(verdict(mark("comment--abc", { threadId: "nope" }))).toBe("invalid_mark_attribute");
    expect(verdict(mark("comment--abc", { threadId: THREAD }))).toBeNull();
    expect(verdict((f) => f.insert(0, [new Y.XmlText()]))).toBeNull();
    expect(
      verdict((f) => {
        const text = new Y.XmlText();
        text.insertEmbed(0, { image: "x" });
        f.insert(0, [text]);
      }),
    ).toBe("invalid_text");
  });
});
