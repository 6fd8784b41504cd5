"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

export function ConceptTabs({
  conceptId,
  canModerate,
}: {
  conceptId: string;
  canModerate: boolean;
}) {
  const t = useTranslations("concept.tabs");
  const pathname = usePathname();
  const base = `/concepts/${conceptId}`;
  const tabs = [
    { href: base, label: t("overview") },
    { href: `${base}/measures`, label: t("measures") },
    { href: `${base}/chapters`, label: t("chapters") },
    { href: `${base}/workshops`, label: t("workshops") },
    { href: `${base}/council-paper`, label: t("councilPaper") },
    { href: `${base}/history`, label: t("history") },
    ...(canModerate
      ? [
          { href: `${base}/fields`, label: t("fields") },
          { href: `${base}/members`, label: t("members") },
        ]
      : []),
  ];
  return (
    <nav
      aria-label={t("label")}
      className="-mx-4 mb-8 overflow-x-auto border-b border-line px-4 sm:mx-0 sm:px-0"
    >
      <ul className="flex gap-1">
        {tabs.map((tab) => {
          const active =
            pathname === tab.href || (tab.href !== base && pathname.startsWith(`${tab.href}/`));
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-block whitespace-nowrap border-b-2 px-3 py-2.5 text-sm font-medium",
                  active
                    ? "border-brand-700 text-brand-800"
                    : "border-transparent text-muted hover:text-ink",
                )}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
