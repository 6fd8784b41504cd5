"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import { CARD_SHORTCUTS } from "./card-view";
import type { Presence } from "./board-hooks";
import type { DocSyncState } from "@/components/sync/use-synced-doc";

export function SyncBadge({ state }: { state: DocSyncState }) {
  const t = useTranslations("board.sync");
  const key =
    state.state === "connected"
      ? state.synced
        ? "connected"
        : "syncing"
      : state.state === "denied"
        ? "denied"
        : state.state;
  const tone = key === "connected" ? "green" : key === "denied" ? "red" : "amber";
  return (
    <span role="status" data-testid="sync-status" data-state={key}>
      <Badge tone={tone}>{t(key)}</Badge>
    </span>
  );
}

/** Who is here; on a phone only how many, with the names a tap away. */
export function PresenceList({ people }: { people: Presence[] }) {
  const t = useTranslations("board");
  const tUi = useTranslations("boardUi");
  const names = (
    <ul aria-label={t("present")} className="flex flex-wrap gap-1" data-testid="presence">
      {people.map((p) => (
        <li
          key={p.clientId}
          className="rounded-full bg-brand-50 px-2.5 py-1 text-xs font-medium text-brand-800"
        >
          {p.name}
        </li>
      ))}
    </ul>
  );
  return (
    <>
      <div className="hidden sm:block">{names}</div>
      <details className="relative sm:hidden">
        <summary className="cursor-pointer rounded-full bg-brand-50 px-2.5 py-1 text-xs font-medium text-brand-800">
          {tUi("presentCount", { count: people.length })}
        </summary>
        <div className="absolute right-0 z-30 mt-1 w-64 rounded-md border border-line bg-white p-2 shadow-lg">
          {names}
        </div>
      </details>
    </>
  );
}

/** The keyboard shortcuts of cards and the board, in a popover. */
export function ShortcutsHelp({ canModerate }: { canModerate: boolean }) {
  const t = useTranslations("boardUi.shortcuts");
  const key = (shortcut: string) =>
    shortcut
      .split("+")
      .map((part) => t(`keys.${part}` as "keys.Alt"))
      .join(" + ");
  const rows: Array<[string, string]> = [
    [key(CARD_SHORTCUTS.left) + " / " + key(CARD_SHORTCUTS.right), t("moveLane")],
    [key(CARD_SHORTCUTS.up) + " / " + key(CARD_SHORTCUTS.down), t("moveInLane")],
    ...(canModerate ? [[key(CARD_SHORTCUTS.spotlight), t("spotlight")] as [string, string]] : []),
    [key(CARD_SHORTCUTS.delete), t("delete")],
    [t("undoKeys"), t("undo")],
    [t("keys.Escape"), t("escape")],
  ];
  return (
    <details className="relative max-sm:hidden" data-testid="shortcuts-help">
      <summary className="cursor-pointer rounded px-2 py-1 text-sm text-brand-700 hover:bg-brand-50">
        {t("title")}
      </summary>
      <div className="absolute right-0 z-30 mt-1 w-80 rounded-md border border-line bg-white p-3 text-sm shadow-lg">
        <p className="mb-2 text-muted">{t("intro")}</p>
        <dl className="space-y-1">
          {rows.map(([keys, what]) => (
            <div key={what} className="flex justify-between gap-3">
              <dt>
                <kbd className="rounded border border-line bg-slate-50 px-1 font-mono text-xs">
                  {keys}
                </kbd>
              </dt>
              <dd className="text-right">{what}</dd>
            </div>
          ))}
        </dl>
      </div>
    </details>
  );
}
