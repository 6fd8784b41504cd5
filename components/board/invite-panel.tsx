"use client";

import { useTranslations } from "next-intl";
import QRCode from "qrcode";
import { useCallback, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Select } from "@/components/ui/form";
import { Options } from "@/components/ui/options";
import { guestRoles } from "@/lib/domain-values";

interface Invite {
  id: string;
  role: (typeof guestRoles)[number];
  expiresAt: string;
  createdAt: string;
  guestsJoined: number;
}

interface CreatedInvite extends Invite {
  url: string;
  qr: string;
}

const EXPIRY_HOURS = [2, 8, 24, 72] as const;

/** Moderators create invite links with a QR code for a workshop, see them, and revoke them. */
export function InvitePanel({
  workshopId,
  onShowOnProjector,
  active = true,
}: {
  workshopId: string;
  onShowOnProjector: (url: string | null) => void;
  /** While shown, the list is kept fresh (guests join by the links meanwhile). */
  active?: boolean;
}) {
  const t = useTranslations("board.invites");
  const tUi = useTranslations("boardUi.invites");
  const [invites, setInvites] = useState<Invite[]>([]);
  const [created, setCreated] = useState<CreatedInvite | null>(null);
  const [role, setRole] = useState<Invite["role"]>("participant");
  const [hours, setHours] = useState<number>(8);
  const [error, setError] = useState(false);
  const base = `/api/workshops/${workshopId}/invites`;

  const refresh = useCallback(async () => {
    const response = await fetch(base);
    if (response.ok) setInvites((await response.json()) as Invite[]);
  }, [base]);

  useEffect(() => {
    if (!active) return;
    let current = true;
    const load = () =>
      fetch(base)
        .then((response) => (response.ok ? (response.json() as Promise<Invite[]>) : null))
        .then((list) => current && list && setInvites(list))
        .catch(() => undefined);
    void load();
    const id = setInterval(load, 10_000);
    return () => {
      current = false;
      clearInterval(id);
    };
  }, [base, active]);

  async function create() {
    setError(false);
    const response = await fetch(base, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ role, expiresInHours: hours }),
    });
    if (!response.ok) return setError(true);
    const body = (await response.json()) as { id: string; joinPath: string; expiresAt: string };
    const url = `${window.location.origin}${body.joinPath}`;
    setCreated({
      id: body.id,
      role,
      expiresAt: body.expiresAt,
      createdAt: new Date().toISOString(),
      guestsJoined: 0,
      url,
      qr: await QRCode.toDataURL(url, { margin: 1, width: 240 }),
    });
    await refresh();
  }

  async function revoke(id: string) {
    await fetch(`${base}/${id}`, { method: "DELETE" });
    if (created?.id === id) {
      setCreated(null);
      onShowOnProjector(null);
    }
    await refresh();
  }

  return (
    <section aria-labelledby="invite-heading" className="space-y-3">
      <h2 id="invite-heading" className="font-semibold">
        {t("heading")}
      </h2>
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("role")}
          <Select
            value={role}
            onChange={(e) => setRole(e.target.value as Invite["role"])}
            className="w-auto"
          >
            <Options values={guestRoles} label={(r) => t(`roles.${r}`)} />
          </Select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("validFor")}
          <Select
            value={hours}
            onChange={(e) => setHours(Number(e.target.value))}
            className="w-auto"
          >
            <Options values={EXPIRY_HOURS} label={(h) => t("hours", { hours: h })} />
          </Select>
        </label>
        <Button onClick={create}>{t("create")}</Button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {t("failed")}
        </p>
      ) : null}
      {created ? (
        <div className="flex flex-wrap items-center gap-4 rounded-md border border-line bg-white p-3">
          {/* eslint-disable-next-line @next/next/no-img-element -- a generated data URL, nothing to optimise */}
          <img src={created.qr} alt={t("qrAlt")} width={160} height={160} />
          <div className="min-w-0 space-y-2">
            <p className="text-sm text-muted">{t("shareHint")}</p>
            <p className="break-all font-mono text-sm" data-testid="invite-url">
              {created.url}
            </p>
            <div className="flex flex-wrap gap-2">
              <Button
                variant="secondary"
                onClick={() => navigator.clipboard?.writeText(created.url)}
              >
                {t("copy")}
              </Button>
              <Button variant="secondary" onClick={() => onShowOnProjector(created.url)}>
                {t("showOnProjector")}
              </Button>
            </div>
          </div>
        </div>
      ) : null}
      {invites.length ? (
        <ul
          className="divide-y divide-line rounded-md border border-line text-sm"
          data-testid="invite-list"
        >
          {invites.map((invite, index) => (
            <li
              key={invite.id}
              className={cn(
                "flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2",
                created?.id === invite.id && "bg-brand-50",
              )}
              data-testid="invite-row"
            >
              <div className="min-w-0 flex-1">
                <p className="font-medium">
                  {/* Numbered oldest first, so a link keeps its number as new ones come. */}
                  {tUi("label", { number: invites.length - index })} · {t(`roles.${invite.role}`)}
                </p>
                <p className="text-xs text-muted">
                  {tUi("created", { date: new Date(invite.createdAt) })} ·{" "}
                  {t("until", { date: new Date(invite.expiresAt) })} ·{" "}
                  {tUi("joined", { count: invite.guestsJoined })}
                </p>
              </div>
              <Button
                variant="danger"
                className="min-h-8 px-2 py-0.5"
                onClick={() => revoke(invite.id)}
              >
                {t("revoke")}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
