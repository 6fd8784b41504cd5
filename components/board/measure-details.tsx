"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import type * as Y from "yjs";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/form";
import { linkMeasureToGoal, setMeasureFields, type Card } from "@/lib/board/board-doc";
import type { MeasureFields } from "@/lib/board/board-schema";
import { measurePriorities, measureStatuses, responsibilityRoles } from "@/lib/domain-values";
import { isAppError } from "@/lib/errors";
import { Options } from "@/components/ui/options";

export interface GoalOption {
  id: string;
  text: string;
}

/**
 * The structured fields of a measure card (responsibilities, target, timeframe, priority,
 * status) and its link to a goal card; editable for writers, a summary for readers.
 */
export function MeasureDetails({
  doc,
  card,
  goals,
  canEdit,
}: {
  doc: Y.Doc;
  card: Card & { measure: MeasureFields };
  goals: GoalOption[];
  canEdit: boolean;
}) {
  const t = useTranslations("board.measure");
  const tEnums = useTranslations("enums");
  const measure = card.measure;
  const [error, setError] = useState<string | null>(null);
  // The form is built only once opened: a board holds hundreds of cards, most never edited.
  const [open, setOpen] = useState(false);
  const goal = goals.find((g) => g.id === card.goalCardId);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const organisations = data.getAll("organisation").map(String);
    const roles = data.getAll("role").map(String);
    try {
      setMeasureFields(doc, card.id, {
        responsibilities: organisations
          .map((organisation, i) => ({ organisation: organisation.trim(), role: roles[i] }))
          .filter((r) => r.organisation),
        target: data.get("target"),
        timeframe: data.get("timeframe"),
        priority: data.get("priority") || null,
        status: data.get("status"),
      });
      const goalCardId = String(data.get("goalCardId") ?? "");
      linkMeasureToGoal(doc, card.id, goalCardId || null);
      setError(null);
    } catch (e) {
      setError(isAppError(e) && e.fields ? Object.keys(e.fields).join(", ") : t("failed"));
    }
  }

  if (!canEdit) {
    return (
      <dl className="mt-2 space-y-0.5 text-xs text-ink/80" data-testid="measure-summary">
        {measure.responsibilities.length ? (
          <div>
            <dt className="inline font-medium">{t("responsible")}: </dt>
            <dd className="inline">
              {measure.responsibilities
                .map((r) => `${r.organisation} (${tEnums(`responsibilityRole.${r.role}`)})`)
                .join(", ")}
            </dd>
          </div>
        ) : null}
        {measure.target ? (
          <div>
            <dt className="inline font-medium">{t("target")}: </dt>
            <dd className="inline">{measure.target}</dd>
          </div>
        ) : null}
        {goal ? (
          <div>
            <dt className="inline font-medium">{t("goal")}: </dt>
            <dd className="inline">{goal.text}</dd>
          </div>
        ) : null}
      </dl>
    );
  }

  const rows = [...measure.responsibilities, { organisation: "", role: "partner" as const }];
  return (
    <details className="mt-2 text-sm" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer text-xs font-medium text-brand-700">
        {t("details")}
        {goal ? ` · ${t("goal")}: ${goal.text.slice(0, 30)}` : ""}
      </summary>
      {open ? (
        <form onSubmit={onSubmit} className="mt-2 space-y-2" aria-label={t("details")}>
          <fieldset className="space-y-1">
            <legend className="text-xs font-medium">{t("responsible")}</legend>
            {rows.map((row, i) => (
              // Organisation above its role: side by side, the role's long option names left
              // the organisation a few letters of a narrow card ("Volk" of "Volkshochschule …").
              <div
                key={`${i}-${row.organisation}`}
                className="space-y-1 border-b border-line pb-1 last:border-b-0"
              >
                <Input
                  name="organisation"
                  defaultValue={row.organisation}
                  aria-label={t("organisation")}
                  placeholder={t("organisation")}
                  title={row.organisation || undefined}
                  className="py-1 text-sm"
                />
                <Select
                  name="role"
                  defaultValue={row.role}
                  aria-label={t("role")}
                  className="py-1 text-sm"
                >
                  <Options
                    values={responsibilityRoles}
                    label={(role) => tEnums(`responsibilityRole.${role}`)}
                  />
                </Select>
              </div>
            ))}
          </fieldset>
          <Input
            name="target"
            defaultValue={measure.target}
            aria-label={t("target")}
            placeholder={t("target")}
            className="py-1 text-sm"
          />
          <Input
            name="timeframe"
            defaultValue={measure.timeframe}
            aria-label={t("timeframe")}
            placeholder={t("timeframe")}
            className="py-1 text-sm"
          />
          <div className="flex gap-1">
            <Select
              name="priority"
              defaultValue={measure.priority ?? ""}
              aria-label={t("priority")}
              className="py-1 text-sm"
            >
              <option value="">{t("noPriority")}</option>
              <Options values={measurePriorities} label={(p) => tEnums(`measurePriority.${p}`)} />
            </Select>
            <Select
              name="status"
              defaultValue={measure.status}
              aria-label={t("status")}
              className="py-1 text-sm"
            >
              <Options values={measureStatuses} label={(s) => tEnums(`measureStatus.${s}`)} />
            </Select>
          </div>
          <Select
            name="goalCardId"
            defaultValue={card.goalCardId ?? ""}
            aria-label={t("goal")}
            className="py-1 text-sm"
          >
            <option value="">{t("noGoal")}</option>
            {goals.map((g) => (
              <option key={g.id} value={g.id}>
                {g.text.slice(0, 60)}
              </option>
            ))}
          </Select>
          {error ? (
            <p role="alert" className="text-xs text-red-700">
              {t("invalid", { fields: error })}
            </p>
          ) : null}
          <Button type="submit" variant="secondary" className="min-h-8 px-3 py-1">
            {t("save")}
          </Button>
        </form>
      ) : null}
    </details>
  );
}
