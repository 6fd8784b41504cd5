"use client";

import { useEditorState, type Editor } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useRef, type KeyboardEvent, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { InsertItemMenu } from "./insert-item-menu";
import { LinkDialog } from "./link-dialog";

/**
 * The editor's toolbar: one tab stop, arrow keys move between the buttons (WAI-ARIA toolbar);
 * toggles say whether they are on with aria-pressed.
 */
export function ChapterToolbar({
  editor,
  editable,
  onComment,
  canComment,
}: {
  editor: Editor;
  editable: boolean;
  onComment: (() => void) | null;
  canComment: boolean;
}) {
  const t = useTranslations("chapter.toolbar");
  const ref = useRef<HTMLDivElement>(null);
  const s = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      underline: e.isActive("underline"),
      bulletList: e.isActive("bulletList"),
      orderedList: e.isActive("orderedList"),
      blockquote: e.isActive("blockquote"),
      link: e.isActive("link"),
      inTable: e.isActive("table"),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
      hasSelection: !e.state.selection.empty,
    }),
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const keys = ["ArrowLeft", "ArrowRight", "Home", "End"];
    if (!keys.includes(event.key) || !ref.current) return;
    const buttons = [
      ...ref.current.querySelectorAll<HTMLButtonElement>("[data-toolbar-item]:not(:disabled)"),
    ];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    event.preventDefault();
    const next =
      event.key === "Home"
        ? 0
        : event.key === "End"
          ? buttons.length - 1
          : (index + (event.key === "ArrowRight" ? 1 : -1) + buttons.length) % buttons.length;
    buttons.forEach((b, i) => (b.tabIndex = i === next ? 0 : -1));
    buttons[next]?.focus();
  };

  const chain = () => editor.chain().focus();
  const off = !editable;
  return (
    <div
      ref={ref}
      role="toolbar"
      aria-label={t("label")}
      aria-orientation="horizontal"
      onKeyDown={onKeyDown}
      className="sticky top-0 z-20 flex flex-wrap items-center gap-0.5 border-b border-line bg-white px-2 py-1.5"
    >
      <Group>
        <Tool
          label={t("h2")}
          pressed={s.h2}
          disabled={off}
          first
          onClick={() => chain().toggleHeading({ level: 2 }).run()}
        >
          H2
        </Tool>
        <Tool
          label={t("h3")}
          pressed={s.h3}
          disabled={off}
          onClick={() => chain().toggleHeading({ level: 3 }).run()}
        >
          H3
        </Tool>
      </Group>
      <Group>
        <Tool
          label={t("bold")}
          pressed={s.bold}
          disabled={off}
          onClick={() => chain().toggleBold().run()}
        >
          <span className="font-bold">F</span>
        </Tool>
        <Tool
          label={t("italic")}
          pressed={s.italic}
          disabled={off}
          onClick={() => chain().toggleItalic().run()}
        >
          <span className="italic">K</span>
        </Tool>
        <Tool
          label={t("underline")}
          pressed={s.underline}
          disabled={off}
          onClick={() => chain().toggleUnderline().run()}
        >
          <span className="underline">U</span>
        </Tool>
      </Group>
      <Group>
        <Tool
          label={t("bulletList")}
          pressed={s.bulletList}
          disabled={off}
          onClick={() => chain().toggleBulletList().run()}
        >
          •≡
        </Tool>
        <Tool
          label={t("orderedList")}
          pressed={s.orderedList}
          disabled={off}
          onClick={() => chain().toggleOrderedList().run()}
        >
          1≡
        </Tool>
        <Tool
          label={t("blockquote")}
          pressed={s.blockquote}
          disabled={off}
          onClick={() => chain().toggleBlockquote().run()}
        >
          ❝
        </Tool>
      </Group>
      <Group>
        <LinkDialog editor={editor} disabled={off} active={s.link} />
        <Tool
          label={t("insertTable")}
          disabled={off || s.inTable}
          onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
        >
          {t("table")}
        </Tool>
        {s.inTable ? (
          <>
            <Tool label={t("addRow")} disabled={off} onClick={() => chain().addRowAfter().run()}>
              {t("addRowShort")}
            </Tool>
            <Tool label={t("deleteRow")} disabled={off} onClick={() => chain().deleteRow().run()}>
              {t("deleteRowShort")}
            </Tool>
            <Tool
              label={t("addColumn")}
              disabled={off}
              onClick={() => chain().addColumnAfter().run()}
            >
              {t("addColumnShort")}
            </Tool>
            <Tool
              label={t("deleteColumn")}
              disabled={off}
              onClick={() => chain().deleteColumn().run()}
            >
              {t("deleteColumnShort")}
            </Tool>
            <Tool
              label={t("deleteTable")}
              disabled={off}
              onClick={() => chain().deleteTable().run()}
            >
              {t("deleteTableShort")}
            </Tool>
          </>
        ) : null}
      </Group>
      <Group>
        <InsertItemMenu
          disabled={off}
          onInsert={(item) => chain().insertContent({ type: "conceptItem", attrs: item }).run()}
        />
      </Group>
      <Group>
        <Tool label={t("undo")} disabled={off || !s.canUndo} onClick={() => chain().undo().run()}>
          ↶
        </Tool>
        <Tool label={t("redo")} disabled={off || !s.canRedo} onClick={() => chain().redo().run()}>
          ↷
        </Tool>
      </Group>
      {canComment && onComment ? (
        <Group last>
          <Tool label={t("comment")} disabled={!s.hasSelection} onClick={onComment} text>
            {t("comment")}
          </Tool>
        </Group>
      ) : null}
    </div>
  );
}

function Group({ children, last }: { children: ReactNode; last?: boolean }) {
  return (
    <div
      role="group"
      className={cn("flex items-center gap-0.5 pr-1.5", !last && "mr-1 border-r border-line")}
    >
      {children}
    </div>
  );
}

export function Tool({
  label,
  pressed,
  disabled,
  onClick,
  children,
  first,
  text,
}: {
  label: string;
  pressed?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
  first?: boolean;
  text?: boolean;
}) {
  return (
    <button
      type="button"
      data-toolbar-item=""
      tabIndex={first ? 0 : -1}
      title={label}
      aria-pressed={pressed}
      disabled={disabled}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
      className={cn(
        "inline-flex min-h-9 min-w-9 items-center justify-center rounded px-2 text-sm text-ink hover:bg-canvas disabled:cursor-not-allowed disabled:text-muted/60",
        pressed && "bg-brand-50 text-brand-800",
      )}
    >
      {text ? (
        children
      ) : (
        <>
          {/* The glyph is what one sees; its name is the label (axe: label-content-name-mismatch). */}
          <span aria-hidden>{children}</span>
          <span className="sr-only">{label}</span>
        </>
      )}
    </button>
  );
}
