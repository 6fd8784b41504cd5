"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type * as Y from "yjs";
import { RevisionDiff } from "@/components/concept/revision-diff";
import { Button } from "@/components/ui/button";
import { Alert, Input } from "@/components/ui/form";
import { getCards, getLanes } from "@/lib/board/board-doc";
import type { CommitResult } from "@/lib/commit/commit-board";
import { useDocVersion } from "@/components/sync/use-synced-doc";

type Phase =
  | { step: "select" }
  | { step: "review"; preview: CommitResult; base: number }
  | { step: "done"; revision: number }
  | { step: "error"; message: string; conflict: boolean };

/**
 * Moderators commit goal and measure cards into the concept: pick cards (or whole lanes), review
 * exactly what will be added or changed, then commit it as one revision with a message.
 */
export function CommitPanel({
  doc,
  workshopId,
  conceptId,
  defaultMessage,
}: {
  doc: Y.Doc;
  workshopId: string;
  conceptId: string;
  defaultMessage: string;
}) {
  const t = useTranslations("board.commit");
  const tErrors = useTranslations("errors");
  useDocVersion(doc);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState(defaultMessage);
  const [phase, setPhase] = useState<Phase>({ step: "select" });
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <section aria-labelledby="commit-heading" className="space-y-2" data-testid="commit-panel">
        <h2 id="commit-heading" className="font-semibold">
          {t("heading")}
        </h2>
        <p className="text-sm text-muted">{t("intro")}</p>
        <Button variant="secondary" onClick={() => setOpen(true)}>
          {t("open")}
        </Button>
      </section>
    );
  const committable = getCards(doc).filter((c) => c.kind === "goal" || c.kind === "measure");
  const lanes = getLanes(doc)
    .map((lane) => ({ lane, cards: committable.filter((c) => c.laneId === lane.id) }))
    .filter(({ cards }) => cards.length > 0);

  const toggle = (ids: string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  async function send(dryRun: boolean, base?: number) {
    setBusy(true);
    try {
      const response = await fetch(`/api/workshops/${workshopId}/commit`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ cardIds: [...selected], message, dryRun, baseRevision: base }),
      });
      const body = (await response.json()) as CommitResult & {
        error?: string;
        fields?: Record<string, string>;
      };
      if (!response.ok) {
        const conflict = body.error === "conflict:revision";
        const problem = body.fields ? Object.values(body.fields)[0] : undefined;
        setPhase({
          step: "error",
          conflict,
          message: conflict
            ? t("conflict")
            : problem && t.has(`problems.${problem}`)
              ? t(`problems.${problem}`)
              : tErrors(`kinds.${(body.error ?? "internal").split(":")[0] as "internal"}`),
        });
      } else if (dryRun) {
        setPhase({ step: "review", preview: body, base: body.revision - 1 });
      } else {
        setPhase({ step: "done", revision: body.revision });
        setSelected(new Set());
      }
    } catch {
      setPhase({ step: "error", conflict: false, message: tErrors("kinds.internal") });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="commit-heading" className="space-y-3" data-testid="commit-panel">
      <h2 id="commit-heading" className="font-semibold">
        {t("heading")}
      </h2>
      {lanes.length === 0 ? (
        <p className="text-sm text-muted">{t("nothing")}</p>
      ) : (
        <div className="max-h-72 space-y-3 overflow-y-auto rounded-md border border-line p-3">
          {lanes.map(({ lane, cards }) => {
            const all = cards.every((c) => selected.has(c.id));
            return (
              <fieldset key={lane.id} className="space-y-1">
                <legend className="text-sm font-medium">
                  <label className="flex items-center gap-2">
                    <input
                      type="checkbox"
                      checked={all}
                      onChange={(e) =>
                        toggle(
                          cards.map((c) => c.id),
                          e.target.checked,
                        )
                      }
                    />
                    {t("wholeLane", { lane: lane.title })}
                  </label>
                </legend>
                {cards.map((card) => (
                  <label key={card.id} className="ml-6 flex items-start gap-2 text-sm">
                    <input
                      type="checkbox"
                      className="mt-1"
                      checked={selected.has(card.id)}
                      onChange={(e) => toggle([card.id], e.target.checked)}
                    />
                    <span>
                      <span className="text-muted">{t(`kinds.${card.kind as "goal"}`)}:</span>{" "}
                      {card.text || "–"}
                    </span>
                  </label>
                ))}
              </fieldset>
            );
          })}
        </div>
      )}
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t("message")}
        <Input value={message} maxLength={500} onChange={(e) => setMessage(e.target.value)} />
      </label>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          disabled={busy || selected.size === 0 || !message.trim()}
          onClick={() => send(true)}
        >
          {t("review")}
        </Button>
        {phase.step === "review" ? (
          <Button disabled={busy} onClick={() => send(false, phase.base)}>
            {t("commit", { count: phase.preview.diff.items.length })}
          </Button>
        ) : null}
      </div>
      {phase.step === "review" ? (
        <div className="space-y-2" data-testid="commit-review">
          <p className="text-sm">{t("reviewIntro", { revision: phase.preview.revision })}</p>
          {phase.preview.skipped.length ? (
            <p className="text-sm text-muted">
              {t("skipped", { count: phase.preview.skipped.length })}
            </p>
          ) : null}
          <RevisionDiff diff={phase.preview.diff} />
        </div>
      ) : null}
      {phase.step === "done" ? (
        <Alert tone="success">
          {t("done", { revision: phase.revision })}{" "}
          <a href={`/concepts/${conceptId}/history`} className="font-medium underline">
            {t("toHistory")}
          </a>{" "}
          ·{" "}
          <a href={`/concepts/${conceptId}/measures`} className="font-medium underline">
            {t("toCatalogue")}
          </a>
        </Alert>
      ) : null}
      {phase.step === "error" ? (
        <Alert>
          {phase.message}{" "}
          {phase.conflict ? (
            <button type="button" className="font-medium underline" onClick={() => send(true)}>
              {t("refresh")}
            </button>
          ) : null}
        </Alert>
      ) : null}
    </section>
  );
}
