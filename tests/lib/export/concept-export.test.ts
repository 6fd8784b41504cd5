import type { JSONContent } from "@tiptap/core";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { chapters } from "@/lib/db/schema";
import { seedDemo } from "@/lib/demo/seed-demo";
import { renderDocx } from "@/lib/export/docx";
import { loadExportModel } from "@/lib/export/load-export-model";
import { renderMarkdown } from "@/lib/export/markdown";
import { buildExportModel, type ExportModel } from "@/lib/export/model";
import { renderConceptPdf } from "@/lib/export/pdf";
import { changeDoc } from "@/lib/sync/server-edits";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import { chapterSchema } from "@/lib/chapter/content";
import { CHAPTER_FRAGMENT } from "@/lib/chapter/extensions";
import { chapterDocName } from "@/lib/chapter/freeze-version";
import {
  docxParagraphs,
  docxParts,
  libreOfficeText,
  pdfOutline,
  pdfText,
} from "../../support/export-files";
import { openTestDatabase } from "../../support/test-database";

const SEEDED_AT = new Date("2026-12-01T12:00:00Z");
const EXPORTED_AT = new Date("2026-12-02T08:00:00Z");

const FIELD_TITLES = [
  "1 Migrations- und Teilhabemanagement",
  "2 Ankommen erleichtern – Willkommenskultur",
  "3 Deutschförderung",
  "4 Bildung von Anfang an",
  "5 Ausbildung und Arbeit",
  "6 Gesundheit",
  "7 Wohnen",
  "8 Gesellschaftlicher Zusammenhalt",
  "9 Migrationsgesellschaftliche Öffnung und Antidiskriminierung",
];
const INTRO_TITLES = ["Leitbild", "Ausgangslage und Zahlen", "Prozess"];

