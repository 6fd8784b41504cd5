import { toBase64 } from "lib0/buffer";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ChapterEditor } from "@/components/chapter/chapter-editor";
import { CheckBackPanel, ReviewInvitation } from "@/components/chapter/check-back-panel";
import { FinalChapterView } from "@/components/chapter/final-chapter-view";
import { roleAtLeast } from "@/lib/auth/access";
import { requirePageConceptRole } from "@/lib/auth/guards";
import { getChapter } from "@/lib/chapter/get-chapter";
import { openReviewOfMember } from "@/lib/chapter/review-invitation";
import { listMembers } from "@/lib/concept/members";
import { getDb } from "@/lib/db/client";
import { conceptItemsOf } from "@/lib/chapter/concept-item-view";
import { chapterDocName } from "@/lib/chapter/freeze-version";
import { loadConceptContent } from "@/lib/concept/load-concept-content";
import { resolveDocAccess } from "@/lib/sync/doc-access";
import { readLiveDocState } from "@/lib/sync/server-edits";

/**
 * A chapter: editors and moderators write in the live document; viewers (council) read only the
 * latest final version, never the draft.
 */
export default async function ChapterPage({
  params,
}: {
  params: Promise<{ conceptId: string; chapterId: string }>;
}) {
  const { conceptId, chapterId } = await params;
  const { user, role } = await requirePageConceptRole({
    conceptId,
    atLeast: "viewer",
    returnTo: `/concepts/${conceptId}/chapters/${chapterId}`,
  });
  const db = await getDb();
  const chapter = await getChapter({ db, conceptId, chapterId });
  if (!chapter) notFound();
  const t = await getTranslations("chapter");
  // A member asked for feedback on this chapter is led to the round (also a council member).
  const myReview = await openReviewOfMember({ db, chapterId, userId: user.id });
  const heading = (
    <div className="mb-4 space-y-1">
      <Link
        href={`/concepts/${conceptId}/chapters`}
        className="text-sm font-medium text-brand-700 hover:underline"
      >
        {t("backToList")}
      </Link>
      <h2 className="text-xl font-semibold">{chapter.title}</h2>
    </div>
  );
  if (!roleAtLeast(role, "editor"))
    return (
      <div>
        {heading}
        {myReview ? (
          <div className="mb-4 max-w-md">
            <ReviewInvitation review={myReview} />
          </div>
        ) : null}
        <FinalChapterView conceptId={conceptId} chapterId={chapterId} />
      </div>
    );
  const canModerate = roleAtLeast(role, "moderator");
  // Only moderators start check-back rounds, so only they need the members to ask.
  const members = canModerate
    ? (await listMembers({ db, conceptId })).map(({ userId, name, role: memberRole }) => ({
        userId,
        name,
        role: memberRole,
      }))
    : [];
  // The editor opens on the text as it is now and its socket without asking again.
  const docName = chapterDocName(chapterId);
  const access = await resolveDocAccess({
    db,
    docName,
    principal: { kind: "user", userId: user.id },
  });
  const docState = toBase64(await readLiveDocState({ db, docName }));
  const items = conceptItemsOf(await loadConceptContent({ db, conceptId }));
  return (
    <div>
      {heading}
      <ChapterEditor
        sidebar={
          <CheckBackPanel
            conceptId={conceptId}
            chapterId={chapterId}
            canModerate={canModerate}
            members={members}
            myReview={myReview}
          />
        }
        session={{
          conceptId,
          chapterId,
          title: chapter.title,
          status: chapter.status,
          canModerate,
          me: { id: user.id, name: user.name },
          access,
          docState,
          items,
        }}
      />
    </div>
  );
}
