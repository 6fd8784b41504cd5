import { diffArrays, diffWordsWithSpace } from "diff";

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };
export type DiffBlock = { kind: "same" | "added" | "removed" | "changed"; parts: DiffPart[] };

/**
 * A readable diff of two chapters' text blocks: paragraph level first, then, for a paragraph
 * replaced by another, word by word. Removed paragraphs followed by added ones are paired in
 * order as changed paragraphs; the rest stay whole removals or additions.
 */
export function diffBlocks(before: string[], after: string[]): DiffBlock[] {
  const blocks: DiffBlock[] = [];
  const changes = diffArrays(before, after);
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    if (!change.added && !change.removed) {
      for (const text of change.value)
        blocks.push({ kind: "same", parts: [{ kind: "same", text }] });
      continue;
    }
    if (change.removed && changes[i + 1]?.added) {
      const removed = change.value;
      const added = changes[i + 1]!.value;
      i++;
      const paired = Math.min(removed.length, added.length);
      for (let j = 0; j < paired; j++) blocks.push(changedBlock(removed[j]!, added[j]!));
      for (const text of removed.slice(paired))
        blocks.push({ kind: "removed", parts: [{ kind: "removed", text }] });
      for (const text of added.slice(paired))
        blocks.push({ kind: "added", parts: [{ kind: "added", text }] });
      continue;
    }
    const kind = change.added ? "added" : "removed";
    for (const text of change.value) blocks.push({ kind, parts: [{ kind, text }] });
  }
  return blocks;
}

function changedBlock(before: string, after: string): DiffBlock {
  return {
    kind: "changed",
    parts: diffWordsWithSpace(before, after).map((part) => ({
      kind: part.added ? "added" : part.removed ? "removed" : "same",
      text: part.value,
    })),
  };
}
