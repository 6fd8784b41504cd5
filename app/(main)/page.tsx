import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { requirePageUser } from "@/lib/auth/guards";
import { listConceptsForUser } from "@/lib/concept/list-concepts";
import { getDb } from "@/lib/db/client";

export default async function DashboardPage() {
  const user = await requirePageUser("/");
  const concepts = await listConceptsForUser({ db: await getDb(), userId: user.id });
  const t = await getTranslations();
  return (
    <>
      <PageHeader
        title={t("dashboard.title")}
        actions={
          user.canCreateConcepts ? (
            <ButtonLink href="/concepts/new">{t("dashboard.newConcept")}</ButtonLink>
          ) : null
        }
      >
        <p className="text-muted">{t("dashboard.intro")}</p>
      </PageHeader>
      {concepts.length === 0 ? (
        <EmptyState>{t("dashboard.empty")}</EmptyState>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {concepts.map((concept) => (
            <li key={concept.id}>
              <Card className="h-full transition-shadow hover:shadow-md">
                <Link href={`/concepts/${concept.id}`} className="block space-y-3">
                  <p className="text-sm text-muted">{t(`enums.conceptType.${concept.type}`)}</p>
                  <h2 className="text-lg font-semibold text-brand-800">{concept.title}</h2>
                  <div className="flex flex-wrap gap-2">
                    <Badge tone="brand">{t(`enums.conceptStatus.${concept.status}`)}</Badge>
                    <Badge>{t(`enums.role.${concept.role}`)}</Badge>
                    <Badge>{t("dashboard.fieldCount", { count: concept.fieldCount })}</Badge>
                  </div>
                </Link>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
