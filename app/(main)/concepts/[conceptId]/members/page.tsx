import { getTranslations } from "next-intl/server";
import { AddMemberForm, MemberRow } from "@/components/concept/member-forms";
import { Card } from "@/components/ui/card";
import { requirePageConceptRole } from "@/lib/auth/guards";
import { listMembers } from "@/lib/concept/members";
import { getDb } from "@/lib/db/client";

export default async function MembersPage({ params }: { params: Promise<{ conceptId: string }> }) {
  const { conceptId } = await params;
  const { user } = await requirePageConceptRole({
    conceptId,
    atLeast: "moderator",
    returnTo: `/concepts/${conceptId}/members`,
  });
  const members = await listMembers({ db: await getDb(), conceptId });
  const t = await getTranslations("members");
  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-xl font-semibold">{t("heading")}</h2>
        <p className="text-muted">{t("intro")}</p>
      </div>
      <Card>
        <ul className="divide-y divide-line">
          {members.map((member) => (
            <MemberRow
              key={member.userId}
              conceptId={conceptId}
              member={member}
              isSelf={member.userId === user.id}
            />
          ))}
        </ul>
      </Card>
      <Card>
        <h3 className="mb-4 text-lg font-semibold">{t("add")}</h3>
        <AddMemberForm conceptId={conceptId} />
      </Card>
    </div>
  );
}