describe("concept export of the demo", () => {
  let handle: DatabaseHandle;
  let conceptId: string;
  let final: ExportModel;
  let draft: ExportModel;

  beforeAll(async () => {
    handle = await openTestDatabase();
    ({ conceptId } = await seedDemo({ db: handle.db, now: SEEDED_AT }));
    const load = (d: boolean) =>
      loadExportModel({ db: handle.db, conceptId, draft: d, revision: null, now: EXPORTED_AT });
    [final, draft] = await Promise.all([load(false), load(true)]);
  }, 120_000);
  afterAll(async () => {
    await handle?.close();
  });

  it("takes final versions only and names the chapters that have none", () => {
    expect(final.chapters.map((c) => c.title)).toEqual(FIELD_TITLES);
    expect(final.chapters.map((c) => c.source)).toEqual(
      FIELD_TITLES.map((t) => (t.startsWith("3 ") ? "final" : "missing")),
    );
    expect(final.missing).toEqual([
      ...INTRO_TITLES,
      ...FIELD_TITLES.filter((t) => !t.startsWith("3 ")),
    ]);
    expect(draft.chapters.map((c) => c.title)).toEqual([...INTRO_TITLES, ...FIELD_TITLES]);
    expect(draft.missing).toEqual([]);
    expect(final).toMatchObject({
      title: "Handlungskonzept Migration und Teilhabe der Stadt Deichhausen",
      town: "Stadt Deichhausen",
      typeAndEdition: "Handlungskonzept, 1. Fassung",
      status: "Entwurf",
      date: "2026-12-02",
      dateLabel: "2. Dezember 2026",
      revision: 1,
      draft: false,
    });
  });

  it("writes the demo's Markdown as recorded", async () => {
    await expect(renderMarkdown(final)).toMatchFileSnapshot("__snapshots__/demo-final.md");
    await expect(renderMarkdown(draft)).toMatchFileSnapshot("__snapshots__/demo-draft.md");
    expect(renderMarkdown(draft).split("\n")[0]).toBe(
      "> **ENTWURF** – nicht beschlossene Fassung, Stand 2. Dezember 2026",
    );
    expect(renderMarkdown(final)).not.toContain("ENTWURF");
  });

  it("writes a DOCX with heading styles, goal and measure numbers, TOC and page numbers", async () => {
    const parts = docxParts(await renderDocx(draft));
    const document = parts["word/document.xml"]!;
    const paragraphs = docxParagraphs(document);
    expect(paragraphs.filter((p) => p.style === "Heading1").map((p) => p.text)).toEqual([
      ...INTRO_TITLES,
      ...FIELD_TITLES,
    ]);
    expect(paragraphs.filter((p) => p.style === "Title").map((p) => p.text)).toEqual([draft.title]);
    // Chapter sections keep their levels; every field has its table heading.
    expect(paragraphs.filter((p) => p.style === "Heading2").map((p) => p.text)).toContain(
      "Strategisches Ziel",
    );
    expect(
      paragraphs.filter((p) => p.style === "Heading2" && p.text === "Ziele und Maßnahmen"),
    ).toHaveLength(9);
    expect(paragraphs.filter((p) => p.style === "Heading3").map((p) => p.text)).toContain(
      "Handlungsziel 3.1",
    );
    const texts = paragraphs.map((p) => p.text);
    expect(texts).toContain(
      "Ziel 3.1: Das Angebot an Integrations- und Sprachkursen ist transparent und deckt den Bedarf ohne lange Wartezeiten.",
    );
    expect(texts).toContain("3.1.1");
    expect(texts).toContain("Zentrale Sprachkursübersicht mit Platzbörse");
    expect(texts).toContain("Volkshochschule Deichhausen (Federführend)");
    expect(texts).toContain("Jobcenter Deichhausen (Kooperationspartner)");
    // Embedded measure in the chapter text, with its responsibilities.
    expect(texts).toContain("Maßnahme 3.1.1: Zentrale Sprachkursübersicht mit Platzbörse");
    expect(
      texts.some((t) => t.startsWith("Zuständig: Volkshochschule Deichhausen (Federführend)")),
    ).toBe(true);
    // Order: goal 2.4's measures come after its goal row, fields in number order.
    const index = (text: string) => texts.indexOf(text);
    expect(index("2.1.1")).toBeGreaterThan(index("2.1"));
    expect(index("3.1.1")).toBeGreaterThan(index("2.1.1"));
    // TOC field (filled in advance, updated on opening), page number fields in the footer.
    expect(document).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-1&quot;/);
    expect(parts["word/settings.xml"]).toMatch(/<w:updateFields(?: w:val="true")?\/>/);
    const footers = Object.entries(parts).filter(([name]) => /^word\/footer\d*\.xml$/.test(name));
    expect(footers.map(([, xml]) => xml).join("")).toMatch(/<w:instrText[^>]*>\s*PAGE\s*</);
    // Tables: fixed layout, widths in DXA, header row repeated on each page.
    expect(document).toContain('<w:tblLayout w:type="fixed"/>');
    expect(document).toMatch(/<w:tcW w:type="dxa" w:w="2472"\/>|<w:tcW w:w="2472" w:type="dxa"\/>/);
    expect(document).toContain("<w:tblHeader/>");
    // Heading styles are real styles, defined in styles.xml.
    expect(parts["word/styles.xml"]).toMatch(/w:styleId="Heading1"/);
  });

  it("marks a draft DOCX ENTWURF in the header and as a watermark, a final one nowhere", async () => {
    const draftParts = docxParts(await renderDocx(draft));
    const headers = Object.entries(draftParts)
      .filter(([name]) => /^word\/header\d*\.xml$/.test(name))
      .map(([, xml]) => xml);
    expect(headers.join("")).toMatch(/<w:t[^>]*>ENTWURF<\/w:t>/);
    expect(headers.join("")).toMatch(/<v:textpath[^>]*string="ENTWURF"/);
    const finalParts = docxParts(await renderDocx(final));
    expect(Object.values(finalParts).join("")).not.toContain("ENTWURF");
    expect(docxParagraphs(finalParts["word/document.xml"]!).map((p) => p.text)).toContain(
      "Für dieses Kapitel liegt noch keine finale Fassung vor.",
    );
  });

  it("writes a PDF with the same content, bookmarks, page numbers and the draft watermark", async () => {
    const bytes = await renderConceptPdf(draft);
    const text = await pdfText(bytes);
    for (const title of [...INTRO_TITLES, ...FIELD_TITLES]) expect(text).toContain(title);
    expect(text).toContain("Maßnahme 3.1.1: Zentrale Sprachkursübersicht mit Platzbörse");
    expect(text).toContain("Volkshochschule Deichhausen (Federführend)");
    expect(text).toMatch(/Ziel: Das Angebot an Integrations- und Sprachkursen/);
    expect(text).toMatch(/Seite 1 von \d+/);
    expect(text).toContain("ENTWURF");
    const outline = await pdfOutline(bytes);
    expect(outline.map((e) => e.title)).toEqual([...INTRO_TITLES, ...FIELD_TITLES]);
    expect(outline[5]!.items.map((e) => e.title)).toEqual([
      "Ausgangslage",
      "Strategisches Ziel",
      "Ziele und Maßnahmen",
    ]);
    const finalText = await pdfText(await renderConceptPdf(final));
    expect(finalText).not.toContain("ENTWURF");
    expect(finalText).toContain("Inhalt");
  });

  it("converts in LibreOffice headless, with the chapter headings in the text", async () => {
    const text = await libreOfficeText(await renderDocx(draft));
    for (const title of [...INTRO_TITLES, ...FIELD_TITLES]) expect(text).toContain(title);
    expect(text).toContain("Zentrale Sprachkursübersicht mit Platzbörse");
  }, 120_000);

  it("exports a past revision as the store was then, and a draft as the chapter is now", async () => {
    const [chapter] = await handle.db
      .select({ id: chapters.id })
      .from(chapters)
      .where(eq(chapters.title, "Leitbild"));
    const json: JSONContent = {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "Neu geschrieben." }] }],
    };
    await changeDoc({
      db: handle.db,
      docName: chapterDocName(chapter!.id),
      change: (doc) =>
        prosemirrorJSONToYXmlFragment(chapterSchema(), json, doc.getXmlFragment(CHAPTER_FRAGMENT)),
    });
    const now = await loadExportModel({
      db: handle.db,
      conceptId,
      draft: true,
      revision: 1,
      now: EXPORTED_AT,
    });
    expect(now.chapters[0]!.blocks).toEqual([
      { kind: "paragraph", inlines: [{ text: "Neu geschrieben." }] },
    ]);
    await expect(
      loadExportModel({ db: handle.db, conceptId, draft: false, revision: 99, now: EXPORTED_AT }),
    ).rejects.toMatchObject({ code: "not_found:revision" });
  });
});

