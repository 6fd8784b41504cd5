"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { callApi } from "@/components/chapter/call-api";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Alert, FormField, Input } from "@/components/ui/form";
import { useErrorMessage } from "@/components/ui/form-feedback";

type Fields = Partial<Record<"name" | "organisation", string>>;

/** Why a link admits nobody, from the error code the join answered with. */
function invalidReason(code: string): InvalidReason {
  if (code.includes("expired")) return "expired";
  if (code.includes("revoked")) return "revoked";
  return "invalid";
}

export type InvalidReason = "expired" | "revoked" | "closed" | "invalid";

/**
 * A working-group participant joins a check-back round by its link: name and organisation, no
 * account. A link that expired or was revoked says so, instead of the form (known to the page
 * before, or learnt from the join's answer).
 */
export function ReviewJoin({
  token,
  chapterTitle,
  conceptName,
  initialInvalid = null,
}: {
  token: string;
  chapterTitle?: string;
  conceptName?: string;
  initialInvalid?: InvalidReason | null;
}) {
  const t = useTranslations("review.join");
  const tFields = useTranslations("errors.fields");
  const message = useErrorMessage();
  const router = useRouter();
  const [fields, setFields] = useState<Fields>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [invalid, setInvalid] = useState<InvalidReason | null>(initialInvalid);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const name = String(data.get("name") ?? "").trim();
    const organisation = String(data.get("organisation") ?? "").trim();
    const missing: Fields = {
      ...(name ? {} : { name: t("nameRequired") }),
      ...(organisation ? {} : { organisation: t("organisationRequired") }),
    };
    setFields(missing);
    setFormError(null);
    if (Object.keys(missing).length) return;
    setPending(true);
    const result = await callApi<{ reviewId: string }>(
      `/api/review-links/${encodeURIComponent(token)}/join`,
      { method: "POST", body: { name, organisation } },
    );
    if (result.ok) return router.push(`/review/${result.data.reviewId}`);
    setPending(false);
    if (result.status === 400 && Object.keys(result.fields).length) {
      const translate = (key?: string) =>
        key ? (tFields.has(key) ? tFields(key) : tFields("invalid")) : undefined;
      return setFields({
        name: translate(result.fields.name),
        organisation: translate(result.fields.organisation),
      });
    }
    if ([403, 404, 409, 410].includes(result.status)) return setInvalid(invalidReason(result.code));
    setFormError(message(result.code));
  }

  if (invalid) return <InvalidReviewLink reason={invalid} />;
  return (
    <>
      <div className="space-y-2">
        <p className="text-sm font-medium text-brand-700">{conceptName ?? t("eyebrow")}</p>
        <h1 className="text-2xl font-semibold tracking-tight break-words">
          {chapterTitle ? t("titleNamed", { title: chapterTitle }) : t("title")}
        </h1>
        <p className="text-muted">{t("intro")}</p>
      </div>
      <Card>
        <form onSubmit={submit} className="space-y-4" noValidate>
          {formError ? <Alert>{formError}</Alert> : null}
          <FormField id="review-name" label={t("name")} hint={t("nameHint")} error={fields.name}>
            {(props) => (
              <Input {...props} name="name" autoComplete="name" maxLength={80} required />
            )}
          </FormField>
          <FormField
            id="review-organisation"
            label={t("organisation")}
            hint={t("organisationHint")}
            error={fields.organisation}
          >
            {(props) => (
              <Input
                {...props}
                name="organisation"
                autoComplete="organization"
                maxLength={120}
                required
              />
            )}
          </FormField>
          <Button type="submit" className="min-h-12 w-full" disabled={pending}>
            {t("submit")}
          </Button>
        </form>
      </Card>
    </>
  );
}

/** The message for a review link that admits nobody (also shown by the page before any form). */
export function InvalidReviewLink({ reason }: { reason: InvalidReason }) {
  const t = useTranslations("review.join");
  return (
    <div className="space-y-2" role="alert" data-testid="review-link-invalid">
      <h1 className="text-2xl font-semibold tracking-tight">{t(`invalid.${reason}Title`)}</h1>
      <p className="text-muted">{t(`invalid.${reason}Text`)}</p>
    </div>
  );
}
