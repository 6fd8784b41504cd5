"use client";

import { useTranslations } from "next-intl";
import QRCode from "qrcode";
import { useCallback, useEffect, useId, useState, type FormEvent } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { Alert, Select } from "@/components/ui/form";
import { useErrorMessage } from "@/components/ui/form-feedback";
import { callApi } from "./call-api";
import type {
  CheckBackLink,
  CheckBackReviewer,
  CheckBackRound,
  CreatedReviewLink,
  ReviewerCandidate,
  StartedCheckBack,
} from "./check-back-types";

/** How long a review link works; the working group usually answers within days. */
const LINK_HOURS = [24, 72, 168, 336] as const;
const DEFAULT_LINK_HOURS = 168;
const REFRESH_MS = 15_000;

interface ShownLink extends CreatedReviewLink {
  qr: string;
}

/**
 * The link's address as people open it: on this app's origin, as the invite panel builds its
 * links (the server's idea of its own host can differ behind a proxy or with a picked port).
 */
function absoluteUrl(url: string): string {
  const { pathname } = new URL(url, window.location.origin);
  return `${window.location.origin}${pathname}`;
}

async function withQr(link: CreatedReviewLink): Promise<ShownLink> {
  const url = absoluteUrl(link.url);
  return { ...link, url, qr: await QRCode.toDataURL(url, { margin: 1, width: 240 }) };
}

/**
 * Check-back (Rücksprache) of one chapter, in the chapter page's sidebar. Moderators start a
 * round (the current text is frozen as a version), ask concept members and/or the working group
 * through a review link, and follow who agreed, who asked for changes and who has not answered.
 * Editors see the round; writing goes on meanwhile, and a new round starts from a new version.
 */
