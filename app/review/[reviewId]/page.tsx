import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AppHeader } from "@/components/layout/app-header";
import { ReviewApp } from "@/components/review/review-app";
import { getCurrentUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("review");
  return { title: t("title") };
}

/**
 * A reviewer's page of a check-back round: a member by their session, a working-group
 * participant by the reviewer cookie their review link set. The API decides who may see it.
 */
export default async function ReviewPage({ params }: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await params;
  const user = await getCurrentUser();
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6 sm:py-8">
        <ReviewApp reviewId={reviewId} />
      </main>
    </>
  );
}
