"use client";

import {
  DndContext,
  DragOverlay,
  PointerSensor,
  TouchSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragStartEvent,
} from "@dnd-kit/core";
import { useTranslations } from "next-intl";
import {
  memo,
  useCallback,
  useMemo,
  useState,
  type ComponentProps,
  type ReactNode,
  type RefObject,
} from "react";
import type * as Y from "yjs";
import { cn } from "@/components/ui/cn";
import { getCard, getCards, moveCard, setCardCluster } from "@/lib/board/board-doc";

/**
 * Drag-and-drop of cards on the shared board (dnd-kit). Lanes are the drop targets; where in
 * the lane a card lands follows the pointer: before the first card whose middle is below it,
 * joining that card's group, else at the end. Pointer and touch start a drag from the card's
 * handle; keyboard users have the move buttons on every card.
 *
 * Only lanes and the small handles talk to dnd-kit, so hundreds of cards stay cheap to render.
 */
export function BoardDragAndDrop({ doc, children }: { doc: Y.Doc; children: ReactNode }) {
  const t = useTranslations("board.drag");
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 150, tolerance: 8 } }),
  );
  const [dragged, setDragged] = useState<string | null>(null);
  const onDragStart = useCallback(
    ({ active }: DragStartEvent) => setDragged(getCard(doc, String(active.id))?.text ?? ""),
    [doc],
  );
  const onDragEnd = useCallback(
    ({ active, over }: DragEndEvent) => {
      setDragged(null);
      const laneId = over ? String(over.id) : null;
      const rect = active.rect.current.translated;
      if (!laneId || !rect) return;
      const cardId = String(active.id);
      const before = cardBelow(laneId, cardId, rect.top + rect.height / 2);
      const beforeCard = before ? getCard(doc, before) : undefined;
      const others = getCards(doc, { laneId }).filter((c) => c.id !== cardId);
      doc.transact(() => {
        moveCard(doc, cardId, {
          laneId,
          index: beforeCard
            ? others.findIndex((c) => c.id === beforeCard.id)
            : Number.MAX_SAFE_INTEGER,
        });
        setCardCluster(doc, cardId, beforeCard?.clusterId ?? null);
      });
    },
    [doc],
  );
  const onDragCancel = useCallback(() => setDragged(null), []);
  // Stable props: the board re-renders on every edit, dnd-kit's consumers should not.
  const accessibility = useMemo(
    () => ({
      screenReaderInstructions: { draggable: t("instructions") },
      announcements: {
        onDragStart: () => t("picked"),
        onDragOver: () => undefined,
        onDragEnd: ({ over }: { over: unknown }) => (over ? t("dropped") : t("cancelled")),
        onDragCancel: () => t("cancelled"),
      },
    }),
    [t],
  );
  return (
    <DndContext
      sensors={sensors}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={onDragCancel}
      accessibility={accessibility}
    >
      {children}
      <DragOverlay dropAnimation={null}>
        {dragged !== null ? (
          <div className="max-w-72 rotate-2 rounded-md border-l-4 border-brand-600 bg-white p-3 text-base shadow-lg">
            {dragged}
          </div>
        ) : null}
      </DragOverlay>
    </DndContext>
  );
}

/** The id of the first card shown in a lane whose middle lies below `y` (the dragged one aside). */
function cardBelow(laneId: string, draggedId: string, y: number): string | null {
  const lane = document.querySelector(`[data-lane-id="${CSS.escape(laneId)}"]`);
  for (const element of lane?.querySelectorAll<HTMLElement>("[data-card-id]") ?? []) {
    if (element.dataset.cardId === draggedId) continue;
    const box = element.getBoundingClientRect();
    if (box.top + box.height / 2 > y) return element.dataset.cardId ?? null;
  }
  return null;
}

/** A lane that takes dropped cards. */
export function DropLane({
  laneId,
  className,
  ref,
  ...props
}: ComponentProps<"section"> & { laneId: string; ref?: RefObject<HTMLElement | null> }) {
  const { setNodeRef, isOver } = useDroppable({ id: laneId });
  const setRefs = useCallback(
    (node: HTMLElement | null) => {
      setNodeRef(node);
      if (ref) ref.current = node;
    },
    [setNodeRef, ref],
  );
  return (
    <section
      ref={setRefs}
      data-lane-id={laneId}
      className={cn(className, isOver && "outline-2 outline-brand-600 outline-dashed")}
      {...props}
    />
  );
}

/** The grip a card is dragged by. */
export const CardDragHandle = memo(function CardDragHandle({
  cardId,
  label,
}: {
  cardId: string;
  label: string;
}) {
  const t = useTranslations("board.drag");
  const { setNodeRef, listeners, attributes, isDragging } = useDraggable({ id: cardId });
  return (
    <button
      type="button"
      ref={setNodeRef}
      {...listeners}
      {...attributes}
      // Keyboard users move cards with the card's move buttons instead.
      tabIndex={-1}
      aria-label={t("handle", { card: label })}
      className={cn(
        "w-6 shrink-0 cursor-grab touch-none rounded text-muted hover:bg-white active:cursor-grabbing",
        isDragging && "text-brand-700",
      )}
    >
      ⠿
    </button>
  );
});
