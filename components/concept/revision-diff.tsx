import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import type { ResponsibilityContent } from "@/lib/concept/load-concept-content";
import type { ContentDiff, ItemChange } from "@/lib/revision/diff-content";

const TONE = { added: "green", changed: "amber", removed: "red" } as const;

/**
 * Goals and measures added, changed and removed, with each changed attribute before → after.
 * Renders on the server (history) and in the browser (review before a commit).
 */
export function RevisionDiff({ diff }: { diff: ContentDiff }) {
  const t = useTranslations();
  if (diff.items.length === 0) return <p className="text-muted">{t("history.noChanges")}</p>;
  const format = (attribute: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return "–";
    if (typeof value === "boolean") return value ? t("common.yes") : t("common.no");
    if (attribute === "status") return t(`enums.measureStatus.${value as "new"}`);
    if (attribute === "priority" && typeof value === "string")
      return t(`enums.measurePriority.${value as "A"}`);
    if (attribute === "responsibilities")
      return (value as ResponsibilityContent[])
        .map((r) => `${r.organisationName} (${t(`enums.responsibilityRole.${r.role}`)})`)
        .join(", ");
    if (Array.isArray(value)) return value.map(String).join(", ");
    return typeof value === "object" ? JSON.stringify(value) : String(value);
  };
  const attributeLabel = (attribute: string) =>
    t.has(`history.attributes.${attribute}`) ? t(`history.attributes.${attribute}`) : attribute;
  return (
    <ul className="space-y-3" data-testid="diff">
      {diff.items.map((item: ItemChange) => (
        <li
          key={`${item.kind}-${item.id}`}
          className="rounded-md border border-line bg-white p-4"
          data-testid="diff-item"
          data-change={item.change}
        >
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={TONE[item.change]}>{t(`history.change.${item.change}`)}</Badge>
            <span className="text-sm text-muted">
              {t(`history.kind.${item.kind}`)} {item.number} · {item.fieldTitle}
            </span>
          </div>
          <p className="mt-1 font-medium">{item.label}</p>
          {item.attributes.length ? (
            <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
              {item.attributes.map((change) => (
                <div key={change.attribute} className="contents">
                  <dt className="font-medium text-muted">{attributeLabel(change.attribute)}</dt>
                  <dd>
                    <del className="text-red-800">{format(change.attribute, change.before)}</del>
                    {" → "}
                    <ins className="text-emerald-800 no-underline">
                      {format(change.attribute, change.after)}
                    </ins>
                  </dd>
                </div>
              ))}
            </dl>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
