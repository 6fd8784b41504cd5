"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Alert } from "@/components/ui/form";
import { useErrorMessage } from "@/components/ui/form-feedback";

const formats = ["docx", "pdf", "md"] as const;
type Format = (typeof formats)[number];

type State =
  | { status: "idle" }
  | { status: "working" }
  | { status: "done"; fileName: string }
  | { status: "error"; code: string };

/** The file name the server chose: RFC 5987 `filename*` first, else the plain one. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? "")?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="([^"]+)"/.exec(disposition ?? "")?.[1] ?? fallback;
}

/**
 * "Exportieren" on the concept page: format, final or draft (draft only for those who may read
 * drafts), the chapters that have no final version yet, a progress state while the server
 * writes the file, then the download.
 */
export function ExportPanel({
  conceptId,
  canExportDraft,
  missing,
  revision,
}: {
  conceptId: string;
  canExportDraft: boolean;
  /** Titles of chapters without a final version. */
  missing: string[];
  /** Export the concept as of this revision (viewing a past revision). */
  revision: number | null;
}) {
  const t = useTranslations("export");
  const errorMessage = useErrorMessage();
  const id = useId();
  const [format, setFormat] = useState<Format>("docx");
  const [draft, setDraft] = useState(false);
  const [state, setState] = useState<State>({ status: "idle" });

  async function download() {
    setState({ status: "working" });
    const query = new URLSearchParams({ format });
    if (draft) query.set("draft", "1");
    if (revision !== null) query.set("revision", String(revision));
    try {
      const response = await fetch(`/api/concepts/${conceptId}/export?${query}`);
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { error?: string };
        setState({ status: "error", code: body.error ?? "internal:server" });
        return;
      }
      const fileName = fileNameOf(response.headers.get("content-disposition"), `konzept.${format}`);
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState({ status: "done", fileName });
    } catch {
      setState({ status: "error", code: "internal:network" });
    }
  }

  const working = state.status === "working";
  const radio =
    "mt-0.5 h-4 w-4 shrink-0 accent-brand-700 focus-visible:outline-2 focus-visible:outline-brand-700";

  return (
    <Card aria-labelledby={`${id}-heading`} className="space-y-4">
      <div>
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          {t("heading")}
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-muted">{t("intro")}</p>
      </div>
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          void download();
        }}
      >
        <div className="flex flex-wrap gap-x-8 gap-y-4">
          <fieldset className="space-y-2" disabled={working}>
            <legend className="mb-1 text-sm font-medium">{t("format")}</legend>
            {formats.map((value) => (
              <label key={value} className="flex items-start gap-2 text-sm">
                <input
                  type="radio"
                  name="format"
                  value={value}
                  checked={format === value}
                  onChange={() => setFormat(value)}
                  className={radio}
                />
                {t(`formats.${value}`)}
              </label>
            ))}
          </fieldset>
          {canExportDraft ? (
            <fieldset className="max-w-md space-y-2" disabled={working}>
              <legend className="mb-1 text-sm font-medium">{t("version")}</legend>
              {[false, true].map((value) => (
                <label key={String(value)} className="flex items-start gap-2 text-sm">
                  <input
                    type="radio"
                    name="version"
                    value={value ? "draft" : "final"}
                    checked={draft === value}
                    onChange={() => setDraft(value)}
                    aria-describedby={`${id}-${value ? "draft" : "final"}-hint`}
                    className={radio}
                  />
                  <span>
                    {t(value ? "draft" : "final")}
                    <span
                      id={`${id}-${value ? "draft" : "final"}-hint`}
                      className="block text-muted"
                    >
                      {t(value ? "draftHint" : "finalHint")}
                    </span>
                  </span>
                </label>
              ))}
            </fieldset>
          ) : null}
        </div>
        {!draft && missing.length ? (
          <div className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
            <p id={`${id}-missing`}>{t("missing", { count: missing.length })}</p>
            <ul aria-labelledby={`${id}-missing`} className="mt-2 flex flex-wrap gap-1.5">
              {missing.map((title) => (
                <li key={title} className="rounded border border-amber-200 bg-white px-2 py-0.5">
                  {title}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {revision !== null ? (
          <p className="text-sm text-muted">{t("revision", { number: revision })}</p>
        ) : null}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={working} aria-describedby={`${id}-status`}>
            {working ? (
              <span
                aria-hidden="true"
                className="h-4 w-4 animate-spin rounded-full border-2 border-white/40 border-t-white"
              />
            ) : null}
            {t("submit")}
          </Button>
          <p id={`${id}-status`} role="status" className="text-sm text-muted">
            {working
              ? t("working")
              : state.status === "done"
                ? t("done", { fileName: state.fileName })
                : ""}
          </p>
        </div>
        {state.status === "error" ? <Alert>{errorMessage(state.code)}</Alert> : null}
      </form>
    </Card>
  );
}
