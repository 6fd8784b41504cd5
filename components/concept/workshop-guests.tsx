"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { Button } from "@/components/ui/button";
import { useErrorMessage } from "@/components/ui/form-feedback";
import type { organisationKinds } from "@/lib/domain-values";

interface Guest {
  id: string;
  displayName: string;
  organisationKind: (typeof organisationKinds)[number] | null;
  role: "participant" | "viewer";
  inviteId: string;
  inviteActive: boolean;
  joinedAt: string;
}

/**
 * For moderators: who joined a workshop through an invite link, and removing them. Removing a
 * guest ends their access at once (open boards disconnect); revoking a link can remove everyone
 * who came through it. Loads when opened.
 */
export function WorkshopGuests({ workshopId, title }: { workshopId: string; title: string }) {
  const t = useTranslations("guests");
  const tRoles = useTranslations("board.invites.roles");
  const tKinds = useTranslations("enums.organisationKind");
  const format = useFormatter();
  const errorMessage = useErrorMessage();
  const [guests, setGuests] = useState<Guest[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmInvite, setConfirmInvite] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const base = `/api/workshops/${workshopId}`;

  const load = useCallback(async () => {
    const response = await fetch(`${base}/guests`);
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { error?: string };
      setError(errorMessage(body.error ?? "internal:server"));
      return;
    }
    setError(null);
    setGuests((await response.json()) as Guest[]);
  }, [base, errorMessage]);

  async function run(request: () => Promise<Response>, done: string) {
    setBusy(true);
    setNotice(null);
    try {
      const response = await request();
      const body = response.ok
        ? null
        : ((await response.json().catch(() => ({}))) as { error?: string });
      await load();
      // Told together with the refreshed list, so the message never describes a stale one.
      if (body) setError(errorMessage(body.error ?? "internal:server"));
      else setNotice(done);
    } catch {
      setError(errorMessage("internal:server"));
    } finally {
      setBusy(false);
      setConfirmInvite(null);
    }
  }

  const byInvite = new Map<string, Guest[]>();
  for (const guest of guests ?? []) {
    byInvite.set(guest.inviteId, [...(byInvite.get(guest.inviteId) ?? []), guest]);
  }

  return (
    <details
      className="rounded-md border border-line bg-white"
      onToggle={(event) => {
        if ((event.currentTarget as HTMLDetailsElement).open && guests === null) void load();
      }}
      data-testid="workshop-guests"
    >
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium">
        {guests === null ? t("summary") : t("summaryCount", { count: guests.length })}
      </summary>
      <div className="space-y-3 border-t border-line px-3 py-3">
        <p className="text-sm text-muted">{t("intro")}</p>
        {error ? (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        ) : null}
        <p role="status" className="text-sm text-green-800">
          {notice}
        </p>
        {guests === null ? (
          <p className="text-sm text-muted">{t("loading")}</p>
        ) : guests.length === 0 ? (
          <p className="text-sm text-muted">{t("empty")}</p>
        ) : (
          [...byInvite].map(([inviteId, group]) => (
            <section
              key={inviteId}
              aria-label={t("groupLabel", { title })}
              className="space-y-1 rounded-md bg-canvas p-2"
            >
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="text-sm text-muted">
                  {t(group[0]!.inviteActive ? "linkActive" : "linkInactive", {
                    role: tRoles(group[0]!.role),
                  })}
                </p>
                {confirmInvite === inviteId ? (
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="text-sm">
                      {t("confirmRemoveAll", { count: group.length })}
                    </span>
                    <Button
                      variant="danger"
                      disabled={busy}
                      onClick={() =>
                        void run(
                          () =>
                            fetch(`${base}/invites/${inviteId}?removeGuests=true`, {
                              method: "DELETE",
                            }),
                          t("removedAll", { count: group.length }),
                        )
                      }
                    >
                      {t("confirmYes")}
                    </Button>
                    <Button variant="secondary" onClick={() => setConfirmInvite(null)}>
                      {t("cancel")}
                    </Button>
                  </div>
                ) : (
                  <Button variant="secondary" onClick={() => setConfirmInvite(inviteId)}>
                    {t(group[0]!.inviteActive ? "revokeAndRemoveAll" : "removeAll", {
                      count: group.length,
                    })}
                  </Button>
                )}
              </div>
              <ul className="divide-y divide-line">
                {group.map((guest) => (
                  <li
                    key={guest.id}
                    className="flex flex-wrap items-center justify-between gap-2 py-2"
                    data-testid="guest"
                  >
                    <div className="min-w-0">
                      <p className="font-medium break-words">{guest.displayName}</p>
                      <p className="text-sm text-muted">
                        {[
                          guest.organisationKind ? tKinds(guest.organisationKind) : null,
                          tRoles(guest.role),
                          t("joined", {
                            when: format.dateTime(new Date(guest.joinedAt), {
                              dateStyle: "short",
                              timeStyle: "short",
                            }),
                          }),
                        ]
                          .filter(Boolean)
                          .join(" · ")}
                      </p>
                    </div>
                    <Button
                      variant="danger"
                      disabled={busy}
                      aria-label={t("removeNamed", { name: guest.displayName })}
                      onClick={() =>
                        void run(
                          () => fetch(`${base}/guests/${guest.id}`, { method: "DELETE" }),
                          t("removed", { name: guest.displayName }),
                        )
                      }
                    >
                      {t("remove")}
                    </Button>
                  </li>
                ))}
              </ul>
            </section>
          ))
        )}
      </div>
    </details>
  );
}
