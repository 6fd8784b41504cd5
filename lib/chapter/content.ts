/**
 * A chapter's content in its three shapes: the Yjs document (the live Y.XmlFragment "default"),
 * ProseMirror JSON (what versions store and editors load), and the rendered HTML and plain text
 * of versions and exports. Embedded goals and measures are rendered from concept store content
 * passed in (the latest, or as of a revision), so the text never disagrees with the store.
 * Comment marks are stripped on the way out of the Yjs document: they never reach versions,
 * diffs, exports or restores.
 */
import { getSchema, type JSONContent } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { escapeHTML, renderToHTMLString } from "@tiptap/static-renderer";
import { prosemirrorJSONToYDoc, yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import de from "@/messages/de.json";
import { conceptItemKey, type ConceptItems, type ConceptItemView } from "./concept-item-view";
import { CHAPTER_FRAGMENT, chapterExtensions, CommentMark } from "./extensions";

let schema: Schema | null = null;
/** The chapter schema, built once (getSchema resolves every extension). */
export function chapterSchema(): Schema {
  schema ??= getSchema(chapterExtensions());
  return schema;
}

/** Removes every comment mark (and empty mark lists) from a ProseMirror JSON tree. */
export function stripCommentMarks(node: JSONContent): JSONContent {
  const { marks, content, ...rest } = node;
  const out: JSONContent = { ...rest };
  const kept = marks?.filter((mark) => mark.type !== CommentMark.name);
  if (kept?.length) out.marks = kept;
  if (content) out.content = content.map(stripCommentMarks);
  return out;
}

/** The chapter's ProseMirror JSON, read from a Yjs document; comment marks stay (editors' view). */
export function chapterJSONOfDoc(doc: Y.Doc): JSONContent {
  const json = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(CHAPTER_FRAGMENT)) as JSONContent;
  return json.content?.length ? json : { type: "doc", content: [{ type: "paragraph" }] };
}

/** The chapter's ProseMirror JSON from an encoded Yjs state, without comment marks. */
export function chapterJSONOfState(state: Uint8Array): JSONContent {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return stripCommentMarks(chapterJSONOfDoc(doc));
  } finally {
    doc.destroy();
  }
}

/**
 * A Yjs document whose "default" fragment holds this content, for seeding and restores.
 * Throws on content the chapter schema does not allow.
 */
export function chapterDocFromJSON(json: JSONContent): Y.Doc {
  return prosemirrorJSONToYDoc(chapterSchema(), json, CHAPTER_FRAGMENT);
}

