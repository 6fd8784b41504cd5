"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { Alert, Select } from "@/components/ui/form";
import { cn } from "@/components/ui/cn";
import { VersionHtml } from "./version-html";

interface VersionSummary {
  version: number;
  kind: "check_back" | "final" | "draft";
  createdAt: string;
  frozenBy: string | null;
  revision: number | null;
}

interface DiffPart {
  kind: "same" | "added" | "removed";
  text: string;
}
interface DiffBlock {
  kind: "same" | "added" | "removed" | "changed";
  parts: DiffPart[];
}

type Message = { tone: "success" | "error"; text: string } | null;

/**
 * The versions of one chapter: the list, one version's text, a diff of any two (or one with the
 * current draft), and restoring one as the new draft after a confirmation.
 */
export function ChapterVersions({ base, names }: { base: string; names: Record<string, string> }) {
  const t = useTranslations("chapter.versions");
  const format = useFormatter();
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [viewing, setViewing] = useState<{ version: number; html: string } | null>(null);
  const [from, setFrom] = useState<string>("");
  const [to, setTo] = useState<string>("current");
  const [diff, setDiff] = useState<DiffBlock[] | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [restoring, setRestoring] = useState<number | null>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);

  const load = useCallback(async () => {
    const response = await fetch(`${base}/versions`, { cache: "no-store" }).catch(() => null);
    if (!response?.ok) return setMessage({ tone: "error", text: t("failed") });
    const list = (await response.json()) as VersionSummary[];
    setVersions(list);
    setFrom((current) => current || String(list.at(-1)?.version ?? ""));
  }, [base, t]);
  useEffect(() => {
    const first = window.setTimeout(load, 0);
    return () => window.clearTimeout(first);
  }, [load]);

  const view = async (version: number) => {
    const response = await fetch(`${base}/versions/${version}`, { cache: "no-store" }).catch(
      () => null,
    );
    if (!response?.ok) return setMessage({ tone: "error", text: t("failed") });
    const body = (await response.json()) as { html: string };
    setViewing({ version, html: body.html });
  };
  const compare = async () => {
    if (!from) return;
    const response = await fetch(`${base}/diff?from=${from}&to=${to}`, {
      cache: "no-store",
    }).catch(() => null);
    if (!response?.ok) return setMessage({ tone: "error", text: t("failed") });
    setDiff(((await response.json()) as { blocks: DiffBlock[] }).blocks);
  };
  const askRestore = (version: number) => {
    setRestoring(version);
    dialogRef.current?.showModal();
  };
  const restore = async () => {
    dialogRef.current?.close();
    if (restoring === null) return;
    const response = await fetch(`${base}/versions/${restoring}/restore`, {
      method: "POST",
    }).catch(() => null);
    if (!response?.ok) return setMessage({ tone: "error", text: t("restoreFailed") });
    const { kept } = (await response.json()) as { kept: number };
    setMessage({ tone: "success", text: t("restored", { version: restoring, kept }) });
    setRestoring(null);
    await load();
  };

  const label = (v: VersionSummary) =>
    `${t("version", { version: v.version })} · ${t(`kind.${v.kind}`)} · ${format.dateTime(
      new Date(v.createdAt),
      { dateStyle: "medium", timeStyle: "short" },
    )}`;

  if (versions === null)
    return message ? <Alert>{message.text}</Alert> : <p className="text-muted">{t("loading")}</p>;
  return (
    <div className="space-y-8">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {versions.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <>
          <section aria-labelledby="versions-list-heading" className="space-y-3">
            <h3 id="versions-list-heading" className="text-lg font-semibold">
              {t("listHeading")}
            </h3>
            <ol className="space-y-2">
              {[...versions].reverse().map((v) => (
                <li key={v.version}>
                  <Card
                    className="flex flex-wrap items-center justify-between gap-3 p-4"
                    data-testid="chapter-version"
                  >
                    <div className="min-w-0">
                      <p className="flex flex-wrap items-center gap-2 font-medium">
                        {t("version", { version: v.version })}
                        <Badge
                          tone={
                            v.kind === "final"
                              ? "green"
                              : v.kind === "check_back"
                                ? "amber"
                                : "neutral"
                          }
                        >
                          {t(`kind.${v.kind}`)}
                        </Badge>
                      </p>
                      <p className="text-sm text-muted">
                        {format.dateTime(new Date(v.createdAt), {
                          dateStyle: "medium",
                          timeStyle: "short",
                        })}
                        {v.frozenBy ? ` · ${names[v.frozenBy] ?? t("unknownPerson")}` : ""}
                      </p>
                    </div>
                    <div className="flex flex-wrap gap-2">
                      <Button
                        variant="secondary"
                        aria-pressed={viewing?.version === v.version}
                        onClick={() => view(v.version)}
                        aria-label={t("viewVersion", { version: v.version })}
                      >
                        {t("view")}
                      </Button>
                      <Button
                        variant="secondary"
                        onClick={() => askRestore(v.version)}
                        aria-label={t("restoreVersion", { version: v.version })}
                      >
                        {t("restore")}
                      </Button>
                    </div>
                  </Card>
                </li>
              ))}
            </ol>
          </section>

          {viewing ? (
            <section aria-labelledby="version-view-heading" className="space-y-3">
              <h3 id="version-view-heading" className="text-lg font-semibold">
                {t("viewHeading", { version: viewing.version })}
              </h3>
              <VersionHtml html={viewing.html} />
            </section>
          ) : null}

          <section aria-labelledby="compare-heading" className="space-y-3">
            <h3 id="compare-heading" className="text-lg font-semibold">
              {t("compareHeading")}
            </h3>
            <div className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
              <label className="flex min-w-0 flex-col gap-1 text-sm font-medium">
                {t("from")}
                <Select value={from} onChange={(event) => setFrom(event.target.value)}>
                  {versions.map((v) => (
                    <option key={v.version} value={v.version}>
                      {label(v)}
                    </option>
                  ))}
                </Select>
              </label>
              <label className="flex min-w-0 flex-col gap-1 text-sm font-medium">
                {t("to")}
                <Select value={to} onChange={(event) => setTo(event.target.value)}>
                  <option value="current">{t("current")}</option>
                  {versions.map((v) => (
                    <option key={v.version} value={v.version}>
                      {label(v)}
                    </option>
                  ))}
                </Select>
              </label>
              <Button variant="secondary" onClick={compare}>
                {t("compare")}
              </Button>
            </div>
            {diff ? <ChapterDiff blocks={diff} /> : null}
          </section>
        </>
      )}
      <dialog
        ref={dialogRef}
        aria-labelledby="restore-title"
        className="m-auto w-[min(28rem,92vw)] rounded-lg border border-line p-5 shadow-xl backdrop:bg-ink/30"
      >
        <h2 id="restore-title" className="text-lg font-semibold">
          {t("confirmTitle", { version: restoring ?? 0 })}
        </h2>
        <p className="mt-2 text-sm text-muted">{t("confirmBody")}</p>
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => dialogRef.current?.close()}>
            {t("cancel")}
          </Button>
          <Button onClick={restore}>{t("confirm")}</Button>
        </div>
      </dialog>
    </div>
  );
}

