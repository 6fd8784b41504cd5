"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Alert, FormField, Input } from "@/components/ui/form";

/** Only same-site paths are followed after sign-in, never another origin. */
function safeCallback(url: string | undefined): string {
  return url && url.startsWith("/") && !url.startsWith("//") ? url : "/";
}

export function LoginForm({
  callbackUrl,
  oidcName,
  initialError,
}: {
  callbackUrl?: string;
  oidcName?: string;
  initialError?: string;
}) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [error, setError] = useState<string | undefined>(initialError);
  const [pending, setPending] = useState(false);
  const target = safeCallback(callbackUrl);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    const result = await signIn("credentials", {
      email: String(data.get("email") ?? ""),
      password: String(data.get("password") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (!result || result.error) {
      setError(result?.error === "CredentialsSignin" ? "invalidCredentials" : "signInFailed");
      return;
    }
    router.replace(target);
    router.refresh();
  }

  return (
    <div className="space-y-5">
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        {error ? <Alert>{t(`errors.${error}`)}</Alert> : null}
        <FormField id="email" label={t("email")}>
          {(props) => (
            <Input {...props} name="email" type="email" autoComplete="username" required />
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
          onClick={() => signIn("oidc", { callbackUrl: target })}
        >
          {t("signInWith", { provider: oidcName })}
        </Button>
      ) : null}
    </div>
  );
}
