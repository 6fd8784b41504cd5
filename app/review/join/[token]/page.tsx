import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AppHeader } from "@/components/layout/app-header";
import { ReviewJoin } from "@/components/review/review-join";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("review.join");
  return { title: t("title") };
}

/** Where a review link leads: name and organisation, then the chapter under check-back. */
export default async function ReviewJoinPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <>
      <AppHeader user={null} />
      <main className="mx-auto flex max-w-md flex-col gap-6 px-4 py-10">
        <ReviewJoin token={token} />
      </main>
    </>
  );
}
