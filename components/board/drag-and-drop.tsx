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
import { useCallback, useState, type ComponentProps, type ReactNode, type RefObject } from "react";
import type * as Y from "yjs";
import { cn } from "@/components/ui/cn";
import { getCard, getCards, moveCard, setCardCluster } from "@/lib/board/board-doc";

const LANE = "lane:";
const BEFORE_CARD = "card:";

/**
 * Drag-and-drop of cards on the shared board (dnd-kit): drop a card on another card to put it
 * just before that one, or on a lane to put it at the end. Pointer and touch start a drag from
 * the card's handle; keyboard users have the move buttons on every card.
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
      const target = over ? String(over.id) : null;
      const cardId = String(active.id);
      if (target?.startsWith(LANE)) {
        doc.transact(() => {
          moveCard(doc, cardId, {
            laneId: target.slice(LANE.length),
            index: Number.MAX_SAFE_INTEGER,
          });
          setCardCluster(doc, cardId, null);
        });
      } else if (target?.startsWith(BEFORE_CARD)) {
        const before = getCard(doc, target.slice(BEFORE_CARD.length));
        if (!before || before.id === cardId) return;
        const others = getCards(doc, { laneId: before.laneId }).filter((c) => c.id !== cardId);
        // Dropped onto a grouped card, the card joins that group.
        doc.transact(() => {
          moveCard(doc, cardId, {
            laneId: before.laneId,
            index: others.findIndex((c) => c.id === before.id),
          });
          setCardCluster(doc, cardId, before.clusterId);
        });
      }
    },
    [doc],
  );
  return (
    <DndContext
      sensors={sensors}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragged(null)}
      accessibility={{
        screenReaderInstructions: { draggable: t("instructions") },
        announcements: {
          onDragStart: () => t("picked"),
          onDragOver: () => undefined,
          onDragEnd: ({ over }) => (over ? t("dropped") : t("cancelled")),
          onDragCancel: () => t("cancelled"),
        },
      }}
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

/** A lane that takes dropped cards (at its end). */
export function DropLane({
  laneId,
  className,
  ref,
  ...props
}: ComponentProps<"section"> & { laneId: string; ref?: RefObject<HTMLElement | null> }) {
  const { setNodeRef, isOver } = useDroppable({ id: `${LANE}${laneId}` });
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
      className={cn(className, isOver && "outline-2 outline-brand-600 outline-dashed")}
      {...props}
    />
  );
}

/** A card's list item: dragged by its handle, and a drop target meaning "put it before me". */
export function DraggableCard({
  cardId,
  label,
  enabled,
  children,
}: {
  cardId: string;
  label: string;
  enabled: boolean;
  children: ReactNode;
}) {
  const t = useTranslations("board.drag");
  const { setNodeRef, setActivatorNodeRef, listeners, attributes, isDragging } = useDraggable({
    id: cardId,
    disabled: !enabled,
  });
  const drop = useDroppable({ id: `${BEFORE_CARD}${cardId}`, disabled: !enabled });
  const setDropRef = drop.setNodeRef;
  const ref = useCallback(
    (node: HTMLElement | null) => {
      setNodeRef(node);
      setDropRef(node);
    },
    [setNodeRef, setDropRef],
  );
  return (
    <li
      ref={ref}
      className={cn(
        "flex items-stretch gap-1",
        drop.isOver && !isDragging && "border-t-4 border-brand-600 pt-1",
        isDragging && "opacity-40",
      )}
    >
      {enabled ? (
        <button
          type="button"
          ref={setActivatorNodeRef}
          {...listeners}
          {...attributes}
          // Keyboard users move cards with the card's move buttons instead.
          tabIndex={-1}
          aria-label={t("handle", { card: label })}
          className="w-6 shrink-0 cursor-grab touch-none rounded text-muted hover:bg-white active:cursor-grabbing"
        >
          ⠿
        </button>
      ) : null}
      <div className="min-w-0 flex-1">{children}</div>
    </li>
  );
}
