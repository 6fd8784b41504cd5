"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Badge, EmptyState } from "@/components/ui/card";
import { Alert } from "@/components/ui/form";
import type { ChapterSummary } from "@/lib/chapter/chapters";

const STATUS_TONE = { draft: "neutral", in_review: "amber", final: "green" } as const;

/** The chapters of a concept from GET /chapters (viewers get only final ones from the server). */
export function ChapterList({ conceptId, canEdit }: { conceptId: string; canEdit: boolean }) {
  const t = useTranslations("chapter");
  const format = useFormatter();
  const [chapters, setChapters] = useState<ChapterSummary[] | null | "failed">(null);
  useEffect(() => {
    let cancelled = false;
    void fetch(`/api/concepts/${conceptId}/chapters`, { cache: "no-store" })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        const list = (await response.json()) as ChapterSummary[];
        if (!cancelled) setChapters(list);
      })
      .catch(() => !cancelled && setChapters("failed"));
    return () => {
      cancelled = true;
    };
  }, [conceptId]);

  if (chapters === null) return <p className="text-muted">{t("list.loading")}</p>;
  if (chapters === "failed") return <Alert>{t("list.failed")}</Alert>;
  if (chapters.length === 0)
    return <EmptyState>{canEdit ? t("list.empty") : t("list.emptyViewer")}</EmptyState>;
  return (
    <ol
      className="divide-y divide-line rounded-lg border border-line bg-white"
      data-testid="chapter-list"
    >
      {chapters.map((chapter) => (
        <li key={chapter.id} className="p-4" data-testid="chapter-row" data-status={chapter.status}>
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <Link
              href={`/concepts/${conceptId}/chapters/${chapter.id}`}
              className="font-medium text-brand-700 hover:underline"
            >
              {chapter.title}
            </Link>
            <Badge tone={STATUS_TONE[chapter.status]}>{t(`status.${chapter.status}`)}</Badge>
          </div>
          <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted">
            {chapter.lastEditedBy && chapter.lastEditedAt ? (
              <span>
                {t("list.lastEdited", {
                  name: chapter.lastEditedBy,
                  date: format.dateTime(new Date(chapter.lastEditedAt), {
                    dateStyle: "medium",
                    timeStyle: "short",
                  }),
                })}
              </span>
            ) : null}
            {canEdit && chapter.openComments !== undefined ? (
              <span data-testid="open-comments">
                {t("list.openComments", { count: chapter.openComments })}
              </span>
            ) : null}
            {chapter.review ? (
              <span data-testid="sign-offs">
                {t("list.signOffs", {
                  approved: chapter.review.approved,
                  reviewers: chapter.review.reviewers,
                  changes: chapter.review.changesRequested,
                })}
              </span>
            ) : null}
            {chapter.latestVersion !== null ? (
              <span>{t("list.latestVersion", { version: chapter.latestVersion })}</span>
            ) : null}
          </p>
        </li>
      ))}
    </ol>
  );
}
