"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createWorkshopAction } from "@/app/(main)/concepts/[conceptId]/workshops/actions";
import { Button } from "@/components/ui/button";
import { FormField, Input, Select } from "@/components/ui/form";
import { FormError, useFieldError } from "@/components/ui/form-feedback";
import { idleState } from "@/lib/forms/action-state";
import { Options } from "@/components/ui/options";

const kinds = [
  "workshop",
  "working_group",
  "network_meeting",
  "integration_conference",
  "steering_group",
] as const;

export function WorkshopForm({
  conceptId,
  fields,
}: {
  conceptId: string;
  fields: Array<{ id: string; number: number; title: string }>;
}) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(createWorkshopAction, idleState);
  const fieldError = useFieldError(state);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="conceptId" value={conceptId} />
      <FormError state={state} />
      <FormField id="workshop-title" label={t("workshops.title")} error={fieldError("title")}>
        {(props) => <Input {...props} name="title" required maxLength={200} />}
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="workshop-kind" label={t("workshops.kind")} error={fieldError("kind")}>
          {(props) => (
            <Select {...props} name="kind" defaultValue="working_group">
              <Options values={kinds} label={(kind) => t(`enums.workshopKind.${kind}`)} />
            </Select>
          )}
        </FormField>
        <FormField id="workshop-date" label={t("workshops.date")} error={fieldError("date")}>
          {(props) => <Input {...props} name="date" type="date" required />}
        </FormField>
        <FormField
          id="workshop-facilitator"
          label={t("workshops.facilitator")}
          error={fieldError("facilitator")}
        >
          {(props) => <Input {...props} name="facilitator" required maxLength={200} />}
        </FormField>
        <FormField
          id="workshop-location"
          label={t("workshops.location")}
          error={fieldError("location")}
        >
          {(props) => <Input {...props} name="location" maxLength={200} />}
        </FormField>
      </div>
      <fieldset
        className="space-y-2"
        aria-describedby={fieldError("fieldIds") ? "workshop-fields-error" : undefined}
      >
        <legend className="text-sm font-medium">{t("workshops.fields")}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {fields.map((field) => (
            <label key={field.id} className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="fieldIds" value={field.id} className="mt-1" />
              <span>
                <span className="font-semibold text-brand-700">{field.number}</span> {field.title}
              </span>
            </label>
          ))}
        </div>
        {fieldError("fieldIds") ? (
          <p id="workshop-fields-error" className="text-sm text-red-700">
            {fieldError("fieldIds")}
          </p>
        ) : null}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {t("workshops.create")}
      </Button>
    </form>
  );
}
