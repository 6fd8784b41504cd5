import { Mark, mergeAttributes, Node, type Extensions } from "@tiptap/core";
import { TableKit } from "@tiptap/extension-table";
import StarterKit from "@tiptap/starter-kit";

import { isAllowedHref } from "./links";

export { CHAPTER_FRAGMENT } from "./fragment";

export const conceptItemKinds = ["goal", "measure"] as const;
export type ConceptItemKind = (typeof conceptItemKinds)[number];

/**
 * A goal or measure of the concept store embedded in a chapter. The node stores only the kind
 * and the id; editors, versions and exports render the item from the store, so the text never
 * disagrees with it.
 */
export const ConceptItem = Node.create({
  name: "conceptItem",
  group: "block",
  atom: true,
  selectable: true,
  draggable: true,
  addAttributes() {
    return {
      kind: {
        default: "measure",
        parseHTML: (element) => element.getAttribute("data-kind"),
        renderHTML: (attributes) => ({ "data-kind": attributes.kind }),
      },
      id: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-id"),
        renderHTML: (attributes) => ({ "data-id": attributes.id }),
      },
    };
  },
  parseHTML() {
    return [{ tag: "div[data-concept-item]" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["div", mergeAttributes({ "data-concept-item": "" }, HTMLAttributes)];
  },
});

/**
 * The anchor of a comment thread: its only attribute is the thread's id; the thread itself lives
 * in Postgres. Threads may overlap (`excludes: ""`), and typing at a thread's edge does not
 * extend it (`inclusive: false`).
 */
export const CommentMark = Mark.create({
  name: "comment",
  inclusive: false,
  excludes: "",
  addAttributes() {
    return {
      threadId: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-thread-id"),
        renderHTML: (attributes) => ({ "data-thread-id": attributes.threadId }),
      },
    };
  },
  parseHTML() {
    return [{ tag: "span[data-thread-id]" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["span", mergeAttributes({ class: "chapter-comment" }, HTMLAttributes), 0];
  },
});

/**
 * The chapter schema, the same in the browser and on the server (rendering versions, seeding the
 * demo, exports): headings, bold/italic/underline, lists, block quotes, links, tables, embedded
 * goals and measures, comment anchors. The browser adds Collaboration and its carets on top;
 * StarterKit's own undo/redo is off because Collaboration brings its own.
 */
export function chapterExtensions(): Extensions {
  return [
    StarterKit.configure({
      undoRedo: false,
      code: false,
      codeBlock: false,
      heading: { levels: [2, 3, 4] },
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: "https",
        protocols: ["http", "https", "mailto"],
        isAllowedUri: (url) => isAllowedHref(url),
      },
    }),
    TableKit.configure({ table: { resizable: false } }),
    ConceptItem,
    CommentMark,
  ];
}
