/**
 * The Y.XmlFragment a chapter's content lives in: TipTap's Collaboration default, so any
 * y-websocket client with y-tiptap (or y-prosemirror) reads and writes a chapter. A module of
 * its own, so the sync server's rules name it without loading the editor schema.
 */
export const CHAPTER_FRAGMENT = "default";
