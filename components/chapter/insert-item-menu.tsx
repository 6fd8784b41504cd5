"use client";

import { useTranslations } from "next-intl";
import { useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { Input } from "@/components/ui/form";
import { cn } from "@/components/ui/cn";
import type { ConceptItemView } from "@/lib/chapter/concept-item-view";
import type { ConceptItemKind } from "@/lib/chapter/extensions";
import { useConceptItems } from "./concept-items-context";

const MAX_OPTIONS = 30;

/**
 * "Ziel/Maßnahme einfügen": a button that opens a combobox searching the store's goals and
 * measures by number and text; choosing one inserts it at the cursor.
 */
export function InsertItemMenu({
  disabled,
  onInsert,
}: {
  disabled: boolean;
  onInsert: (item: { kind: ConceptItemKind; id: string }) => void;
}) {
  const t = useTranslations("chapter.insertItem");
  const items = useConceptItems();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const matches = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const all = [...(items?.values() ?? [])].filter((item) => !item.retired);
    return all
      .filter(
        (item) =>
          !needle || item.number.startsWith(needle) || item.text.toLowerCase().includes(needle),
      )
      .slice(0, MAX_OPTIONS);
  }, [items, query]);

  const close = () => {
    setOpen(false);
    setQuery("");
    setActive(0);
    buttonRef.current?.focus();
  };
  const choose = (item: ConceptItemView) => {
    onInsert({ kind: item.kind, id: item.id });
    setOpen(false);
    setQuery("");
    setActive(0);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setActive((i) => Math.min(i + 1, matches.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === "Enter") {
      event.preventDefault();
      const item = matches[active];
      if (item) choose(item);
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  };

  return (
    <div className="relative">
      <button
        ref={buttonRef}
        type="button"
        data-toolbar-item=""
        tabIndex={-1}
        disabled={disabled}
        aria-expanded={open}
        aria-haspopup="listbox"
        onClick={() => (open ? close() : setOpen(true))}
        className="inline-flex min-h-9 items-center rounded px-2.5 text-sm font-medium text-ink hover:bg-canvas disabled:text-muted"
      >
        {t("button")}
      </button>
      {open ? (
        <div className="absolute left-0 z-30 mt-1 w-[min(26rem,90vw)] rounded-md border border-line bg-white p-2 shadow-lg">
          <label className="flex flex-col gap-1 text-sm font-medium">
            {t("search")}
            <Input
              autoFocus
              role="combobox"
              aria-expanded="true"
              aria-controls={listId}
              aria-autocomplete="list"
              aria-activedescendant={matches[active] ? `${listId}-${active}` : undefined}
              value={query}
              onChange={(event) => {
                setQuery(event.target.value);
                setActive(0);
              }}
              onKeyDown={onKeyDown}
              onBlur={(event) => {
                if (!event.currentTarget.closest("div")?.contains(event.relatedTarget)) close();
              }}
            />
          </label>
          <ul
            id={listId}
            role="listbox"
            aria-label={t("results")}
            className="mt-2 max-h-72 overflow-y-auto"
          >
            {matches.length === 0 ? (
              <li role="presentation" className="px-2 py-1.5 text-sm text-muted">
                {items ? t("none") : t("loading")}
              </li>
            ) : null}
            {matches.map((item, index) => (
              <li
                key={`${item.kind}:${item.id}`}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(item)}
                className={cn(
                  "cursor-pointer rounded px-2 py-1.5 text-sm",
                  index === active ? "bg-brand-50 text-brand-800" : "text-ink",
                )}
              >
                <span className="mr-1 text-muted">
                  {item.kind === "goal" ? t("goal") : t("measure")} {item.number}
                </span>
                {item.text}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
