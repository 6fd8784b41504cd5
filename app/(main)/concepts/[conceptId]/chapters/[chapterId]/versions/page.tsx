import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ChapterVersions } from "@/components/chapter/chapter-versions";
import { requirePageConceptRole } from "@/lib/auth/guards";
import { getChapter } from "@/lib/chapter/get-chapter";
import { listMembers } from "@/lib/concept/members";
import { getDb } from "@/lib/db/client";

/** A chapter's versions: view, compare (also with the draft) and restore; editors and moderators. */
export default async function ChapterVersionsPage({
  params,
}: {
  params: Promise<{ conceptId: string; chapterId: string }>;
}) {
  const { conceptId, chapterId } = await params;
  await requirePageConceptRole({
    conceptId,
    atLeast: "editor",
    returnTo: `/concepts/${conceptId}/chapters/${chapterId}/versions`,
  });
  const db = await getDb();
  const chapter = await getChapter({ db, conceptId, chapterId });
  if (!chapter) notFound();
  const members = await listMembers({ db, conceptId });
  const t = await getTranslations("chapter.versions");
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <Link
          href={`/concepts/${conceptId}/chapters/${chapterId}`}
          className="text-sm font-medium text-brand-700 hover:underline"
        >
          {t("back", { title: chapter.title })}
        </Link>
        <h2 className="text-xl font-semibold">{t("heading", { title: chapter.title })}</h2>
      </div>
      <ChapterVersions
        base={`/api/concepts/${conceptId}/chapters/${chapterId}`}
        names={Object.fromEntries(members.map((m) => [m.userId, m.name]))}
      />
    </div>
  );
}
