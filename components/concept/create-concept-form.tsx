"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createConceptAction } from "@/app/(main)/concepts/new/actions";
import { Button } from "@/components/ui/button";
import { FormField, Input, Select } from "@/components/ui/form";
import { conceptTemplates } from "@/lib/concept/templates";
import { idleState } from "@/lib/forms/action-state";
import { FormError, useFieldError } from "@/components/ui/form-feedback";
import { Options } from "@/components/ui/options";

const types = ["action_plan", "integration_concept", "framework_plan"] as const;

export function CreateConceptForm() {
  const t = useTranslations();
  const [state, action, pending] = useActionState(createConceptAction, idleState);
  const fieldError = useFieldError(state);
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormError state={state} />
      <FormField id="title" label={t("concept.fields.title")} error={fieldError("title")}>
        {(props) => <Input {...props} name="title" required maxLength={200} />}
      </FormField>
      <FormField id="type" label={t("concept.fields.type")} error={fieldError("type")}>
        {(props) => (
          <Select {...props} name="type" defaultValue="action_plan">
            <Options values={types} label={(type) => t(`enums.conceptType.${type}`)} />
          </Select>
        )}
      </FormField>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("concept.fields.template")}</legend>
        {conceptTemplates.map((template, i) => (
          <label
            key={template}
            className="flex items-start gap-3 rounded-md border border-line bg-white p-3"
          >
            <input
              type="radio"
              name="template"
              value={template}
              defaultChecked={i === 0}
              className="mt-1"
            />
            <span>
              <span className="block font-medium">{t(`concept.templates.${template}.title`)}</span>
              <span className="block text-sm text-muted">
                {t(`concept.templates.${template}.description`)}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {t("concept.create")}
      </Button>
    </form>
  );
}
