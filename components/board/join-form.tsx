"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Alert, FormField, Input, Select } from "@/components/ui/form";
import { Options } from "@/components/ui/options";
import { organisationKinds } from "@/lib/domain-values";

export function JoinForm({ token, workshopId }: { token: string; workshopId: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [error, setError] = useState<{ field?: string; form?: string }>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPending(true);
    const response = await fetch(`/api/invites/${encodeURIComponent(token)}/join`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        displayName: data.get("displayName"),
        organisationKind: data.get("organisationKind"),
      }),
    }).catch(() => null);
    setPending(false);
    if (response?.ok) return router.push(`/board/${workshopId}`);
    const body = (await response?.json().catch(() => null)) as {
      fields?: Record<string, string>;
    } | null;
    const fieldError = body?.fields?.displayName;
    setError(fieldError ? { field: t(`errors.fields.${fieldError}`) } : { form: t("join.failed") });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error.form ? <Alert>{error.form}</Alert> : null}
      <FormField
        id="displayName"
        label={t("join.displayName")}
        hint={t("join.displayNameHint")}
        error={error.field}
      >
        {(props) => (
          <Input {...props} name="displayName" autoComplete="nickname" maxLength={80} required />
        )}
      </FormField>
      <FormField id="organisationKind" label={t("join.organisationKind")}>
        {(props) => (
          <Select {...props} name="organisationKind" defaultValue="">
            <option value="">{t("join.noOrganisation")}</option>
            <Options
              values={organisationKinds}
              label={(kind) => t(`enums.organisationKind.${kind}`)}
            />
          </Select>
        )}
      </FormField>
      <Button type="submit" className="w-full" disabled={pending}>
        {t("join.submit")}
      </Button>
    </form>
  );
}
