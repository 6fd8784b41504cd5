import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { AppHeader } from "@/components/layout/app-header";
import { Card } from "@/components/ui/card";
import { getEnv } from "@/lib/env";
import { isOidcEnabled } from "@/lib/auth/options";
import { getCurrentUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("title") };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const { callbackUrl, error } = await searchParams;
  if (await getCurrentUser()) redirect("/");
  const t = await getTranslations("auth");
  return (
    <>
      <AppHeader user={null} />
      <main className="mx-auto flex max-w-md flex-col gap-6 px-4 py-12">
        <div className="space-y-2">
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="text-muted">{t("intro")}</p>
        </div>
        <Card>
          <LoginForm
            callbackUrl={callbackUrl}
            oidcName={isOidcEnabled() ? getEnv().OIDC_NAME : undefined}
            initialError={
              error
                ? error === "CredentialsSignin"
                  ? "invalidCredentials"
                  : "signInFailed"
                : undefined
            }
          />
        </Card>
      </main>
    </>
  );
}
