"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from "react";
import { callApi } from "@/components/chapter/call-api";
import type {
  ReviewDecision,
  ReviewThread,
  ReviewView,
} from "@/components/chapter/check-back-types";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Alert, Textarea } from "@/components/ui/form";
import { useErrorMessage } from "@/components/ui/form-feedback";
import { ReviewDocument, type ReviewSelection } from "./review-document";

const MAX_QUOTE = 1000;
const MAX_BODY = 4000;

type Loaded =
  | { kind: "loading" }
  | { kind: "failed"; status: number; code: string }
  | { kind: "ready"; view: ReviewView };

type Sheet = "comment" | ReviewDecision | null;

/**
 * The reviewer's page of a check-back round: reads the frozen version, comments on selected
 * text, replies, and answers "Einverstanden" or "Änderungen erbeten" (with a comment). The
 * answer buttons stay at the bottom of the screen, also on a phone.
 */
export function ReviewApp({ reviewId }: { reviewId: string }) {
  const t = useTranslations("review");
  const [loaded, setLoaded] = useState<Loaded>({ kind: "loading" });
  const base = `/api/reviews/${reviewId}`;

  const load = useCallback(async () => {
    const result = await callApi<ReviewView>(base);
    setLoaded(
      result.ok
        ? { kind: "ready", view: result.data }
        : { kind: "failed", status: result.status, code: result.code },
    );
  }, [base]);

  useEffect(() => {
    let current = true;
    void callApi<ReviewView>(base).then(
      (result) =>
        current &&
        setLoaded(
          result.ok
            ? { kind: "ready", view: result.data }
            : { kind: "failed", status: result.status, code: result.code },
        ),
    );
    return () => {
      current = false;
    };
  }, [base]);

  if (loaded.kind === "loading") {
    return (
      <p className="py-10 text-center text-muted" role="status">
        {t("loading")}
      </p>
    );
  }
  if (loaded.kind === "failed") return <ReviewUnavailable status={loaded.status} />;
  return <ReviewReady base={base} view={loaded.view} reload={load} />;
}

function ReviewUnavailable({ status }: { status: number }) {
  const t = useTranslations("review.unavailable");
  const key =
    status === 401
      ? "signedOut"
      : status === 403
        ? "forbidden"
        : status === 404
          ? "notFound"
          : "failed";
  return (
    <div className="space-y-2 py-6" role="alert">
      <h1 className="text-2xl font-semibold tracking-tight">{t(`${key}Title`)}</h1>
      <p className="text-muted">{t(`${key}Text`)}</p>
    </div>
  );
}

function ReviewReady({
  base,
  view,
  reload,
}: {
  base: string;
  view: ReviewView;
  reload: () => Promise<void>;
}) {
  const t = useTranslations("review");
  const [selection, setSelection] = useState<ReviewSelection | null>(null);
  const [sheet, setSheet] = useState<Sheet>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // While the comment form is open, a tap elsewhere must not drop the text it is about.
  const [commentTarget, setCommentTarget] = useState<ReviewSelection | null>(null);

  const onSelection = useCallback((next: ReviewSelection | null) => setSelection(next), []);

  function openSheet(next: Sheet) {
    setNotice(null);
    if (next === "comment") setCommentTarget(selection);
    setSheet(next);
  }

  async function done(message: string) {
    setSheet(null);
    setCommentTarget(null);
    // The commented text is done with: drop its selection, so the bar offers the decision again.
    setSelection(null);
    window.getSelection()?.removeAllRanges();
    setNotice(message);
    await reload();
  }

  const decision = view.me.decision;
  return (
    <div className="pb-56">
      <header className="mb-6 space-y-2">
        <p className="text-sm font-medium text-brand-700">{view.concept.name}</p>
        <h1 className="text-2xl font-semibold tracking-tight break-words sm:text-3xl">
          {view.chapter.title}
        </h1>
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone="brand">{t("version", { version: view.version.version })}</Badge>
          {decision ? (
            <Badge tone={decision === "approved" ? "green" : "amber"}>
              {t(`yourDecision.${decision}`)}
            </Badge>
          ) : null}
        </div>
        {view.me.decisionComment ? (
          <p className="text-sm break-words whitespace-pre-line" data-testid="my-decision-comment">
            <span className="font-medium">{t("yourComment")}</span> {view.me.decisionComment}
          </p>
        ) : null}
        <p className="text-muted">{t("intro", { name: view.me.name })}</p>
        {view.closed ? <Alert tone="info">{t("closed")}</Alert> : null}
      </header>
      <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_20rem] lg:gap-10">
        <article className="min-w-0 rounded-lg border border-line bg-white px-4 py-2 shadow-xs sm:px-8 sm:py-4">
          <ReviewDocument
            key={view.version.version}
            json={view.version.json}
            html={view.version.html}
            label={t("documentLabel", { title: view.chapter.title })}
            quotes={view.threads.map((thread) => thread.quote)}
            onSelection={onSelection}
          />
        </article>
        <aside className="mt-8 space-y-3 lg:mt-0" aria-labelledby="review-threads-heading">
          <h2 id="review-threads-heading" className="text-lg font-semibold">
            {t("threadsHeading", { count: view.threads.length })}
          </h2>
          {view.threads.length === 0 ? (
            <p className="text-sm text-muted">{t("noThreads")}</p>
          ) : (
            <ul className="space-y-3" data-testid="review-threads">
              {view.threads.map((thread) => (
                <ThreadItem
                  key={thread.id}
                  base={base}
                  thread={thread}
                  disabled={view.closed}
                  onReplied={() => done(t("replySaved"))}
                />
              ))}
            </ul>
          )}
        </aside>
      </div>
      <ActionBar
        base={base}
        selection={selection}
        commentTarget={commentTarget}
        sheet={sheet}
        decision={decision}
        decisionComment={view.me.decisionComment}
        closed={view.closed}
        notice={notice}
        onOpen={openSheet}
        onClose={() => setSheet(null)}
        onDone={done}
      />
    </div>
  );
}

