import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { JoinForm } from "@/components/board/join-form";
import { AppHeader } from "@/components/layout/app-header";
import { Card } from "@/components/ui/card";
import { getDb } from "@/lib/db/client";
import { findValidInvite } from "@/lib/workshop/invites";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("join");
  return { title: t("title") };
}

/** Where an invite link or QR code leads: a name, optionally an organisation kind, and in. */
export default async function JoinPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await findValidInvite({ db: await getDb(), token });
  const t = await getTranslations("join");
  return (
    <>
      <AppHeader user={null} />
      <main className="mx-auto flex max-w-md flex-col gap-6 px-4 py-10">
        {invite ? (
          <>
            <div className="space-y-2">
              <p className="text-sm font-medium text-brand-700">{t("eyebrow")}</p>
              <h1 className="text-2xl font-semibold tracking-tight">{invite.title}</h1>
              <p className="text-muted">
                {t(invite.role === "participant" ? "introParticipant" : "introViewer")}
              </p>
            </div>
            <Card>
              <JoinForm token={token} workshopId={invite.workshopId} />
            </Card>
          </>
        ) : (
          <div className="space-y-2" role="alert">
            <h1 className="text-2xl font-semibold tracking-tight">{t("invalidTitle")}</h1>
            <p className="text-muted">{t("invalidText")}</p>
          </div>
        )}
      </main>
    </>
  );
}
