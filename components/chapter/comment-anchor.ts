import type { Editor } from "@tiptap/react";
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from "@tiptap/y-tiptap";
import type * as Y from "yjs";

/**
 * A selection held while a comment is being written: as Yjs relative positions, so it stays on
 * its text through the others' edits (remote changes replace the ProseMirror document, so plain
 * position mapping would lose it).
 */
export interface HeldRange {
  from: Y.RelativePosition;
  to: Y.RelativePosition;
  quote: string;
}

export function holdSelection(editor: Editor): HeldRange | null {
  const { from, to, empty } = editor.state.selection;
  const ystate = ySyncPluginKey.getState(editor.state);
  if (empty || !ystate?.binding) return null;
  return {
    from: absolutePositionToRelativePosition(from, ystate.type, ystate.binding.mapping),
    to: absolutePositionToRelativePosition(to, ystate.type, ystate.binding.mapping),
    quote: editor.state.doc.textBetween(from, to, " ").slice(0, 2000),
  };
}

export function resolveHeld(editor: Editor, held: HeldRange): { from: number; to: number } | null {
  const ystate = ySyncPluginKey.getState(editor.state);
  if (!ystate?.binding) return null;
  const from = relativePositionToAbsolutePosition(
    ystate.doc,
    ystate.type,
    held.from,
    ystate.binding.mapping,
  );
  const to = relativePositionToAbsolutePosition(
    ystate.doc,
    ystate.type,
    held.to,
    ystate.binding.mapping,
  );
  return from === null || to === null || from >= to ? null : { from, to };
}

/** Where a thread's mark is in the document now (first to last marked character), or null. */
export function findThreadRange(
  editor: Editor,
  threadId: string,
): { from: number; to: number } | null {
  let from = -1;
  let to = -1;
  editor.state.doc.descendants((node, pos) => {
    if (!node.isText) return;
    if (node.marks.some((m) => m.type.name === "comment" && m.attrs.threadId === threadId)) {
      if (from < 0) from = pos;
      to = pos + node.nodeSize;
    }
  });
  return from < 0 ? null : { from, to };
}
