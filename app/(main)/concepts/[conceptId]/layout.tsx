import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ConceptTabs } from "@/components/concept/concept-tabs";
import { Badge, PageHeader } from "@/components/ui/card";
import { roleAtLeast } from "@/lib/auth/access";
import { requirePageConceptRole } from "@/lib/auth/guards";
import { getConcept } from "@/lib/concept/get-concept";
import { getDb } from "@/lib/db/client";

export default async function ConceptLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ conceptId: string }>;
}) {
  const { conceptId } = await params;
  const { role } = await requirePageConceptRole({
    conceptId,
    atLeast: "viewer",
    returnTo: `/concepts/${conceptId}`,
  });
  const concept = await getConcept({ db: await getDb(), conceptId });
  if (!concept) notFound();
  const t = await getTranslations("enums");
  return (
    <>
      <PageHeader eyebrow={t(`conceptType.${concept.type}`)} title={concept.title}>
        <div className="flex flex-wrap gap-2 pt-1">
          <Badge tone="brand">{t(`conceptStatus.${concept.status}`)}</Badge>
          <Badge>{t(`role.${role}`)}</Badge>
        </div>
      </PageHeader>
      <ConceptTabs conceptId={conceptId} canModerate={roleAtLeast(role, "moderator")} />
      {children}
    </>
  );
}
