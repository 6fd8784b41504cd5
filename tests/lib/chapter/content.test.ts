import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  chapterBlocks,
  chapterJSONOfDoc,
  chapterJSONOfState,
  chapterStateFromJSON,
  commentThreadIds,
  renderChapterHTML,
  renderChapterText,
} from "@/lib/chapter/content";
import { conceptItemsOf } from "@/lib/chapter/concept-item-view";
import { CHAPTER_FRAGMENT } from "@/lib/chapter/extensions";
import type { ConceptContent } from "@/lib/concept/load-concept-content";

const text = (value: string, marks?: JSONContent["marks"]) => ({
  type: "text",
  text: value,
  marks,
});

const chapter: JSONContent = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [text("Sprache <öffnet> Türen")] },
    {
      type: "paragraph",
      content: [
        text("Deichhausen ", [{ type: "bold" }]),
        text("lernt gemeinsam", [{ type: "comment", attrs: { threadId: "thread-1" } }]),
        text("."),
      ],
    },
    { type: "conceptItem", attrs: { kind: "goal", id: "goal-1" } },
    { type: "conceptItem", attrs: { kind: "measure", id: "measure-1" } },
    { type: "conceptItem", attrs: { kind: "measure", id: "measure-2" } },
    { type: "conceptItem", attrs: { kind: "measure", id: "gone" } },
    {
      type: "bulletList",
      content: [
        { type: "listItem", content: [{ type: "paragraph", content: [text("erstens")] }] },
        { type: "listItem", content: [{ type: "paragraph", content: [text("zweitens")] }] },
      ],
    },
  ],
};

function store({ retired = false, title = "Sprachcafé im Hafenviertel" } = {}): ConceptContent {
  const measure = (id: string, number: number, overrides: object) => ({
    id,
    number,
    title,
    description: "",
    steps: [],
    target: "20 Teilnehmende im Monat",
    startYear: null,
    timeframe: "",
    reviewRule: "",
    status: "planned" as const,
    priority: null,
    costNote: "",
    needsBudgetDecision: false,
    sourceWorkshopId: null,
    sourceCardIds: [],
    voteCount: null,
    retired: false,
    indicators: [],
    responsibilities: [
      {
        organisationId: "o1",
        organisationName: "Volkshochschule Deichhausen",
        organisationKind: "other" as const,
        role: "lead" as const,
      },
      {
        organisationId: "o2",
        organisationName: "Caritas",
        organisationKind: "welfare_association" as const,
        role: "partner" as const,
      },
    ],
    ...overrides,
  });
  return {
    concept: {
      id: "c",
      title: "Handlungskonzept",
      type: "action_plan",
      status: "draft",
      missionStatement: "",
      reviewDate: null,
    },
    fields: [
      {
        id: "f",
        number: 3,
        title: "Deutschförderung",
        strategicGoal: "",
        prioritisedUntil: null,
        goals: [
          {
            id: "goal-1",
            number: 2,
            text: "Alle Neuzugewanderten finden einen Sprachkurs.",
            priority: null,
            retired: false,
            measures: [measure("measure-1", 1, {}), measure("measure-2", 2, { retired })],
          },
        ],
      },
    ],
  };
}

describe("chapter content", () => {
  it("round-trips ProseMirror JSON through the Yjs fragment 'default'", () => {
    const state = chapterStateFromJSON(chapter);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    expect(doc.getXmlFragment(CHAPTER_FRAGMENT).length).toBe(chapter.content!.length);
    const live = chapterJSONOfDoc(doc);
    expect(commentThreadIds(live)).toEqual(new Set(["thread-1"]));
    const stripped = chapterJSONOfState(state);
    expect(commentThreadIds(stripped).size).toBe(0);
    expect(JSON.stringify(stripped)).not.toContain("comment");
    expect(JSON.stringify(stripped)).toContain("lernt gemeinsam");
  });

  it("refuses content outside the schema", () => {
    expect(() => chapterStateFromJSON({ type: "doc", content: [{ type: "iframe" }] })).toThrow();
  });

  it("renders embedded items from the store: numbers, text, responsibilities, target, status", () => {
    const items = conceptItemsOf(store());
    const html = renderChapterHTML({ json: chapter, items });
    expect(html).toContain("<h2>Sprache &lt;öffnet&gt; Türen</h2>");
    expect(html).toContain("Ziel 3.2: Alle Neuzugewanderten finden einen Sprachkurs.");
    expect(html).toContain("Maßnahme 3.2.1: Sprachcafé im Hafenviertel");
    expect(html).toContain(
      "Zuständig: Volkshochschule Deichhausen (Federführend), Caritas (Kooperationspartner)",
    );
    expect(html).toContain("Zielwert: 20 Teilnehmende im Monat");
    expect(html).toContain("Stand: Geplant");
    expect(html).toContain('data-id="gone" data-missing=""');
    expect(html).not.toContain("thread-1");
    expect(html).not.toContain("nicht mehr verfolgt");
  });

  it("shows a retired item as retired and follows the store it is given", () => {
    const before = renderChapterText({ json: chapter, items: conceptItemsOf(store()) });
    const after = renderChapterText({
      json: chapter,
      items: conceptItemsOf(store({ retired: true, title: "Sprachtreff" })),
    });
    expect(before).toContain("Maßnahme 3.2.2: Sprachcafé im Hafenviertel\n");
    expect(after).toContain("Maßnahme 3.2.2: Sprachtreff (nicht mehr verfolgt)");
    expect(
      renderChapterHTML({ json: chapter, items: conceptItemsOf(store({ retired: true })) }),
    ).toContain('data-id="measure-2" data-retired=""');
  });

  it("splits the text into paragraph blocks", () => {
    const blocks = chapterBlocks({ json: chapter, items: conceptItemsOf(undefined) });
    expect(blocks[0]).toBe("Sprache <öffnet> Türen");
    expect(blocks[1]).toBe("Deichhausen lernt gemeinsam.");
    expect(blocks.slice(-2)).toEqual(["• erstens", "• zweitens"]);
    expect(blocks).toContain("Maßnahme nicht gefunden");
  });
});
