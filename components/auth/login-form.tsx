"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { signInAction, type SignInState } from "@/app/actions/auth";
import { Button } from "@/components/ui/button";
import { Alert, FormField, Input } from "@/components/ui/form";

/**
 * E-mail and password go to a server action: the form posts even before hydration (no GET with
 * the password in the URL), and after hydration the same action runs without a page load.
 */
export function LoginForm({
  callbackUrl,
  oidcName,
  initialError,
  notice,
  limitMinutes,
}: {
  /** Already checked to be a path on this site. */
  callbackUrl: string;
  oidcName?: string;
  initialError?: string;
  notice?: string;
  /** How long a sign-in block lasts at most (the limits' window), for the message. */
  limitMinutes: number;
}) {
  const t = useTranslations("auth");
  const [state, formAction, pending] = useActionState<SignInState, FormData>(signInAction, {});
  const error = state.error ?? (state.email === undefined ? initialError : undefined);

  return (
    <div className="space-y-5">
      {notice && !error ? <Alert tone="info">{notice}</Alert> : null}
      <form action={formAction} method="post" className="space-y-4" noValidate>
        {error ? (
          <Alert>
            {t(`errors.${error}`, {
              provider: oidcName ?? "Single Sign-On",
              minutes: state.retryAfterMinutes ?? limitMinutes,
            })}
          </Alert>
        ) : null}
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <FormField id="email" label={t("email")}>
          {(props) => (
            <Input
              {...props}
              name="email"
              type="email"
              autoComplete="username"
              defaultValue={state.email}
              required
            />
          )}
        </FormField>
        <FormField id="password" label={t("password")}>
          {(props) => (
            <Input
              {...props}
              name="password"
              type="password"
              autoComplete="current-password"
              required
            />
          )}
        </FormField>
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? t("signingIn") : t("signIn")}
        </Button>
      </form>
      {oidcName ? (
        <Button
          variant="secondary"
          className="w-full"
          onClick={() => signIn("oidc", { callbackUrl })}
        >
          {t("signInWith", { provider: oidcName })}
        </Button>
      ) : null}
    </div>
  );
}
