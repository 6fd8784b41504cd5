import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CreateConceptForm } from "@/components/concept/create-concept-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/guards";

export default async function NewConceptPage() {
  const user = await requirePageUser("/concepts/new");
  if (!user.canCreateConcepts) forbidden();
  const t = await getTranslations("concept");
  return (
    <div className="max-w-2xl">
      <PageHeader title={t("newTitle")}>
        <p className="text-muted">{t("newIntro")}</p>
      </PageHeader>
      <Card>
        <CreateConceptForm />
      </Card>
    </div>
  );
}
