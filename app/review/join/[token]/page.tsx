import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AppHeader } from "@/components/layout/app-header";
import { ReviewJoin } from "@/components/review/review-join";
import { reviewLinkStatus } from "@/lib/chapter/review-link-status";
import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("review.join");
  return { title: t("title") };
}

/**
 * Where a review link leads: the chapter it is about, name and organisation, then the version
 * under check-back. An expired, revoked or ended link says so instead of the form.
 */
export default async function ReviewJoinPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const status = await reviewLinkStatus({ db: await getDb(), token });
  return (
    <>
      <AppHeader user={null} />
      <main className="mx-auto flex max-w-md flex-col gap-6 px-4 py-10">
        {status.state === "valid" ? (
          <ReviewJoin
            token={token}
            chapterTitle={status.chapterTitle}
            conceptName={status.conceptTitle}
          />
        ) : (
          <ReviewJoin
            token={token}
            initialInvalid={status.state === "unknown" ? "invalid" : status.state}
          />
        )}
      </main>
    </>
  );
}
