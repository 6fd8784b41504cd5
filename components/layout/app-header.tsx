import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/session";
import { LocaleSwitch } from "./locale-switch";
import { SignOutButton } from "./sign-out-button";

export async function AppHeader({ user }: { user: SessionUser | null }) {
  const t = await getTranslations("app");
  return (
    <header className="border-b border-line bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 font-semibold text-ink">
          <span
            aria-hidden
            className="grid size-8 shrink-0 place-items-center rounded-md bg-brand-700 text-sm text-white"
          >
            KW
          </span>
          {/* The name is the link's accessible name; on phones only screen readers read it. */}
          <span className="sr-only sm:not-sr-only">{t("name")}</span>
        </Link>
        <div className="flex items-center gap-3">
          {user ? (
            <span className="hidden text-sm text-muted sm:inline" data-testid="current-user">
              {user.name}
            </span>
          ) : null}
          <LocaleSwitch />
          {user ? <SignOutButton /> : null}
        </div>
      </div>
    </header>
  );
}
