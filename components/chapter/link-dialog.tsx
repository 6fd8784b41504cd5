"use client";

import type { Editor } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useId, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/form";
import { cn } from "@/components/ui/cn";
import { isAllowedHref } from "@/lib/chapter/links";

/** The toolbar's link button and its dialog: a web or e-mail address, nothing else. */
export function LinkDialog({
  editor,
  disabled,
  active,
}: {
  editor: Editor;
  disabled: boolean;
  active: boolean;
}) {
  const t = useTranslations("chapter.link");
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [href, setHref] = useState("");
  const [error, setError] = useState(false);
  const errorId = useId();

  const open = () => {
    setHref(String(editor.getAttributes("link").href ?? ""));
    setError(false);
    dialogRef.current?.showModal();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = href.trim();
    if (!isAllowedHref(value)) return setError(true);
    dialogRef.current?.close();
    editor.chain().focus().extendMarkRange("link").setLink({ href: value }).run();
  };
  const remove = () => {
    dialogRef.current?.close();
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
  };

  return (
    <>
      <button
        type="button"
        data-toolbar-item=""
        tabIndex={-1}
        title={t("button")}
        aria-label={t("button")}
        aria-pressed={active}
        aria-haspopup="dialog"
        disabled={disabled}
        onMouseDown={(event) => event.preventDefault()}
        onClick={open}
        className={cn(
          "inline-flex min-h-9 min-w-9 items-center justify-center rounded px-2 text-sm text-ink hover:bg-canvas disabled:cursor-not-allowed disabled:text-muted/60",
          active && "bg-brand-50 text-brand-800",
        )}
      >
        {t("short")}
      </button>
      <dialog
        ref={dialogRef}
        aria-labelledby={`${errorId}-title`}
        className="m-auto w-[min(28rem,92vw)] rounded-lg border border-line p-5 shadow-xl backdrop:bg-ink/30"
      >
        <form onSubmit={submit} className="space-y-4" noValidate>
          <h2 id={`${errorId}-title`} className="text-lg font-semibold">
            {t("title")}
          </h2>
          <label className="flex flex-col gap-1 text-sm font-medium">
            {t("url")}
            <Input
              type="url"
              inputMode="url"
              value={href}
              placeholder="https://"
              onChange={(event) => {
                setHref(event.target.value);
                setError(false);
              }}
              aria-invalid={error}
              aria-describedby={error ? errorId : undefined}
            />
          </label>
          {error ? (
            <p id={errorId} role="alert" className="text-sm text-red-700">
              {t("invalid")}
            </p>
          ) : null}
          <div className="flex flex-wrap justify-end gap-2">
            {active ? (
              <Button variant="danger" onClick={remove}>
                {t("remove")}
              </Button>
            ) : null}
            <Button variant="secondary" onClick={() => dialogRef.current?.close()}>
              {t("cancel")}
            </Button>
            <Button type="submit">{t("save")}</Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
