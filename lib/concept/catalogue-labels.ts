import "server-only";
import { getTranslations } from "next-intl/server";
import type { CsvLabels } from "./measure-catalogue";

/** The catalogue's CSV labels in the reader's language. */
export async function catalogueCsvLabels(): Promise<CsvLabels> {
  const t = await getTranslations();
  return {
    columns: {
      number: t("catalogue.columns.number"),
      field: t("catalogue.columns.field"),
      goal: t("catalogue.columns.goal"),
      title: t("catalogue.columns.title"),
      responsible: t("catalogue.columns.responsible"),
      status: t("catalogue.columns.status"),
      priority: t("catalogue.columns.priority"),
      target: t("catalogue.columns.target"),
      timeframe: t("catalogue.columns.timeframe"),
      budget: t("catalogue.columns.budget"),
      costNote: t("catalogue.columns.costNote"),
      votes: t("catalogue.columns.votes"),
    },
    status: (status) => t(`enums.measureStatus.${status}`),
    priority: (priority) => t(`enums.measurePriority.${priority}`),
    role: (role) => t(`enums.responsibilityRole.${role}`),
    yes: t("common.yes"),
    no: t("common.no"),
  };
}