describe("rich text in all three formats", () => {
  const text = (value: string, marks?: JSONContent["marks"]): JSONContent => ({
    type: "text",
    text: value,
    ...(marks ? { marks } : {}),
  });
  const p = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
  const chapter: JSONContent = {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2 }, content: [text("Abschnitt *eins*")] },
      p(
        text("fett", [{ type: "bold" }]),
        text(" und "),
        text("kursiv", [{ type: "italic" }, { type: "comment", attrs: { threadId: "t-1" } }]),
        text(" mit "),
        text("Link", [{ type: "link", attrs: { href: "https://www.deichhausen.example/a b" } }]),
        text(" und "),
        text("Trick", [{ type: "link", attrs: { href: "javascript:alert(1)" } }]),
      ),
      {
        type: "orderedList",
        attrs: { start: 3 },
        content: [
          { type: "listItem", content: [p(text("drittens"))] },
          {
            type: "listItem",
            content: [
              p(text("viertens")),
              { type: "bulletList", content: [{ type: "listItem", content: [p(text("innen"))] }] },
            ],
          },
        ],
      },
      { type: "blockquote", content: [p(text("Zitat aus dem Rat"))] },
      {
        type: "table",
        content: [
          {
            type: "tableRow",
            content: [
              { type: "tableHeader", content: [p(text("Jahr"))] },
              { type: "tableHeader", content: [p(text("Anteil | Prozent"))] },
            ],
          },
          {
            type: "tableRow",
            content: [
              { type: "tableCell", content: [p(text("2024"))] },
              { type: "tableCell", content: [p(text("26 %"))] },
            ],
          },
        ],
      },
      { type: "conceptItem", attrs: { kind: "measure", id: "m-1" } },
      { type: "conceptItem", attrs: { kind: "goal", id: "gone" } },
    ],
  };
  const model = buildExportModel({
    content: {
      concept: {
        id: "c-1",
        title: "Integrationskonzept Musterstadt",
        type: "integration_concept",
        status: "adopted",
        missionStatement: "",
        reviewDate: null,
      },
      fields: [
        {
          id: "f-1",
          number: 2,
          title: "Sprache",
          strategicGoal: "Alle lernen Deutsch.",
          prioritisedUntil: null,
          goals: [
            {
              id: "g-1",
              number: 4,
              text: "Kurse ohne Wartezeit",
              priority: null,
              retired: false,
              measures: [
                {
                  id: "m-1",
                  number: 1,
                  title: "Kursbörse",
                  description: "",
                  steps: [],
                  target: "8 Wochen",
                  startYear: null,
                  timeframe: "2026",
                  reviewRule: "",
                  status: "planned",
                  priority: "A",
                  costNote: "",
                  needsBudgetDecision: false,
                  sourceWorkshopId: null,
                  sourceCardIds: [],
                  voteCount: null,
                  retired: false,
                  responsibilities: [
                    {
                      organisationId: "o-1",
                      organisationName: "VHS",
                      organisationKind: "other",
                      role: "lead",
                    },
                  ],
                  indicators: [],
                },
              ],
            },
          ],
        },
      ],
    },
    town: null,
    edition: 2,
    chapters: [{ kind: "field", title: "Sprache", fieldId: "f-1", json: chapter }],
    draft: false,
    revision: 7,
    now: EXPORTED_AT,
  });

  it("keeps headings, marks, safe links, lists, quotes, tables and embedded items", () => {
    expect(model.typeAndEdition).toBe("Integrationskonzept, 2. Fassung (Fortschreibung)");
    const md = renderMarkdown(model);
    expect(md).toContain("### Abschnitt \\*eins\\*");
    expect(md).toContain(
      "**fett** und *kursiv* mit [Link](<https://www.deichhausen.example/a b>) und Trick",
    );
    expect(md).toContain("3. drittens\n4. viertens\n   - innen");
    expect(md).toContain("> Zitat aus dem Rat");
    expect(md).toContain("| Jahr | Anteil \\| Prozent |\n| --- | --- |\n| 2024 | 26 % |");
    expect(md).toContain("**Maßnahme 2.4.1: Kursbörse**\n\n- Zuständig: VHS (Federführend)");
    expect(md).toContain("**Ziel nicht gefunden**");
    expect(md).toContain(
      "| 2.4.1 | Kursbörse | VHS (Federführend) | 8 Wochen | 2026 | Priorität A | Geplant |",
    );
    expect(md).not.toContain("javascript");
    expect(md).not.toContain("t-1");
  });

  it("carries the same into DOCX and PDF", async () => {
    const parts = docxParts(await renderDocx(model));
    const document = parts["word/document.xml"]!;
    expect(document).toMatch(/<w:hyperlink[^>]*r:id="[\w-]+"/);
    expect(parts["word/_rels/document.xml.rels"]).toContain("https://www.deichhausen.example/a b");
    expect(Object.values(parts).join("")).not.toContain("javascript");
    const texts = docxParagraphs(document).map((p) => p.text);
    for (const t of [
      "drittens",
      "innen",
      "Zitat aus dem Rat",
      "Anteil | Prozent",
      "Maßnahme 2.4.1: Kursbörse",
      "Ziel nicht gefunden",
    ])
      expect(texts).toContain(t);
    const pdf = await pdfText(await renderConceptPdf(model));
    for (const t of [
      "Abschnitt *eins*",
      "drittens",
      "innen",
      "Zitat aus dem Rat",
      "Anteil | Prozent",
      "Maßnahme 2.4.1: Kursbörse",
      "VHS (Federführend)",
    ])
      expect(pdf).toContain(t);
  });
});