function ThreadItem({
  base,
  thread,
  disabled,
  onReplied,
}: {
  base: string;
  thread: ReviewThread;
  disabled: boolean;
  onReplied: () => Promise<void>;
}) {
  const t = useTranslations("review");
  const message = useErrorMessage();
  const id = useId();
  const [replying, setReplying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = String(new FormData(event.currentTarget).get("body") ?? "").trim();
    if (!body) return setError(t("bodyRequired"));
    setPending(true);
    const result = await callApi(`${base}/comments/${thread.id}/replies`, {
      method: "POST",
      body: { body },
    });
    setPending(false);
    if (!result.ok) return setError(message(result.code));
    setReplying(false);
    setError(null);
    await onReplied();
  }

  return (
    <li
      className="space-y-2 rounded-md border border-line bg-white p-3"
      data-testid="review-thread"
    >
      <blockquote className="border-l-4 border-amber-300 pl-3 text-sm text-muted italic break-words">
        {thread.quote}
      </blockquote>
      {thread.status === "resolved" ? <Badge tone="green">{t("resolved")}</Badge> : null}
      <ul className="space-y-2">
        {thread.comments.map((comment) => (
          <li key={comment.id} className="text-sm">
            <p className="font-medium break-words">
              {comment.authorName}{" "}
              <span className="font-normal text-muted">
                · {t("at", { date: new Date(comment.createdAt) })}
              </span>
            </p>
            <p className="whitespace-pre-line break-words">{comment.body}</p>
          </li>
        ))}
      </ul>
      {disabled ? null : replying ? (
        <form onSubmit={submit} className="space-y-2" noValidate>
          {error ? <Alert>{error}</Alert> : null}
          <label htmlFor={`${id}-reply`} className="block text-sm font-medium">
            {t("replyLabel")}
          </label>
          <Textarea id={`${id}-reply`} name="body" maxLength={MAX_BODY} required autoFocus />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={pending}>
              {t("sendReply")}
            </Button>
            <Button variant="secondary" onClick={() => setReplying(false)}>
              {t("cancel")}
            </Button>
          </div>
        </form>
      ) : (
        <Button variant="ghost" className="px-2" onClick={() => setReplying(true)}>
          {t("reply")}
        </Button>
      )}
    </li>
  );
}

/**
 * The bar at the bottom of the screen: comment on the selected text, and the decision. Its
 * forms open inside the bar, so they are reachable without scrolling on a phone.
 */
function ActionBar({
  base,
  selection,
  commentTarget,
  sheet,
  decision,
  decisionComment,
  closed,
  notice,
  onOpen,
  onClose,
  onDone,
}: {
  base: string;
  selection: ReviewSelection | null;
  commentTarget: ReviewSelection | null;
  sheet: Sheet;
  decision: ReviewDecision | null;
  decisionComment: string | null;
  closed: boolean;
  notice: string | null;
  onOpen: (sheet: Sheet) => void;
  onClose: () => void;
  onDone: (message: string) => Promise<void>;
}) {
  const t = useTranslations("review");
  return (
    <div
      className="fixed inset-x-0 bottom-0 z-20 border-t border-line bg-white/95 shadow-[0_-4px_16px_rgba(0,0,0,0.06)] backdrop-blur"
      data-testid="review-actions"
    >
      <div className="mx-auto max-w-6xl space-y-2 px-4 pt-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] sm:px-6">
        <p role="status" className="text-sm text-emerald-800 empty:hidden">
          {notice ?? ""}
        </p>
        {sheet === "comment" && commentTarget ? (
          <CommentForm base={base} target={commentTarget} onCancel={onClose} onDone={onDone} />
        ) : sheet === "approved" || sheet === "changes_requested" ? (
          <DecisionForm
            base={base}
            decision={sheet}
            previousComment={sheet === decision ? decisionComment : null}
            onCancel={onClose}
            onDone={onDone}
          />
        ) : closed ? (
          <p className="text-sm text-muted">{t("closedShort")}</p>
        ) : (
          <div className="space-y-2 sm:flex sm:items-center sm:gap-4 sm:space-y-0">
            {selection ? (
              <div className="flex min-w-0 items-center gap-2 sm:flex-1">
                <p className="min-w-0 flex-1 truncate text-sm text-muted">„{selection.quote}“</p>
                <Button variant="secondary" className="min-h-11" onClick={() => onOpen("comment")}>
                  {t("comment")}
                </Button>
              </div>
            ) : (
              <p className="text-sm text-muted sm:flex-1">{t("selectHint")}</p>
            )}
            <div className="grid grid-cols-2 gap-2 sm:w-md">
              <Button
                className={cn(
                  "min-h-12 bg-emerald-700 hover:bg-emerald-800",
                  decision === "approved" && "ring-2 ring-emerald-700 ring-offset-2",
                )}
                onClick={() => onOpen("approved")}
              >
                {decision === "approved" ? <span aria-hidden>✓</span> : null}
                {t("approve")}
              </Button>
              <Button
                variant="secondary"
                className={cn(
                  "min-h-12",
                  decision === "changes_requested" && "ring-2 ring-amber-600 ring-offset-2",
                )}
                onClick={() => onOpen("changes_requested")}
              >
                {decision === "changes_requested" ? <span aria-hidden>✓</span> : null}
                {t("requestChanges")}
              </Button>
            </div>
          </div>
        )}
      </div>
    </div>
  );
}

