/**
 * The one span that changed between two versions of a text: what an inline editor replaces in
 * the card's Y.Text, so two people typing in different places of a card both keep their words.
 */
export interface TextSpanChange {
  /** Where the change starts, in both versions. */
  start: number;
  /** Characters of the old text removed at `start`. */
  deleteCount: number;
  /** Text inserted at `start`. */
  insert: string;
}

export function changedSpan({ before, after }: { before: string; after: string }): TextSpanChange {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  return { start, deleteCount: endBefore - start, insert: after.slice(start, endAfter) };
}
