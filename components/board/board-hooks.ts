"use client";

import { useEffect, useMemo, useState } from "react";
import type { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import type { Card } from "@/lib/board/board-doc";
import type { GoalOption } from "./measure-details";

export interface Presence {
  clientId: number;
  name: string;
  editing: string | null;
}

/** Everyone on the board right now (including me), from the provider's awareness. */
export function usePresence(awareness: Awareness | null, myName: string): Presence[] {
  const [people, setPeople] = useState<Presence[]>([]);
  useEffect(() => {
    if (!awareness) return;
    awareness.setLocalStateField("user", { name: myName });
    const read = () =>
      setPeople(
        [...awareness.getStates().entries()]
          .filter(([, state]) => state.user?.name)
          .map(([clientId, state]) => ({
            clientId,
            name: String(state.user.name),
            editing: state.editing ?? null,
          })),
      );
    read();
    awareness.on("change", read);
    return () => awareness.off("change", read);
  }, [awareness, myName]);
  return people;
}

/**
 * Undo and redo of this person's own changes only (Yjs tracks the local origin), also with
 * Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z outside text fields.
 */
export function useUndo(doc: Y.Doc) {
  const [manager] = useState(
    () =>
      new Y.UndoManager([
        doc.getMap("lanes"),
        doc.getMap("cards"),
        doc.getMap("clusters"),
        doc.getMap("votes"),
      ]),
  );
  const [, setTick] = useState(0);
  useEffect(() => {
    const changed = () => setTick((n) => n + 1);
    manager.on("stack-item-added", changed);
    manager.on("stack-item-popped", changed);
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== "z") return;
      if (target && (target.tagName === "TEXTAREA" || target.tagName === "INPUT")) return;
      event.preventDefault();
      if (event.shiftKey) manager.redo();
      else manager.undo();
    };
    window.addEventListener("keydown", onKey);
    return () => {
      manager.off("stack-item-added", changed);
      manager.off("stack-item-popped", changed);
      window.removeEventListener("keydown", onKey);
    };
  }, [manager]);
  useEffect(() => () => manager.destroy(), [manager]);
  return {
    canUndo: manager.undoStack.length > 0,
    canRedo: manager.redoStack.length > 0,
    undo: () => manager.undo(),
    redo: () => manager.redo(),
  };
}

/**
 * Who else is editing which card: card id → their names, joined. Its identity changes only when
 * that does, so presence changes (someone arriving, leaving) leave the lanes alone.
 */
export function useEditorsByCard(
  presence: Presence[],
  myClientId: number,
): Readonly<Record<string, string>> {
  const byCard: Record<string, string[]> = {};
  for (const person of presence)
    if (person.editing && person.clientId !== myClientId)
      (byCard[person.editing] ??= []).push(person.name);
  const editors = Object.fromEntries(
    Object.entries(byCard).map(([cardId, names]) => [cardId, names.join(", ")]),
  );
  const key = JSON.stringify(editors);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the object
  return useMemo(() => editors, [key]);
}

/** The goal cards a measure can be linked to. */
export function useGoalOptions(cards: Card[]): GoalOption[] {
  return useStable(cards.filter((c) => c.kind === "goal").map((c) => ({ id: c.id, text: c.text })));
}

/** A list whose identity only changes when its content does (keeps cards memoised). */
export function useStable<T>(list: T[]): T[] {
  const key = JSON.stringify(list);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the list
  return useMemo(() => list, [key]);
}
