"use client";

import { useTranslations } from "next-intl";
import { useRevisionForm } from "./use-revision-form";
import { addFieldAction, saveFieldAction } from "@/app/(main)/concepts/[conceptId]/fields/actions";
import { Button } from "@/components/ui/button";
import { FormField, Input, Textarea } from "@/components/ui/form";
import { FormError, useFieldError } from "@/components/ui/form-feedback";

interface FieldValues {
  id: string;
  number: number;
  title: string;
  strategicGoal: string;
  prioritisedUntil: string | null;
}

/** Edits one field of action, or (without `field`) appends a new one. */
export function FieldForm({
  conceptId,
  field,
  baseRevision,
}: {
  conceptId: string;
  field?: FieldValues;
  /** The revision the page loaded the fields at. */
  baseRevision: number;
}) {
  const t = useTranslations();
  const { state, action, onSubmit, pending, baseRevisionInput } = useRevisionForm(
    field ? saveFieldAction : addFieldAction,
    baseRevision,
  );
  const fieldError = useFieldError(state);
  const prefix = field ? `field-${field.number}` : "new-field";
  return (
    <form
      action={action}
      // A new field's form empties after adding, as React resets it; an edit keeps its input.
      onSubmit={field ? onSubmit : undefined}
      className="space-y-4"
      noValidate
      aria-label={field ? `${field.number} ${field.title}` : t("fields.add")}
    >
      <input type="hidden" name="conceptId" value={conceptId} />
      {field ? <input type="hidden" name="fieldId" value={field.id} /> : null}
      {field ? baseRevisionInput : null}
      <FormError state={state} />
      <FormField id={`${prefix}-title`} label={t("fields.title")} error={fieldError("title")}>
        {(props) => (
          <Input {...props} name="title" defaultValue={field?.title} required maxLength={200} />
        )}
      </FormField>
      <FormField
        id={`${prefix}-strategic-goal`}
        label={t("concept.strategicGoal")}
        error={fieldError("strategicGoal")}
      >
        {(props) => (
          <Textarea
            {...props}
            name="strategicGoal"
            defaultValue={field?.strategicGoal}
            maxLength={2000}
          />
        )}
      </FormField>
      <FormField
        id={`${prefix}-prioritised`}
        label={t("fields.prioritisedUntil")}
        hint={t("fields.prioritisedHint")}
        error={fieldError("prioritisedUntil")}
      >
        {(props) => (
          <Input
            {...props}
            name="prioritisedUntil"
            type="date"
            defaultValue={field?.prioritisedUntil ?? ""}
            className="max-w-48"
          />
        )}
      </FormField>
      <Button type="submit" disabled={pending} variant={field ? "secondary" : "primary"}>
        {field ? t("common.save") : t("fields.add")}
      </Button>
    </form>
  );
}
