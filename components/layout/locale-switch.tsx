"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocale } from "@/app/actions/set-locale";
import { locales } from "@/lib/i18n/locales";
import { cn } from "@/components/ui/cn";

/** Two buttons, DE and EN; the current one is pressed. */
export function LocaleSwitch() {
  const t = useTranslations("nav");
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div
      role="group"
      aria-label={t("language")}
      className="flex overflow-hidden rounded-md border border-line"
    >
      {locales.map((locale) => (
        <button
          key={locale}
          type="button"
          aria-pressed={locale === current}
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const data = new FormData();
              data.set("locale", locale);
              await setLocale(data);
              router.refresh();
            })
          }
          className={cn(
            "px-2.5 py-1.5 text-xs font-semibold uppercase",
            locale === current ? "bg-brand-700 text-white" : "bg-white text-muted hover:bg-canvas",
          )}
        >
          <span aria-hidden>{locale}</span>
          <span className="sr-only">{t(`languages.${locale}`)}</span>
        </button>
      ))}
    </div>
  );
}
