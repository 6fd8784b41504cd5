"use client";

import { NodeViewWrapper, type ReactNodeViewProps } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { useConceptItems } from "./concept-items-context";

/**
 * An embedded goal or measure in the editor: always the latest committed content of the concept
 * store (the node itself holds only kind and id).
 */
export function ConceptItemNodeView({ node, selected }: ReactNodeViewProps) {
  const t = useTranslations("chapter.item");
  const tEnums = useTranslations("enums");
  const items = useConceptItems();
  const kind = node.attrs.kind === "goal" ? "goal" : "measure";
  const id = String(node.attrs.id ?? "");
  const item = items?.get(`${kind}:${id}`);
  return (
    <NodeViewWrapper
      as="div"
      data-concept-item=""
      data-kind={kind}
      data-id={id}
      data-state={!items ? "loading" : !item ? "missing" : item.retired ? "retired" : "current"}
      data-testid="concept-item"
      className={cn(
        "my-3 rounded-md border border-line border-l-4 bg-canvas px-4 py-3 not-prose",
        kind === "goal" ? "border-l-brand-600" : "border-l-amber-500",
        selected && "ring-2 ring-brand-600",
        item?.retired && "opacity-75",
      )}
      contentEditable={false}
    >
      {!items ? (
        <p className="text-sm text-muted">{t("loading")}</p>
      ) : !item ? (
        <p className="text-sm font-medium text-red-800">
          {kind === "goal" ? t("missingGoal") : t("missingMeasure")}
        </p>
      ) : (
        <>
          <p className="font-semibold text-ink">
            <span className="mr-1 text-sm font-normal text-muted">
              {kind === "goal" ? t("goal") : t("measure")} {item.number}
            </span>{" "}
            <span data-testid="concept-item-text">{item.text}</span>{" "}
            {item.retired ? <Badge tone="red">{t("retired")}</Badge> : null}
          </p>
          {item.responsibilities.length || item.target || item.status ? (
            <dl className="mt-1 grid gap-x-3 gap-y-0.5 text-sm text-muted sm:grid-cols-[auto_1fr]">
              {item.responsibilities.length ? (
                <>
                  <dt className="font-medium">{t("responsible")}</dt>
                  <dd>
                    {item.responsibilities
                      .map((r) => `${r.organisation} (${tEnums(`responsibilityRole.${r.role}`)})`)
                      .join(", ")}
                  </dd>
                </>
              ) : null}
              {item.target ? (
                <>
                  <dt className="font-medium">{t("target")}</dt>
                  <dd>{item.target}</dd>
                </>
              ) : null}
              {item.status ? (
                <>
                  <dt className="font-medium">{t("status")}</dt>
                  <dd>{tEnums(`measureStatus.${item.status}`)}</dd>
                </>
              ) : null}
            </dl>
          ) : null}
        </>
      )}
    </NodeViewWrapper>
  );
}
