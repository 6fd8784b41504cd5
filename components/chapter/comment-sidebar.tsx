"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { Textarea } from "@/components/ui/form";
import { cn } from "@/components/ui/cn";

export interface CommentThread {
  id: string;
  status: "open" | "resolved";
  quote: string;
  detached: boolean;
  reviewId: string | null;
  createdAt: string;
  comments: Array<{ id: string; authorName: string; body: string; createdAt: string }>;
}

const REFRESH_MS = 15_000;

/** The chapter's comment threads, read from the API now, on focus and every 15 s. */
export function useCommentThreads(base: string, enabled: boolean) {
  const [threads, setThreads] = useState<CommentThread[] | null>(null);
  const reload = useCallback(async () => {
    try {
      const response = await fetch(`${base}/comments`, { cache: "no-store" });
      if (response.ok) setThreads((await response.json()) as CommentThread[]);
    } catch {
      // Offline: keep the list; the next tick tries again.
    }
  }, [base]);
  useEffect(() => {
    if (!enabled) return;
    const first = window.setTimeout(reload, 0);
    const timer = window.setInterval(reload, REFRESH_MS);
    const onFocus = () => void reload();
    window.addEventListener("focus", onFocus);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
      window.removeEventListener("focus", onFocus);
    };
  }, [enabled, reload]);
  return { threads, reload };
}

async function send(url: string, method: string, body: unknown): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * The comments beside the text: a form for a new thread on the held selection, then open and
 * resolved threads with their replies. Choosing a thread selects its text in the editor.
 */
