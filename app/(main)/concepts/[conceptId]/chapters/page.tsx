import { getTranslations } from "next-intl/server";
import { ChapterList } from "@/components/chapter/chapter-list";
import { roleAtLeast } from "@/lib/auth/access";
import { requirePageConceptRole } from "@/lib/auth/guards";

/** The concept's chapters in order, with status, last editor, open comments and sign-offs. */
export default async function ChaptersPage({ params }: { params: Promise<{ conceptId: string }> }) {
  const { conceptId } = await params;
  const { role } = await requirePageConceptRole({
    conceptId,
    atLeast: "viewer",
    returnTo: `/concepts/${conceptId}/chapters`,
  });
  const t = await getTranslations("chapter.list");
  return (
    <section className="space-y-4" aria-labelledby="chapters-heading">
      <h2 id="chapters-heading" className="text-xl font-semibold">
        {t("heading")}
      </h2>
      <ChapterList conceptId={conceptId} canEdit={roleAtLeast(role, "editor")} />
    </section>
  );
}
