import * as Y from "yjs";
import { checkRoots, touchedItems, WriteRejected } from "@/lib/board/write-rules";
import { CHAPTER_FRAGMENT } from "./fragment";
import { isAllowedHref } from "./links";

const CHAPTER_ROOTS = new Set([CHAPTER_FRAGMENT]);

type Check = (value: unknown) => boolean;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid: Check = (v) => typeof v === "string" && UUID.test(v);
const isNull: Check = (v) => v === null;
const oneOf =
  (...allowed: unknown[]): Check =>
  (v) =>
    allowed.includes(v);
const integer =
  (min: number, max: number): Check =>
  (v) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const shortText: Check = (v) => v === null || (typeof v === "string" && v.length <= 500);
const colwidth: Check = (v) =>
  v === null || (Array.isArray(v) && v.length <= 100 && v.every(integer(0, 10_000)));
const cell = {
  colspan: integer(1, 100),
  rowspan: integer(1, 100),
  colwidth,
  align: oneOf(null, "left", "center", "right"),
};

/**
 * The element names of the chapter schema (lib/chapter/extensions.ts: StarterKit without code,
 * tables, embedded items) and the attributes each may carry with their allowed values. Written
 * out here so the sync server checks writes without loading the editor schema; a unit test
 * holds it equal to the schema.
 */
export const CHAPTER_NODES: Record<string, Record<string, Check>> = {
  paragraph: {},
  blockquote: {},
  bulletList: {},
  hardBreak: {},
  heading: { level: integer(1, 6) },
  horizontalRule: {},
  listItem: {},
  orderedList: { start: integer(0, 100_000), type: oneOf(null, "1", "a", "A", "i", "I") },
  table: {},
  tableRow: {},
  tableCell: cell,
  tableHeader: cell,
  conceptItem: { kind: oneOf("goal", "measure"), id: isUuid },
};

/** The marks and their attributes (a mark's attributes are stored whole, as one object). */
export const CHAPTER_MARKS: Record<string, Record<string, Check>> = {
  bold: {},
  italic: {},
  strike: {},
  underline: {},
  link: {
    href: (v) => typeof v === "string" && isAllowedHref(v),
    target: oneOf(null, "_blank"),
    rel: shortText,
    class: isNull,
    title: shortText,
  },
  comment: { threadId: isUuid },
};

function reject(reason: string): never {
  throw new WriteRejected(reason);
}

/** A record's own entry (never one of Object.prototype's, e.g. for a key "constructor"). */
const own = <T>(record: Record<string, T>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

/** A formatting value in a text: null ends a mark, else the mark's attributes. */
function checkMark(key: string, value: unknown) {
  // Marks that may overlap (comments) are stored as `name--hash` (y-tiptap).
  const attrs = own(CHAPTER_MARKS, key.split("--", 1)[0]!);
  if (!attrs) reject("unknown_mark");
  if (value === null) return;
  if (typeof value !== "object" || Array.isArray(value)) reject("invalid_mark");
  for (const [name, v] of Object.entries(value)) {
    const check = own(attrs, name);
    if (!check) reject("unknown_mark_attribute");
    if (!check(v)) reject("invalid_mark_attribute");
  }
}

function checkElementName(content: Y.Item["content"]) {
  if (!(content instanceof Y.ContentType)) reject("invalid_content");
  if (content.type instanceof Y.XmlText) return;
  if (!(content.type instanceof Y.XmlElement)) reject("invalid_content");
  if (!own(CHAPTER_NODES, content.type.nodeName)) reject("unknown_element");
}

/**
 * The rules of a chapter document: everything lives in the Y.XmlFragment "default" (what
 * TipTap's Collaboration and y-tiptap write); its elements are nodes of the chapter schema
 * with only their own attributes and values (an embedded item's kind and uuid, a link's
 * http/https/mailto address, a comment's thread id), and its texts hold strings and the
 * schema's marks. Anything else is dropped whole, like a broken board rule. One pass over the
 * inserted items, no schema: cheap enough for every keystroke.
 */
export function checkChapterWrite(tr: Y.Transaction): void {
  checkRoots(tr, CHAPTER_ROOTS);
  for (const item of touchedItems(tr).inserted) {
    const { content, parent, parentSub } = item;
    if (content instanceof Y.ContentDeleted) continue;
    if (!(parent instanceof Y.AbstractType)) continue;
    if (parent instanceof Y.XmlText) {
      if (parentSub !== null) reject("invalid_text");
      if (content instanceof Y.ContentFormat) checkMark(content.key, content.value);
      else if (!(content instanceof Y.ContentString)) reject("invalid_text");
    } else if (parentSub === null) {
      checkElementName(content);
    } else if (parent instanceof Y.XmlElement) {
      const attrs = own(CHAPTER_NODES, parent.nodeName);
      const check = attrs && own(attrs, parentSub);
      if (!check) reject("unknown_attribute");
      if (!(content instanceof Y.ContentAny) || !content.arr.every(check))
        reject("invalid_attribute");
    } else {
      reject("invalid_fragment_content");
    }
  }
}
