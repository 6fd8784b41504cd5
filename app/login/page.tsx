import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { AppHeader } from "@/components/layout/app-header";
import { Card } from "@/components/ui/card";
import { getEnv } from "@/lib/env";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { isOidcEnabled } from "@/lib/auth/options";
import { getCurrentUser } from "@/lib/auth/session";
import { signInErrorKey, signedOutNoticeKey } from "@/lib/auth/sign-in-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("title") };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string; signedOut?: string }>;
}) {
  const { callbackUrl, error, signedOut } = await searchParams;
  if (await getCurrentUser()) redirect("/");
  const t = await getTranslations("auth");
  const env = getEnv();
  const oidcName = isOidcEnabled() ? env.OIDC_NAME : undefined;
  const noticeKey = signedOutNoticeKey(signedOut);
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
            callbackUrl={safeCallbackPath(typeof callbackUrl === "string" ? callbackUrl : "/")}
            oidcName={oidcName}
            limitMinutes={Math.ceil(env.SIGNIN_LIMIT_WINDOW_SECONDS / 60)}
            initialError={signInErrorKey(typeof error === "string" ? error : undefined)}
            notice={
              noticeKey
                ? t(`signedOut.${noticeKey}`, { provider: oidcName ?? env.OIDC_NAME })
                : undefined
            }
          />
        </Card>
      </main>
    </>
  );
}
