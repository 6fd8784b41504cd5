import * as Y from "yjs";
import { checkRoots, touchedItems, WriteRejected } from "@/lib/board/write-rules";
import { CHAPTER_FRAGMENT } from "./fragment";

const CHAPTER_ROOTS = new Set([CHAPTER_FRAGMENT]);

/**
 * The rules of a chapter document: everything lives in the Y.XmlFragment "default" (what
 * TipTap's Collaboration and y-tiptap write), whose children are elements or text, never map
 * entries or loose values. Anything else is dropped whole, like a broken board rule.
 */
export function checkChapterWrite(tr: Y.Transaction): void {
  checkRoots(tr, CHAPTER_ROOTS);
  for (const item of touchedItems(tr).inserted) {
    const parent = item.parent;
    if (!(parent instanceof Y.AbstractType) || parent._item !== null) continue;
    const ok =
      item.parentSub === null &&
      item.content instanceof Y.ContentType &&
      (item.content.type instanceof Y.XmlElement || item.content.type instanceof Y.XmlText);
    if (!ok) throw new WriteRejected("invalid_fragment_content");
  }
}