/** The encoded Yjs state of a chapter holding this content. */
export function chapterStateFromJSON(json: JSONContent): Uint8Array {
  const doc = chapterDocFromJSON(json);
  try {
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** The thread ids of every comment mark in the content (a thread whose id is missing is detached). */
export function commentThreadIds(json: JSONContent, into = new Set<string>()): Set<string> {
  for (const mark of json.marks ?? [])
    if (mark.type === CommentMark.name && typeof mark.attrs?.threadId === "string")
      into.add(mark.attrs.threadId);
  for (const child of json.content ?? []) commentThreadIds(child, into);
  return into;
}

const labels = de.enums;
/**
 * Labels of rendered items. Versions and exports are the council document, which is German
 * whatever language the reader's UI has; the enum labels come from the German messages.
 */
export const itemLabels = {
  goal: "Ziel",
  measure: "Maßnahme",
  responsible: "Zuständig",
  target: "Zielwert",
  status: "Stand",
  retired: "nicht mehr verfolgt",
  missingGoal: "Ziel nicht gefunden",
  missingMeasure: "Maßnahme nicht gefunden",
};

function itemLookup(items: ConceptItems, attrs: Record<string, unknown> | undefined) {
  const kind = attrs?.kind === "goal" ? "goal" : "measure";
  const id = typeof attrs?.id === "string" ? attrs.id : "";
  return { kind, id, item: items.get(conceptItemKey(kind, id)) } as const;
}

/** The lines an embedded item reads as, shared by the HTML, the text rendering and exports. */
export function itemLines(item: ConceptItemView) {
  const heading = `${item.kind === "goal" ? itemLabels.goal : itemLabels.measure} ${item.number}: ${item.text}`;
  const details: string[] = [];
  if (item.responsibilities.length)
    details.push(
      `${itemLabels.responsible}: ${item.responsibilities
        .map((r) => `${r.organisation} (${labels.responsibilityRole[r.role]})`)
        .join(", ")}`,
    );
  if (item.target) details.push(`${itemLabels.target}: ${item.target}`);
  if (item.status) details.push(`${itemLabels.status}: ${labels.measureStatus[item.status]}`);
  return { heading, details };
}

function renderItemHTML(items: ConceptItems, attrs: Record<string, unknown> | undefined): string {
  const { kind, id, item } = itemLookup(items, attrs);
  const data = `data-concept-item="" data-kind="${kind}" data-id="${escapeHTML(id)}"`;
  if (!item)
    return `<div ${data} data-missing=""><p>${escapeHTML(kind === "goal" ? itemLabels.missingGoal : itemLabels.missingMeasure)}</p></div>`;
  const { heading, details } = itemLines(item);
  return [
    `<div ${data}${item.retired ? ' data-retired=""' : ""}>`,
    `<p><strong>${escapeHTML(heading)}</strong>`,
    item.retired ? ` <em>(${escapeHTML(itemLabels.retired)})</em>` : "",
    `</p>`,
    details.length ? `<ul>${details.map((d) => `<li>${escapeHTML(d)}</li>`).join("")}</ul>` : "",
    `</div>`,
  ].join("");
}

/** Static HTML of a chapter (versions, exports): embedded items rendered from `items`. */
export function renderChapterHTML({
  json,
  items,
}: {
  json: JSONContent;
  items: ConceptItems;
}): string {
  return renderToHTMLString({
    extensions: chapterExtensions(),
    content: stripCommentMarks(json),
    options: {
      nodeMapping: { conceptItem: ({ node }) => renderItemHTML(items, node.attrs) },
    },
  });
}

/** The text of one embedded item (several lines). */
function itemText(items: ConceptItems, attrs: Record<string, unknown> | undefined): string {
  const { kind, item } = itemLookup(items, attrs);
  if (!item) return kind === "goal" ? itemLabels.missingGoal : itemLabels.missingMeasure;
  const { heading, details } = itemLines(item);
  return [heading + (item.retired ? ` (${itemLabels.retired})` : ""), ...details].join("\n");
}

function inlineText(node: JSONContent): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "\n";
  return (node.content ?? []).map(inlineText).join("");
}

/**
 * The chapter's blocks as plain text, one string per paragraph-like block (a heading, a
 * paragraph, a list item, a table row, an embedded item). Diffs compare these; the plain text
 * of a version is them joined by blank lines.
 */
export function chapterBlocks({
  json,
  items,
}: {
  json: JSONContent;
  items: ConceptItems;
}): string[] {
  const blocks: string[] = [];
  const walk = (node: JSONContent, prefix: string) => {
    switch (node.type) {
      case "paragraph":
      case "heading": {
        const text = inlineText(node);
        if (text.trim()) blocks.push(prefix + text);
        return;
      }
      case "conceptItem":
        blocks.push(itemText(items, node.attrs));
        return;
      case "tableRow":
        blocks.push(
          (node.content ?? [])
            .map((cell) => chapterBlocks({ json: cell, items }).join(" "))
            .join(" | "),
        );
        return;
      case "bulletList":
        for (const child of node.content ?? []) walk(child, `${prefix}• `);
        return;
      case "orderedList":
        (node.content ?? []).forEach((child, index) => walk(child, `${prefix}${index + 1}. `));
        return;
      case "listItem":
        (node.content ?? []).forEach((child, index) =>
          walk(child, index === 0 ? prefix : " ".repeat(prefix.length)),
        );
        return;
      default:
        for (const child of node.content ?? []) walk(child, prefix);
    }
  };
  walk(json, "");
  return blocks;
}

/** Plain text of a chapter: its blocks separated by blank lines. */
export function renderChapterText({
  json,
  items,
}: {
  json: JSONContent;
  items: ConceptItems;
}): string {
  return chapterBlocks({ json, items }).join("\n\n");
}
