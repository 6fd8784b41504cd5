"use client";

import { useTranslations } from "next-intl";
import {
  saveGoalAction,
  saveMeasureAction,
} from "@/app/(main)/concepts/[conceptId]/measures/actions";
import { Button } from "@/components/ui/button";
import { FormField, Input, Select, Textarea } from "@/components/ui/form";
import { FormError, useFieldError } from "@/components/ui/form-feedback";
import { Options } from "@/components/ui/options";
import type { GoalContent, MeasureContent } from "@/lib/concept/load-concept-content";
import { measurePriorities, measureStatuses, responsibilityRoles } from "@/lib/domain-values";
import { useRevisionForm } from "./use-revision-form";

/** A measure's editable attributes; saving records a revision. */
export function MeasureEditForm({
  conceptId,
  measure,
  baseRevision,
}: {
  conceptId: string;
  measure: MeasureContent;
  /** The revision the page loaded the measure at. */
  baseRevision: number;
}) {
  const t = useTranslations();
  const { state, action, onSubmit, pending, baseRevisionInput } = useRevisionForm(
    saveMeasureAction,
    baseRevision,
  );
  const error = useFieldError(state);
  const names = (role: (typeof responsibilityRoles)[number]) =>
    measure.responsibilities
      .filter((r) => r.role === role)
      .map((r) => r.organisationName)
      .join(", ");
  const text = (name: "title" | "target" | "timeframe" | "costNote", max: number) => (
    <FormField id={`measure-${name}`} label={t(`history.attributes.${name}`)} error={error(name)}>
      {(props) => <Input {...props} name={name} defaultValue={measure[name]} maxLength={max} />}
    </FormField>
  );
  return (
    <form
      action={action}
      onSubmit={onSubmit}
      className="space-y-4"
      noValidate
      aria-label={measure.title}
    >
      <input type="hidden" name="conceptId" value={conceptId} />
      <input type="hidden" name="measureId" value={measure.id} />
      {baseRevisionInput}
      <FormError state={state} />
      {text("title", 300)}
      <FormField
        id="measure-description"
        label={t("history.attributes.description")}
        error={error("description")}
      >
        {(props) => (
          <Textarea
            {...props}
            name="description"
            defaultValue={measure.description}
            maxLength={4000}
          />
        )}
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        {text("target", 500)}
        {text("timeframe", 200)}
        <FormField
          id="measure-status"
          label={t("history.attributes.status")}
          error={error("status")}
        >
          {(props) => (
            <Select {...props} name="status" defaultValue={measure.status}>
              <Options values={measureStatuses} label={(s) => t(`enums.measureStatus.${s}`)} />
            </Select>
          )}
        </FormField>
        <FormField
          id="measure-priority"
          label={t("history.attributes.priority")}
          error={error("priority")}
        >
          {(props) => (
            <Select {...props} name="priority" defaultValue={measure.priority ?? ""}>
              <option value="">{t("measure.noPriority")}</option>
              <Options values={measurePriorities} label={(p) => t(`enums.measurePriority.${p}`)} />
            </Select>
          )}
        </FormField>
      </div>
      {responsibilityRoles.map((role) => (
        <FormField
          key={role}
          id={`measure-${role}`}
          label={t(`enums.responsibilityRole.${role}`)}
          hint={t("measure.organisationsHint")}
          error={error(role)}
        >
          {(props) => <Input {...props} name={role} defaultValue={names(role)} />}
        </FormField>
      ))}
      {text("costNote", 1000)}
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="needsBudgetDecision"
          defaultChecked={measure.needsBudgetDecision}
        />
        {t("history.attributes.needsBudgetDecision")}
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="retired" defaultChecked={measure.retired} />
        {t("measure.retire")}
      </label>
      <Button type="submit" disabled={pending}>
        {t("common.save")}
      </Button>
    </form>
  );
}

/** A goal's text, or retiring it (its number stays taken); saving records a revision. */
export function GoalEditForm({
  conceptId,
  goal,
  baseRevision,
}: {
  conceptId: string;
  goal: GoalContent;
  /** The revision the page loaded the goal at. */
  baseRevision: number;
}) {
  const t = useTranslations();
  const { state, action, onSubmit, pending, baseRevisionInput } = useRevisionForm(
    saveGoalAction,
    baseRevision,
  );
  const error = useFieldError(state);
  return (
    <form
      action={action}
      onSubmit={onSubmit}
      className="space-y-4"
      noValidate
      aria-label={goal.text}
    >
      <input type="hidden" name="conceptId" value={conceptId} />
      <input type="hidden" name="goalId" value={goal.id} />
      {baseRevisionInput}
      <FormError state={state} />
      <FormField id="goal-text" label={t("history.attributes.text")} error={error("text")}>
        {(props) => <Textarea {...props} name="text" defaultValue={goal.text} maxLength={1000} />}
      </FormField>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="retired" defaultChecked={goal.retired} />
        {t("measure.retireGoal")}
      </label>
      <Button type="submit" disabled={pending}>
        {t("common.save")}
      </Button>
    </form>
  );
}