export function CommentSidebar({
  base,
  threads,
  reload,
  pendingQuote,
  onCreate,
  onCancelPending,
  onSelectThread,
  activeThreadId,
}: {
  base: string;
  threads: CommentThread[] | null;
  reload: () => Promise<void>;
  pendingQuote: string | null;
  onCreate: (body: string) => Promise<boolean>;
  onCancelPending: () => void;
  onSelectThread: (threadId: string) => void;
  activeThreadId: string | null;
}) {
  const t = useTranslations("chapter.comments");
  const [showResolved, setShowResolved] = useState(false);
  const open = threads?.filter((thread) => thread.status === "open") ?? [];
  const resolved = threads?.filter((thread) => thread.status === "resolved") ?? [];
  return (
    <section aria-labelledby="comments-heading" className="space-y-3" data-testid="comments">
      <h2 id="comments-heading" className="text-base font-semibold">
        {t("heading")}
      </h2>
      {pendingQuote !== null ? (
        <NewThreadForm quote={pendingQuote} onCreate={onCreate} onCancel={onCancelPending} />
      ) : null}
      {threads === null ? <p className="text-sm text-muted">{t("loading")}</p> : null}
      {threads !== null && open.length === 0 && pendingQuote === null ? (
        <p className="text-sm text-muted">{t("none")}</p>
      ) : null}
      <ul className="space-y-3">
        {open.map((thread) => (
          <li key={thread.id}>
            <ThreadCard
              base={base}
              thread={thread}
              reload={reload}
              onSelect={onSelectThread}
              active={thread.id === activeThreadId}
            />
          </li>
        ))}
      </ul>
      {resolved.length ? (
        <div>
          <button
            type="button"
            aria-expanded={showResolved}
            onClick={() => setShowResolved((v) => !v)}
            className="text-sm font-medium text-brand-700 hover:underline"
          >
            {t("resolvedToggle", { count: resolved.length })}
          </button>
          {showResolved ? (
            <ul className="mt-2 space-y-3">
              {resolved.map((thread) => (
                <li key={thread.id}>
                  <ThreadCard
                    base={base}
                    thread={thread}
                    reload={reload}
                    onSelect={onSelectThread}
                    active={thread.id === activeThreadId}
                  />
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function NewThreadForm({
  quote,
  onCreate,
  onCancel,
}: {
  quote: string;
  onCreate: (body: string) => Promise<boolean>;
  onCancel: () => void;
}) {
  const t = useTranslations("chapter.comments");
  const [body, setBody] = useState("");
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const id = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    setBusy(true);
    const ok = await onCreate(body.trim());
    setBusy(false);
    if (ok) setBody("");
    else setFailed(true);
  };
  return (
    <form
      onSubmit={submit}
      className="space-y-2 rounded-md border border-brand-100 bg-brand-50 p-3"
      data-testid="new-comment"
    >
      <blockquote className="border-l-2 border-amber-400 pl-2 text-sm text-muted">
        {quote}
      </blockquote>
      <label htmlFor={id} className="block text-sm font-medium">
        {t("newLabel")}
      </label>
      <Textarea
        id={id}
        autoFocus
        rows={3}
        value={body}
        maxLength={5000}
        onChange={(event) => setBody(event.target.value)}
      />
      {failed ? (
        <p role="alert" className="text-sm text-red-700">
          {t("failed")}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          {t("cancel")}
        </Button>
        <Button type="submit" disabled={busy || !body.trim()}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}

function ThreadCard({
  base,
  thread,
  reload,
  onSelect,
  active,
}: {
  base: string;
  thread: CommentThread;
  reload: () => Promise<void>;
  onSelect: (threadId: string) => void;
  active: boolean;
}) {
  const t = useTranslations("chapter.comments");
  const format = useFormatter();
  const [reply, setReply] = useState("");
  const [failed, setFailed] = useState(false);
  const replyId = useId();
  const url = `${base}/comments/${thread.id}`;
  const submitReply = async (event: FormEvent) => {
    event.preventDefault();
    if (!reply.trim()) return;
    const ok = await send(`${url}/replies`, "POST", { body: reply.trim() });
    setFailed(!ok);
    if (ok) {
      setReply("");
      await reload();
    }
  };
  const toggle = async () => {
    const ok = await send(url, "PATCH", {
      status: thread.status === "open" ? "resolved" : "open",
    });
    setFailed(!ok);
    if (ok) await reload();
  };
  return (
    <article
      data-testid="comment-thread"
      data-thread-id={thread.id}
      data-status={thread.status}
      className={cn(
        "space-y-2 rounded-md border bg-white p-3 text-sm",
        active ? "border-brand-600" : "border-line",
        thread.status === "resolved" && "opacity-80",
      )}
    >
      <div className="flex flex-wrap items-center gap-1.5">
        {thread.status === "resolved" ? <Badge tone="green">{t("resolved")}</Badge> : null}
        {thread.detached ? <Badge tone="amber">{t("detached")}</Badge> : null}
        {thread.reviewId ? <Badge tone="brand">{t("fromReview")}</Badge> : null}
      </div>
      {thread.detached ? (
        <blockquote className="border-l-2 border-line pl-2 text-muted">{thread.quote}</blockquote>
      ) : (
        <button
          type="button"
          onClick={() => onSelect(thread.id)}
          className="block w-full border-l-2 border-amber-400 pl-2 text-left text-muted hover:text-ink"
          aria-label={t("showText", { quote: thread.quote.slice(0, 80) })}
        >
          {thread.quote}
        </button>
      )}
      <ol className="space-y-2">
        {thread.comments.map((comment) => (
          <li key={comment.id}>
            <p className="text-xs text-muted">
              <span className="font-medium text-ink">{comment.authorName}</span> ·{" "}
              {format.dateTime(new Date(comment.createdAt), {
                dateStyle: "short",
                timeStyle: "short",
              })}
            </p>
            <p className="whitespace-pre-wrap">{comment.body}</p>
          </li>
        ))}
      </ol>
      <form onSubmit={submitReply} className="space-y-1.5">
        <label htmlFor={replyId} className="sr-only">
          {t("replyLabel")}
        </label>
        <Textarea
          id={replyId}
          rows={2}
          value={reply}
          maxLength={5000}
          placeholder={t("replyLabel")}
          onChange={(event) => setReply(event.target.value)}
        />
        {failed ? (
          <p role="alert" className="text-red-700">
            {t("failed")}
          </p>
        ) : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="ghost" onClick={toggle} className="min-h-9 px-3">
            {thread.status === "open" ? t("resolve") : t("reopen")}
          </Button>
          <Button
            type="submit"
            variant="secondary"
            disabled={!reply.trim()}
            className="min-h-9 px-3"
          >
            {t("reply")}
          </Button>
        </div>
      </form>
    </article>
  );
}

export { send as sendJSON };
