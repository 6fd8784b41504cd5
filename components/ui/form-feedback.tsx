"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/form";
import type { ActionState } from "@/lib/forms/action-state";

/** The translated message for an error code such as "forbidden:concept". */
export function useErrorMessage() {
  const t = useTranslations("errors");
  return (code: string) => {
    const [kind, subject] = code.split(":");
    if (subject && t.has(`codes.${kind}_${subject}`)) return t(`codes.${kind}_${subject}`);
    return t.has(`kinds.${kind}`) ? t(`kinds.${kind}`) : t("kinds.internal");
  };
}

export function useFieldError(state: ActionState) {
  const t = useTranslations("errors.fields");
  return (name: string) => {
    if (state.status !== "error") return undefined;
    const key = state.fields?.[name];
    return key ? t(key) : undefined;
  };
}

/** The form-level message: what went wrong, or that it was saved. */
export function FormError({ state }: { state: ActionState }) {
  const message = useErrorMessage();
  const t = useTranslations("common");
  if (state.status === "error") return <Alert>{message(state.error)}</Alert>;
  if (state.status === "ok") return <Alert tone="success">{t(state.message)}</Alert>;
  return null;
}
