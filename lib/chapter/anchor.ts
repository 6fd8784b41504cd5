/**
 * Anchoring a comment the server sets (for check-back reviewers, who read a frozen version and
 * cannot edit): ProseMirror positions in the version are turned into Yjs relative positions on
 * the version's frozen Yjs state, which resolve in the live document however it was edited
 * since, and the text between them gets the comment mark, encoded as y-tiptap encodes marks.
 */
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as buf from "lib0/buffer";
import * as sha256 from "lib0/hash/sha256";
import * as Y from "yjs";
import { chapterSchema } from "./content";
import { CHAPTER_FRAGMENT, CommentMark } from "./extensions";

export interface TextAnchor {
  start: Y.RelativePosition;
  end: Y.RelativePosition;
  /** The version's text between the two positions. */
  quote: string;
}

/** y-tiptap's attribute key for an overlapping mark: name--hash of the mark's JSON. */
export function commentAttributeName(threadId: string): string {
  const json = chapterSchema().mark(CommentMark.name, { threadId }).toJSON();
  const digest = sha256.digest(buf.encodeAny(json));
  const N = 6;
  for (let i = N; i < digest.length; i++) digest[i % N] = digest[i % N]! ^ digest[i]!;
  return `${CommentMark.name}--${buf.toBase64(digest.slice(0, N))}`;
}

/** The Y.XmlText and offset a ProseMirror position inside a textblock lies in, or null. */
function textAt(
  fragment: Y.XmlFragment,
  doc: ReturnType<typeof yXmlFragmentToProseMirrorRootNode>,
  pos: number,
  side: "start" | "end",
): { text: Y.XmlText; index: number } | null {
  const $pos = doc.resolve(pos);
  if (!$pos.parent.isTextblock) return null;
  let type: Y.XmlFragment | Y.XmlElement = fragment;
  for (let depth = 0; depth < $pos.depth; depth++) {
    const child: unknown = type.get($pos.index(depth));
    if (!(child instanceof Y.XmlElement)) return null;
    type = child;
  }
  // The start needs a character after it, the end one before it, in the same Y.XmlText.
  let offset = $pos.parentOffset;
  for (const child of type.toArray()) {
    const length = child instanceof Y.XmlText ? child.length : 1;
    if (child instanceof Y.XmlText) {
      if (side === "start" && offset < length) return { text: child, index: offset };
      if (side === "end" && offset > 0 && offset <= length) return { text: child, index: offset };
    }
    offset -= length;
    if (offset < 0) return null;
  }
  return null;
}

/**
 * The anchor of the range [from, to) of a frozen version (its encoded Yjs state), or null if
 * the range holds no text (then the thread starts detached). Throws a RangeError for positions
 * outside the document.
 */
export function anchorInVersion({
  state,
  from,
  to,
}: {
  state: Uint8Array;
  from: number;
  to: number;
}): TextAnchor | null {
  const ydoc = new Y.Doc();
  try {
    Y.applyUpdate(ydoc, state);
    const fragment = ydoc.getXmlFragment(CHAPTER_FRAGMENT);
    const doc = yXmlFragmentToProseMirrorRootNode(fragment, chapterSchema());
    if (from < 0 || to > doc.content.size || from >= to) throw new RangeError("anchor");
    // Move each end into text: a selection may start or end on a block boundary.
    let start = null;
    let s = from;
    for (; s < to && !(start = textAt(fragment, doc, s, "start")); s++);
    let end = null;
    let e = to;
    for (; e > s && !(end = textAt(fragment, doc, e, "end")); e--);
    if (!start || !end) return null;
    return {
      start: Y.createRelativePositionFromTypeIndex(start.text, start.index, 0),
      end: Y.createRelativePositionFromTypeIndex(end.text, end.index, -1),
      quote: doc.textBetween(s, e, " ", " "),
    };
  } finally {
    ydoc.destroy();
  }
}

function textsInOrder(type: Y.XmlFragment | Y.XmlElement, into: Y.XmlText[] = []): Y.XmlText[] {
  for (const child of type.toArray()) {
    if (child instanceof Y.XmlText) into.push(child);
    else if (child instanceof Y.XmlElement) textsInOrder(child, into);
  }
  return into;
}

/**
 * Sets the comment mark of `threadId` on the anchored text of the live document (a Yjs doc
 * whose changes go through the sync server). Returns false when the anchored text is gone.
 */
export function applyCommentMark({
  doc,
  anchor,
  threadId,
}: {
  doc: Y.Doc;
  anchor: Pick<TextAnchor, "start" | "end">;
  threadId: string;
}): boolean {
  const start = Y.createAbsolutePositionFromRelativePosition(anchor.start, doc);
  const end = Y.createAbsolutePositionFromRelativePosition(anchor.end, doc);
  if (!start || !end) return false;
  if (!(start.type instanceof Y.XmlText) || !(end.type instanceof Y.XmlText)) return false;
  const texts = textsInOrder(doc.getXmlFragment(CHAPTER_FRAGMENT));
  const first = texts.indexOf(start.type);
  const last = texts.indexOf(end.type);
  if (first < 0 || last < 0 || first > last || (first === last && start.index >= end.index))
    return false;
  const attributes = { [commentAttributeName(threadId)]: { threadId } };
  doc.transact(() => {
    for (let i = first; i <= last; i++) {
      const text = texts[i]!;
      const from = i === first ? start.index : 0;
      const to = i === last ? end.index : text.length;
      if (to > from) text.format(from, to - from, attributes);
    }
  });
  return true;
}
