/**
 * The concept as Markdown (CommonMark with GFM tables): the same content as the DOCX and the PDF,
 * as plain text a council portal or a diff can take.
 */
import { exportLabels as L } from "./labels";
import type { Block, ExportModel, GoalRows, Inline } from "./model";

/** Characters Markdown would read as syntax anywhere in a line. */
const escapeText = (text: string) => text.replace(/([\\`*_[\]<>|~])/g, "\\$1");
/** A line start Markdown would read as a heading, quote, list or rule. */
const escapeLineStart = (line: string) =>
  line.replace(/^(\s*)([#>+-]|\d+[.)])(?=\s|$)/, (_, space: string, mark: string) =>
    mark.length > 1 ? `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}` : `${space}\\${mark}`,
  );

function inline(run: Inline): string {
  if (run.text === "\n") return "  \n";
  const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(run.text)!;
  if (!core) return run.text;
  let out = escapeText(core!);
  if (run.strike) out = `~~${out}~~`;
  if (run.italic) out = `*${out}*`;
  if (run.bold) out = `**${out}**`;
  if (run.underline) out = `<u>${out}</u>`;
  if (run.href) out = `[${out}](<${run.href.replace(/[<>]/g, encodeURIComponent)}>)`;
  return `${lead}${out}${trail}`;
}

const inlines = (runs: Inline[]) => escapeLineStart(runs.map(inline).join(""));

/** One line of a table cell: no line breaks, no pipes. */
const cellText = (text: string) => escapeText(text).replace(/\s*\n\s*/g, " ");

function table(rows: string[][]): string {
  const width = Math.max(...rows.map((r) => r.length));
  const line = (cells: string[]) =>
    `| ${Array.from({ length: width }, (_, i) => cells[i] ?? "").join(" | ")} |`;
  const [head = [], ...body] = rows;
  return [line(head), line(Array(width).fill("---")), ...body.map(line)].join("\n");
}

const indent = (text: string, by: string) =>
  text
    .split("\n")
    .map((line, i) => (i === 0 || !line ? line : by + line))
    .join("\n");

function blocks(list: Block[], headingOffset: number): string {
  return list
    .map((block) => blockText(block, headingOffset))
    .filter(Boolean)
    .join("\n\n");
}

function blockText(block: Block, headingOffset: number): string {
  switch (block.kind) {
    case "heading":
      return `${"#".repeat(block.level + headingOffset)} ${inlines(block.inlines)}`;
    case "paragraph":
      return inlines(block.inlines);
    case "list":
      return block.items
        .map((item, i) => {
          const marker = block.ordered ? `${block.start + i}. ` : "- ";
          // Tight: a nested list follows its item's text on the next line.
          const text = item
            .map(
              (b, j) =>
                (j > 0 ? (b.kind === "list" ? "\n" : "\n\n") : "") + blockText(b, headingOffset),
            )
            .join("");
          return marker + indent(text, " ".repeat(marker.length));
        })
        .join("\n");
    case "quote":
      return blocks(block.blocks, headingOffset)
        .split("\n")
        .map((line) => (line ? `> ${line}` : ">"))
        .join("\n");
    case "table":
      return table(
        block.rows.map((row) =>
          row.cells.map((cell) =>
            cell
              .map((b) => (b.kind === "paragraph" ? inlines(b.inlines) : blockText(b, 0)))
              .join(" ")
              .replace(/\s*\n\s*/g, " ")
              .replace(/(?<!\\)\|/g, "\\|"),
          ),
        ),
      );
    case "item":
      return [
        `**${escapeText(block.title)}**${block.note ? ` *(${escapeText(block.note)})*` : ""}`,
        block.details.map((d) => `- ${escapeText(d)}`).join("\n"),
      ]
        .filter(Boolean)
        .join("\n\n");
    case "rule":
      return "---";
  }
}

function goalsTable(goals: GoalRows[]): string {
  const rows: string[][] = [[...L.columns]];
  for (const goal of goals) {
    rows.push([`**${goal.number}**`, `**${L.goal}: ${cellText(goal.text)}**`]);
    for (const m of goal.measures)
      rows.push([
        m.number,
        cellText(m.title),
        cellText(m.responsible.join("; ")),
        cellText(m.target),
        cellText(m.timeframe),
        cellText(m.priority),
        cellText(m.status),
      ]);
  }
  return table(rows);
}

/** The whole concept as one Markdown document (UTF-8 text, "\n" line ends). */
export function renderMarkdown(model: ExportModel): string {
  const dateLine = `${L.date}: ${model.dateLabel}${model.revision ? ` (${L.revision} ${model.revision})` : ""}`;
  const parts: string[] = [];
  if (model.draft) parts.push(`> **${L.draft}** – ${L.draftNote} ${model.dateLabel}`);
  parts.push(
    `# ${escapeText(model.title)}`,
    [model.town, model.typeAndEdition, `${L.status}: ${model.status}`, dateLine]
      .filter((line): line is string => !!line)
      .map(escapeText)
      .join("  \n"),
    `## ${L.contents}`,
    model.chapters.map((c) => `- ${escapeText(c.title)}`).join("\n"),
  );
  for (const chapter of model.chapters) {
    parts.push(`## ${escapeLineStart(escapeText(chapter.title))}`);
    if (chapter.source === "missing") parts.push(`*${L.missingText}*`);
    const text = blocks(chapter.blocks, 1);
    if (text) parts.push(text);
    if (!chapter.field) continue;
    if (chapter.field.strategicGoal && chapter.source === "missing")
      parts.push(`**${L.strategicGoal}:** ${escapeText(chapter.field.strategicGoal)}`);
    if (chapter.field.goals.length)
      parts.push(`### ${L.goalsAndMeasures}`, goalsTable(chapter.field.goals));
  }
  return `${parts.join("\n\n")}\n`;
}