function CommentForm({
  base,
  target,
  onCancel,
  onDone,
}: {
  base: string;
  target: ReviewSelection;
  onCancel: () => void;
  onDone: (message: string) => Promise<void>;
}) {
  const t = useTranslations("review");
  const message = useErrorMessage();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = String(new FormData(event.currentTarget).get("body") ?? "").trim();
    if (!body) return setError(t("bodyRequired"));
    setPending(true);
    const result = await callApi(`${base}/comments`, {
      method: "POST",
      body: {
        quote: target.quote.slice(0, MAX_QUOTE),
        body,
        anchor: { from: target.from, to: target.to },
      },
    });
    setPending(false);
    if (!result.ok) return setError(message(result.code));
    await onDone(t("commentSaved"));
  }

  return (
    <form onSubmit={submit} className="space-y-2" noValidate aria-label={t("commentFormLabel")}>
      {error ? <Alert>{error}</Alert> : null}
      <p className="line-clamp-2 text-sm text-muted break-words">„{target.quote}“</p>
      <label htmlFor="review-comment" className="block text-sm font-medium">
        {t("commentLabel")}
      </label>
      <Textarea
        id="review-comment"
        name="body"
        maxLength={MAX_BODY}
        required
        autoFocus
        className="min-h-20"
      />
      <div className="grid grid-cols-2 gap-2">
        <Button type="submit" className="min-h-12" disabled={pending}>
          {t("sendComment")}
        </Button>
        <Button variant="secondary" className="min-h-12" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}

function DecisionForm({
  base,
  decision,
  previousComment,
  onCancel,
  onDone,
}: {
  base: string;
  decision: ReviewDecision;
  /** The comment given with the same decision before, to edit rather than retype. */
  previousComment: string | null;
  onCancel: () => void;
  onDone: (message: string) => Promise<void>;
}) {
  const t = useTranslations("review");
  const tErrors = useTranslations("errors.fields");
  const message = useErrorMessage();
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const needsComment = decision === "changes_requested";

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const comment = String(new FormData(event.currentTarget).get("comment") ?? "").trim();
    if (needsComment && !comment) {
      setFieldError(t("commentRequired"));
      textarea.current?.focus();
      return;
    }
    setPending(true);
    const result = await callApi(`${base}/decision`, {
      method: "POST",
      body: { decision, ...(comment ? { comment } : {}) },
    });
    setPending(false);
    if (!result.ok) {
      const field = result.fields.comment;
      if (field) {
        setFieldError(tErrors.has(field) ? tErrors(field) : t("commentRequired"));
        return textarea.current?.focus();
      }
      return setError(message(result.code));
    }
    await onDone(t(`decisionSaved.${decision}`));
  }

  return (
    <form
      onSubmit={submit}
      className="space-y-2"
      noValidate
      aria-label={t(`decisionFormLabel.${decision}`)}
    >
      {error ? <Alert>{error}</Alert> : null}
      <p className="text-sm font-medium">{t(`decisionQuestion.${decision}`)}</p>
      <label htmlFor="review-decision-comment" className="block text-sm font-medium">
        {t(needsComment ? "changesLabel" : "approveCommentLabel")}
      </label>
      <Textarea
        ref={textarea}
        id="review-decision-comment"
        name="comment"
        maxLength={MAX_BODY}
        required={needsComment}
        defaultValue={previousComment ?? ""}
        autoFocus
        aria-invalid={fieldError ? true : undefined}
        aria-describedby={fieldError ? "review-decision-error" : undefined}
        className="min-h-20"
      />
      {fieldError ? (
        <p id="review-decision-error" className="text-sm text-red-700">
          {fieldError}
        </p>
      ) : null}
      <div className="grid grid-cols-2 gap-2">
        <Button type="submit" className="min-h-12" disabled={pending}>
          {t(`send.${decision}`)}
        </Button>
        <Button variant="secondary" className="min-h-12" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
