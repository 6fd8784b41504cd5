/** The benchmark chapter, shared by bench/chapter.ts and bench/chapter-browser.ts. */
import type { JSONContent } from "@tiptap/core";

export const WORDS_PER_PARAGRAPH = 40;

const VOCABULARY =
  "Integration Teilhabe Sprache Kita Schule Ausbildung Arbeit Wohnen Gesundheit Nachbarschaft Verwaltung Beratung Ehrenamt Migrantenorganisation Jobcenter Stadtteil Familien Angebote Zugang gemeinsam verlässlich mehrsprachig".split(
    " ",
  );

/**
 * A chapter of about `words` words in paragraphs of 40 (with a heading every 20 paragraphs) and
 * the given measures embedded evenly. `changed` paragraphs (by index) get one word replaced.
 */
export function buildBenchChapter({
  words,
  measureIds,
  changed = new Set<number>(),
}: {
  words: number;
  measureIds: string[];
  changed?: ReadonlySet<number>;
}): JSONContent {
  const paragraphs = Math.ceil(words / WORDS_PER_PARAGRAPH);
  const every = Math.max(1, Math.floor(paragraphs / Math.max(1, measureIds.length)));
  const content: JSONContent[] = [];
  for (let i = 0; i < paragraphs; i++) {
    if (i % 20 === 0)
      content.push({
        type: "heading",
        attrs: { level: 2 },
        content: [{ type: "text", text: `Abschnitt ${i / 20 + 1}` }],
      });
    const text = Array.from({ length: WORDS_PER_PARAGRAPH }, (_, w) =>
      changed.has(i) && w === 7 ? "geändert" : VOCABULARY[(i * 7 + w) % VOCABULARY.length],
    ).join(" ");
    content.push({ type: "paragraph", content: [{ type: "text", text: `${text}.` }] });
    const measureId = i % every === 0 ? measureIds[i / every] : undefined;
    if (measureId) content.push({ type: "conceptItem", attrs: { kind: "measure", id: measureId } });
  }
  return { type: "doc", content };
}
