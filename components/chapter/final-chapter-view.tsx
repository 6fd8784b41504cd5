"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { EmptyState } from "@/components/ui/card";
import { VersionHtml } from "./version-html";

interface VersionSummary {
  version: number;
  kind: "check_back" | "final" | "draft";
}

/**
 * What a viewer (council) reads of a chapter: its latest final version as rendered HTML from the
 * server; the draft never reaches them.
 */
export function FinalChapterView({
  conceptId,
  chapterId,
}: {
  conceptId: string;
  chapterId: string;
}) {
  const t = useTranslations("chapter");
  const [html, setHtml] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    const base = `/api/concepts/${conceptId}/chapters/${chapterId}/versions`;
    void (async () => {
      try {
        const list = await fetch(base, { cache: "no-store" });
        const versions = list.ok ? ((await list.json()) as VersionSummary[]) : [];
        const final = versions
          .filter((v) => v.kind === "final")
          .sort((a, b) => b.version - a.version)[0];
        if (!final) return !cancelled && setHtml(null);
        const response = await fetch(`${base}/${final.version}`, { cache: "no-store" });
        const body = response.ok ? ((await response.json()) as { html: string }) : null;
        if (!cancelled) setHtml(body?.html ?? null);
      } catch {
        if (!cancelled) setHtml(null);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [conceptId, chapterId]);
  if (html === undefined) return <p className="text-muted">{t("loading")}</p>;
  if (html === null) return <EmptyState>{t("noFinalVersion")}</EmptyState>;
  return <VersionHtml html={html} />;
}