export function CheckBackPanel({
  conceptId,
  chapterId,
  canModerate,
  members,
  myReview = null,
  onRoundChange,
}: {
  conceptId: string;
  chapterId: string;
  canModerate: boolean;
  /** Concept members who can be asked (the moderator's own account may be among them). */
  members: ReviewerCandidate[];
  /** The open round the signed-in member was asked to review, if any. */
  myReview?: MyReview | null;
  /** Told after a round was started, e.g. so the page can show the status "in Rücksprache". */
  onRoundChange?: (round: CheckBackRound) => void;
}) {
  const t = useTranslations("checkBack");
  const message = useErrorMessage();
  const base = `/api/concepts/${conceptId}/chapters/${chapterId}/check-back`;
  const [round, setRound] = useState<CheckBackRound | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [shownLink, setShownLink] = useState<ShownLink | null>(null);
  const [startingNew, setStartingNew] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await callApi<CheckBackRound | null>(base);
    if (result.ok) {
      setRound(result.data);
      setLoadError(null);
    } else {
      setLoadError(message(result.code));
    }
    return result;
  }, [base, message]);

  useEffect(() => {
    let current = true;
    const refresh = () => {
      if (document.visibilityState === "visible" && current) void load();
    };
    refresh();
    const id = setInterval(refresh, REFRESH_MS);
    document.addEventListener("visibilitychange", refresh);
    return () => {
      current = false;
      clearInterval(id);
      document.removeEventListener("visibilitychange", refresh);
    };
    // `load` changes with the translations only; one subscription per chapter is enough.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [base]);

  async function started(result: StartedCheckBack) {
    setShownLink(result.link ? await withQr(result.link) : null);
    setStartingNew(false);
    setNotice(t("started", { version: result.version }));
    const reloaded = await load();
    if (reloaded.ok && reloaded.data) onRoundChange?.(reloaded.data);
  }

  return (
    <section aria-labelledby="check-back-heading" className="space-y-4" data-testid="check-back">
      <div className="space-y-1">
        <h2 id="check-back-heading" className="text-lg font-semibold">
          {t("heading")}
        </h2>
        <p className="text-sm text-muted">{t("intro")}</p>
      </div>
      {loadError ? <Alert>{loadError}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {round === undefined && !loadError ? (
        <p className="text-sm text-muted">{t("loading")}</p>
      ) : null}
      {round === null ? (
        canModerate ? (
          <StartForm base={base} members={members} onStarted={started} />
        ) : (
          <p className="text-sm text-muted">{t("none")}</p>
        )
      ) : null}
      {round ? (
        <>
          <RoundView
            round={round}
            conceptId={conceptId}
            chapterId={chapterId}
            myReview={myReview}
          />
          <LinksView
            base={base}
            round={round}
            canModerate={canModerate && !round.closedAt}
            shownLink={shownLink}
            onShow={setShownLink}
            onChanged={load}
          />
          {canModerate ? (
            startingNew || round.closedAt ? (
              <div className="space-y-3 rounded-md border border-line bg-canvas p-3">
                <h3 className="font-medium">{t("newRoundHeading")}</h3>
                <p className="text-sm text-muted">{t("newRoundHint")}</p>
                <StartForm
                  base={base}
                  members={members}
                  onStarted={started}
                  onCancel={round.closedAt ? undefined : () => setStartingNew(false)}
                  newRound={!round.closedAt}
                />
              </div>
            ) : (
              <Button
                variant="secondary"
                className="w-full"
                onClick={() => {
                  setNotice(null);
                  setStartingNew(true);
                }}
              >
                {t("newRound")}
              </Button>
            )
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** Picks members and/or a review link and starts a round (freezes the current text). */
function StartForm({
  base,
  members,
  onStarted,
  onCancel,
  newRound = false,
}: {
  base: string;
  members: ReviewerCandidate[];
  onStarted: (result: StartedCheckBack) => Promise<void>;
  onCancel?: () => void;
  newRound?: boolean;
}) {
  const t = useTranslations("checkBack");
  const tRole = useTranslations("enums.role");
  const message = useErrorMessage();
  const id = useId();
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [withLink, setWithLink] = useState(true);
  const [hours, setHours] = useState<number>(DEFAULT_LINK_HOURS);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  function toggle(userId: string, on: boolean) {
    setPicked((previous) => {
      const next = new Set(previous);
      if (on) next.add(userId);
      else next.delete(userId);
      return next;
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (picked.size === 0 && !withLink) return setError(t("pickSomeone"));
    setError(null);
    setPending(true);
    const result = await callApi<StartedCheckBack>(base, {
      method: "POST",
      body: {
        reviewerIds: [...picked],
        ...(withLink ? { link: { expiresInHours: hours } } : {}),
      },
    });
    setPending(false);
    if (!result.ok) return setError(message(result.code));
    await onStarted(result.data);
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {error ? <Alert>{error}</Alert> : null}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("membersLegend")}</legend>
        {members.length === 0 ? <p className="text-sm text-muted">{t("noMembers")}</p> : null}
        <ul className="max-h-64 space-y-1 overflow-y-auto">
          {members.map((member) => (
            <li key={member.userId}>
              <label className="flex min-h-11 cursor-pointer items-center gap-3 rounded-md px-2 hover:bg-canvas">
                <input
                  type="checkbox"
                  className="size-5 accent-brand-700"
                  checked={picked.has(member.userId)}
                  onChange={(e) => toggle(member.userId, e.target.checked)}
                />
                <span className="min-w-0 flex-1">
                  <span className="block truncate text-sm">{member.name}</span>
                  <span className="block text-xs text-muted">{tRole(member.role)}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("linkLegend")}</legend>
        <label className="flex min-h-11 cursor-pointer items-center gap-3 rounded-md px-2 hover:bg-canvas">
          <input
            type="checkbox"
            className="size-5 accent-brand-700"
            checked={withLink}
            onChange={(e) => setWithLink(e.target.checked)}
          />
          <span className="text-sm">{t("withLink")}</span>
        </label>
        {withLink ? (
          <div className="space-y-1 pl-2">
            <label htmlFor={`${id}-hours`} className="block text-sm font-medium">
              {t("validFor")}
            </label>
            <Select
              id={`${id}-hours`}
              value={hours}
              onChange={(e) => setHours(Number(e.target.value))}
            >
              {LINK_HOURS.map((h) => (
                <option key={h} value={h}>
                  {t("days", { days: h / 24 })}
                </option>
              ))}
            </Select>
          </div>
        ) : null}
      </fieldset>
      <p className="text-sm text-muted">{t(newRound ? "freezeHintNew" : "freezeHint")}</p>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending} className="flex-1">
          {t(newRound ? "startNew" : "start")}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            {t("cancel")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

export interface MyReview {
  reviewId: string;
  answered: boolean;
}

/** Leads a member who was asked for feedback to the round's reviewer page. */
export function ReviewInvitation({ review }: { review: MyReview }) {
  const t = useTranslations("checkBack");
  return (
    <div
      className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3"
      data-testid="review-invitation"
    >
      <p className="text-sm">{t(review.answered ? "youAnswered" : "youAreAsked")}</p>
      <ButtonLink href={`/review/${review.reviewId}`} className="w-full">
        {t("openReview")}
      </ButtonLink>
    </div>
  );
}

function byDecision(reviewers: CheckBackReviewer[]) {
  return {
    approved: reviewers.filter((r) => r.decision === "approved"),
    changes_requested: reviewers.filter((r) => r.decision === "changes_requested"),
    open: reviewers.filter((r) => r.decision === null),
  };
}

/** The round: the version under check-back and every reviewer's answer. */
function RoundView({
  round,
  conceptId,
  chapterId,
  myReview,
}: {
  round: CheckBackRound;
  conceptId: string;
  chapterId: string;
  myReview: MyReview | null;
}) {
  const t = useTranslations("checkBack");
  const groups = byDecision(round.reviewers);
  return (
    <div className="space-y-3" data-testid="check-back-round">
      <div className="rounded-md border border-line bg-brand-50 p-3">
        <p className="font-medium" data-testid="check-back-version">
          {t("versionInReview", { version: round.version })}
        </p>
        {round.createdAt ? (
          <p className="text-sm text-muted">
            {t("startedAt", { date: new Date(round.createdAt) })}
          </p>
        ) : null}
        <p className="mt-1 text-sm" data-testid="check-back-summary">
          {t("summary", {
            approved: groups.approved.length,
            changes: groups.changes_requested.length,
            open: groups.open.length,
          })}
        </p>
        <a
          href={`/concepts/${conceptId}/chapters/${chapterId}/versions`}
          className="mt-1 inline-block text-sm font-medium text-brand-700 underline underline-offset-2"
        >
          {t("versionsLink")}
        </a>
      </div>
      {myReview?.reviewId === round.reviewId && !round.closedAt ? (
        <ReviewInvitation review={myReview} />
      ) : null}
      {round.reviewers.length === 0 ? (
        <p className="text-sm text-muted">{t("noReviewersYet")}</p>
      ) : null}
      <ReviewerGroup
        title={t("groups.approved")}
        tone="green"
        reviewers={groups.approved}
        testId="reviewers-approved"
      />
      <ReviewerGroup
        title={t("groups.changes_requested")}
        tone="red"
        reviewers={groups.changes_requested}
        testId="reviewers-changes"
      />
      <ReviewerGroup
        title={t("groups.open")}
        tone="neutral"
        reviewers={groups.open}
        testId="reviewers-open"
      />
    </div>
  );
}

function ReviewerGroup({
  title,
  tone,
  reviewers,
  testId,
}: {
  title: string;
  tone: "green" | "red" | "neutral";
  reviewers: CheckBackReviewer[];
  testId: string;
}) {
  const t = useTranslations("checkBack");
  if (reviewers.length === 0) return null;
  return (
    <div className="space-y-1" data-testid={testId}>
      <h3 className="flex items-center gap-2 text-sm font-medium">
        <Badge tone={tone}>{reviewers.length}</Badge>
        {title}
      </h3>
      <ul className="divide-y divide-line rounded-md border border-line bg-white text-sm">
        {reviewers.map((reviewer) => (
          <li key={reviewer.id} className="space-y-1 px-3 py-2" data-testid="reviewer">
            <p className="font-medium break-words">
              {reviewer.name}
              {reviewer.organisation ? (
                <span className="font-normal text-muted"> · {reviewer.organisation}</span>
              ) : null}
            </p>
            <p className="text-xs text-muted">
              {t(reviewer.kind === "link" ? "viaLink" : "member")}
              {reviewer.decidedAt
                ? ` · ${t("decidedAt", { date: new Date(reviewer.decidedAt) })}`
                : ""}
            </p>
            {reviewer.decisionComment ? (
              <blockquote
                className="border-l-2 border-line pl-2 whitespace-pre-line break-words"
                data-testid="decision-comment"
              >
                {reviewer.decisionComment}
              </blockquote>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function linkState(link: CheckBackLink, now: number): "active" | "expired" | "revoked" {
  if (link.revokedAt) return "revoked";
  return new Date(link.expiresAt).getTime() <= now ? "expired" : "active";
}

/** The round's review links: the new one to share (link, QR code), expiry, revoke, another one. */
function LinksView({
  base,
  round,
  canModerate,
  shownLink,
  onShow,
  onChanged,
}: {
  base: string;
  round: CheckBackRound;
  canModerate: boolean;
  shownLink: ShownLink | null;
  onShow: (link: ShownLink | null) => void;
  onChanged: () => Promise<unknown>;
}) {
  const t = useTranslations("checkBack");
  const message = useErrorMessage();
  const id = useId();
  const [hours, setHours] = useState<number>(DEFAULT_LINK_HOURS);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  async function create() {
    setError(null);
    const result = await callApi<CreatedReviewLink>(`${base}/links`, {
      method: "POST",
      body: { expiresInHours: hours },
    });
    if (!result.ok) return setError(message(result.code));
    onShow(await withQr(result.data));
    setCopied(false);
    await onChanged();
  }

  async function revoke(linkId: string) {
    setError(null);
    const result = await callApi<null>(`${base}/links/${linkId}`, { method: "DELETE" });
    if (!result.ok) return setError(message(result.code));
    if (shownLink?.id === linkId) onShow(null);
    await onChanged();
  }

  async function copy(url: string) {
    await navigator.clipboard?.writeText(url).catch(() => undefined);
    setCopied(true);
  }

  // Numbered in the server's order (oldest first), so a link keeps its number as new ones come.
  const numbered = round.links.map((link, index) => ({ link, number: index + 1 }));

  if (!canModerate && round.links.length === 0) return null;
  return (
    <div className="space-y-3" data-testid="review-links">
      <h3 className="text-sm font-medium">{t("linksHeading")}</h3>
      {error ? <Alert>{error}</Alert> : null}
      {shownLink ? (
        <div className="space-y-2 rounded-md border border-line bg-white p-3">
          <p className="text-sm text-muted">{t("shareHint")}</p>
          <div className="flex flex-wrap items-start gap-3">
            {/* eslint-disable-next-line @next/next/no-img-element -- a generated data URL, nothing to optimise */}
            <img src={shownLink.qr} alt={t("qrAlt")} width={128} height={128} />
            <p className="min-w-0 flex-1 font-mono text-sm break-all" data-testid="review-link-url">
              {shownLink.url}
            </p>
          </div>
          <p className="text-xs text-muted">
            {t("validUntil", { date: new Date(shownLink.expiresAt) })}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" onClick={() => copy(shownLink.url)}>
              {t("copy")}
            </Button>
            <span role="status" className="self-center text-sm text-emerald-800">
              {copied ? t("copied") : ""}
            </span>
          </div>
        </div>
      ) : null}
      {numbered.length ? (
        <ul className="divide-y divide-line rounded-md border border-line bg-white text-sm">
          {numbered.map(({ link, number }) => {
            const state = linkState(link, now);
            return (
              <li
                key={link.id}
                className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2"
                data-testid="review-link"
              >
                <div className="min-w-0 flex-1">
                  <p className="font-medium">{t("linkLabel", { number })}</p>
                  <p className="text-xs text-muted">
                    {state === "revoked"
                      ? t("revokedAt", { date: new Date(link.revokedAt!) })
                      : state === "expired"
                        ? t("expiredAt", { date: new Date(link.expiresAt) })
                        : t("validUntil", { date: new Date(link.expiresAt) })}
                  </p>
                </div>
                {canModerate && state === "active" ? (
                  <Button
                    variant="danger"
                    className="min-h-10 px-3 py-1"
                    onClick={() => revoke(link.id)}
                    aria-label={t("revokeNamed", { number })}
                  >
                    {t("revoke")}
                  </Button>
                ) : (
                  <Badge tone={state === "active" ? "green" : "neutral"}>
                    {t(`linkStates.${state}`)}
                  </Badge>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      {canModerate ? (
        <div className="flex flex-wrap items-end gap-2">
          <div className="space-y-1">
            <label htmlFor={`${id}-hours`} className="block text-sm font-medium">
              {t("validFor")}
            </label>
            <Select
              id={`${id}-hours`}
              value={hours}
              onChange={(e) => setHours(Number(e.target.value))}
              className="w-auto"
            >
              {LINK_HOURS.map((h) => (
                <option key={h} value={h}>
                  {t("days", { days: h / 24 })}
                </option>
              ))}
            </Select>
          </div>
          <Button variant="secondary" onClick={create}>
            {t("createLink")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