/** A paragraph-then-word diff: insertions underlined green, deletions struck through red. */
function ChapterDiff({ blocks }: { blocks: DiffBlock[] }) {
  const t = useTranslations("chapter.versions");
  if (!blocks.some((b) => b.kind !== "same")) return <p className="text-muted">{t("noChanges")}</p>;
  return (
    <div
      className="space-y-2 rounded-lg border border-line bg-white p-4 text-sm leading-6"
      data-testid="chapter-diff"
    >
      <p className="flex flex-wrap gap-3 text-xs text-muted">
        <span>
          <ins className="bg-emerald-50 text-emerald-900">{t("legendAdded")}</ins>
        </span>
        <span>
          <del className="bg-red-50 text-red-900">{t("legendRemoved")}</del>
        </span>
      </p>
      {blocks.map((block, index) => (
        <p
          key={index}
          data-kind={block.kind}
          className={cn(
            "rounded px-2 py-1",
            block.kind === "added" && "bg-emerald-50",
            block.kind === "removed" && "bg-red-50",
            block.kind === "same" && "text-muted",
          )}
        >
          {block.parts.map((part, i) =>
            part.kind === "added" ? (
              <ins key={i} className="bg-emerald-100 text-emerald-900 underline">
                {part.text}
              </ins>
            ) : part.kind === "removed" ? (
              <del key={i} className="bg-red-100 text-red-900">
                {part.text}
              </del>
            ) : (
              <span key={i}>{part.text}</span>
            ),
          )}
        </p>
      ))}
    </div>
  );
}
