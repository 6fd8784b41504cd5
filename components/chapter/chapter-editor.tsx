"use client";

import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import {
  EditorContent,
  ReactNodeViewRenderer,
  useEditor,
  useEditorState,
  type Editor,
} from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { PresenceList, SyncBadge } from "@/components/board/board-header";
import { usePresence } from "@/components/board/board-hooks";
import { useSyncedDoc } from "@/components/sync/use-synced-doc";
import { Button, ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/form";
import { CHAPTER_FRAGMENT, chapterExtensions, ConceptItem } from "@/lib/chapter/extensions";
import { formatDocName } from "@/lib/sync/doc-names";
import { ChapterLayout } from "./chapter-layout";
import { ChapterToolbar } from "./chapter-toolbar";
import { findThreadRange, holdSelection, resolveHeld, type HeldRange } from "./comment-anchor";
import { CommentSidebar, sendJSON, useCommentThreads } from "./comment-sidebar";
import { ConceptItemNodeView } from "./concept-item-node-view";
import { ConceptItemsProvider } from "./concept-items-context";
import type { ConceptItems } from "@/lib/chapter/concept-item-view";

export type ChapterStatus = "draft" | "in_review" | "final";

export interface ChapterSession {
  conceptId: string;
  chapterId: string;
  title: string;
  status: ChapterStatus;
  canModerate: boolean;
  me: { id: string; name: string };
  /** What the server lets this person do with the live document, when the page was rendered. */
  access: "read" | "write";
  /** The live document's state then (base64 Yjs update): the text shows before the socket syncs. */
  docState: string;
  /** The concept's goals and measures then, for the embedded items. */
  items: ConceptItems;
}

/** Why the editor does not accept typing: shown above the text. */
type ReadOnlyReason = "final" | "demoted" | "removed" | "signedOut" | "unavailable";

const CARET_COLOURS = ["#195b64", "#9a3412", "#6d28d9", "#be185d", "#1d4ed8", "#4d7c0f", "#b45309"];

/** A stable colour per person, so the others recognise a caret. */
function caretColour(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return CARET_COLOURS[hash % CARET_COLOURS.length]!;
}

/** The shared schema with the embedded item rendered by React (the schema itself is shared). */
function editorExtensions() {
  const ConceptItemWithView = ConceptItem.extend({
    addNodeView() {
      return ReactNodeViewRenderer(ConceptItemNodeView);
    },
  });
  return chapterExtensions().map((extension) =>
    extension.name === ConceptItem.name ? ConceptItemWithView : extension,
  );
}

/**
 * The chapter writing page for editors and moderators: a TipTap editor on the chapter's Yjs
 * document through the sync server, with carets and presence, the sync state, comments, and
 * (for moderators) finalise and reopen. It turns read-only the moment the server says so.
 */
export function ChapterEditor({
  session,
  sidebar,
}: {
  session: ChapterSession;
  /** More panels beside the text (e.g. check-back), below the comments. */
  sidebar?: ReactNode;
}) {
  return (
    <ConceptItemsProvider conceptId={session.conceptId} initial={session.items}>
      <ChapterWorkspace session={session} sidebar={sidebar} />
    </ConceptItemsProvider>
  );
}

function ChapterWorkspace({ session, sidebar }: { session: ChapterSession; sidebar?: ReactNode }) {
  const t = useTranslations("chapter");
  const base = `/api/concepts/${session.conceptId}/chapters/${session.chapterId}`;
  const docName = formatDocName({ kind: "chapter", id: session.chapterId });
  const { doc, awareness, state, access, refresh } = useSyncedDoc(docName, {
    access: session.access,
    state: session.docState,
  });
  const [status, setStatus] = useState<ChapterStatus>(session.status);
  const [demoted, setDemoted] = useState(false);
  const presence = usePresence(awareness, session.me.name);
  const colour = useMemo(() => caretColour(session.me.id), [session.me.id]);

  // Access dropped to read: ask the server why (final, or no longer allowed to edit). Writing
  // allowed again while the page still says final: the chapter was reopened.
  const reopened = access === "write" && status === "final";
  useEffect(() => {
    if (access !== "read" && !reopened) return;
    let cancelled = false;
    void (async () => {
      try {
        const response = await fetch(`/api/concepts/${session.conceptId}/chapters`, {
          cache: "no-store",
        });
        const list = response.ok
          ? ((await response.json()) as Array<{ id: string; status: ChapterStatus }>)
          : [];
        const current = list.find((chapter) => chapter.id === session.chapterId);
        if (cancelled) return;
        if (current) setStatus(current.status);
        setDemoted(access === "read" && current?.status !== "final");
      } catch {
        if (!cancelled) setDemoted(true);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [access, reopened, session.conceptId, session.chapterId]);

  const reason: ReadOnlyReason | null =
    state.state === "denied"
      ? state.reason === "forbidden" || state.reason === "not_found"
        ? "removed"
        : state.reason === "unauthorized"
          ? "signedOut"
          : "unavailable"
      : status === "final"
        ? "final"
        : access === "read" && demoted
          ? "demoted"
          : null;
  const editable = access === "write" && reason === null;

  const editor = useEditor(
    {
      immediatelyRender: false,
      // The page's CSP allows no inline <style>; ProseMirror's base rules are in globals.css.
      injectCSS: false,
      editable: false,
      extensions: [
        ...editorExtensions(),
        Collaboration.configure({ document: doc, field: CHAPTER_FRAGMENT }),
        ...(awareness
          ? [
              CollaborationCaret.configure({
                provider: { awareness },
                user: { name: session.me.name, color: colour },
              }),
            ]
          : []),
      ],
      editorProps: {
        attributes: {
          class:
            "chapter-content min-h-[60vh] px-4 py-5 sm:px-8 whitespace-pre-wrap break-words focus:outline-none",
          role: "textbox",
          "aria-multiline": "true",
          "aria-label": t("editorLabel", { title: session.title }),
          "data-testid": "chapter-editor",
        },
      },
    },
    [awareness, doc],
  );

  // Read-only at once when the server or the status says so.
  useEffect(() => {
    // An editor replaced in this same commit (new awareness) is already destroyed.
    if (!editor || editor.isDestroyed) return;
    editor.setEditable(editable);
    editor.view.dom.setAttribute("aria-readonly", String(!editable));
  }, [editor, editable]);

  const canComment = editable;
  const activeThreadId = useActiveThread(editor);
  const { threads, reload } = useCommentThreads(base, true);
  useReloadOnNewThread(editor, threads, reload);
  const [held, setHeld] = useState<HeldRange | null>(null);
  const startComment = useCallback(() => {
    if (editor) setHeld(holdSelection(editor));
  }, [editor]);
  const createThread = useCallback(
    async (body: string) => {
      if (!editor || !held) return false;
      const id = crypto.randomUUID();
      const ok = await sendJSON(`${base}/comments`, "POST", { id, quote: held.quote, body });
      if (!ok) return false;
      const range = resolveHeld(editor, held);
      if (range)
        editor
          .chain()
          .setTextSelection(range)
          .setMark("comment", { threadId: id })
          .setTextSelection(range.to)
          .run();
      setHeld(null);
      await reload();
      return true;
    },
    [base, editor, held, reload],
  );
  const selectThread = useCallback(
    (threadId: string) => {
      if (!editor) return;
      const range = findThreadRange(editor, threadId);
      if (!range) return;
      editor.chain().focus().setTextSelection(range).scrollIntoView().run();
    },
    [editor],
  );

  const changeStatus = async (next: "draft" | "final") => {
    const response = await fetch(base, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ status: next }),
    }).catch(() => null);
    if (!response?.ok) return;
    setStatus(next);
    setDemoted(false);
    // The server decides access when a socket opens; reopening needs a fresh one.
    if (next === "draft") refresh();
  };

  return (
    <ChapterLayout
      header={
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="flex flex-wrap items-center gap-3">
            <SyncBadge state={state} />
            <PresenceList people={presence} />
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <ButtonLink
              variant="secondary"
              href={`/concepts/${session.conceptId}/chapters/${session.chapterId}/versions`}
            >
              {t("versionsLink")}
            </ButtonLink>
            {session.canModerate && status !== "final" ? (
              <Button onClick={() => changeStatus("final")} data-testid="finalise">
                {t("finalise")}
              </Button>
            ) : null}
            {session.canModerate && status === "final" ? (
              <Button
                variant="secondary"
                onClick={() => changeStatus("draft")}
                data-testid="reopen"
              >
                {t("reopen")}
              </Button>
            ) : null}
          </div>
        </div>
      }
      notice={
        reason ? (
          <div data-testid="read-only-notice" data-reason={reason}>
            <Alert tone={reason === "final" ? "info" : "error"}>{t(`readOnly.${reason}`)}</Alert>
          </div>
        ) : null
      }
      main={
        editor ? (
          <div className="rounded-lg border border-line bg-white shadow-xs">
            {editable ? (
              <ChapterToolbar
                editor={editor}
                editable={editable}
                canComment={canComment}
                onComment={startComment}
              />
            ) : null}
            <EditorContent editor={editor} />
          </div>
        ) : (
          <div
            className="min-h-[60vh] rounded-lg border border-line bg-white p-8 text-muted"
            aria-busy="true"
          >
            {t("loading")}
          </div>
        )
      }
      sidebarLabel={t("sidebarLabel")}
      sidebar={
        <>
          {reason !== "removed" && reason !== "signedOut" ? (
            <CommentSidebar
              base={base}
              threads={threads}
              reload={reload}
              pendingQuote={held?.quote ?? null}
              onCreate={createThread}
              onCancelPending={() => setHeld(null)}
              onSelectThread={selectThread}
              activeThreadId={activeThreadId}
            />
          ) : null}
          {sidebar}
        </>
      }
    />
  );
}

/**
 * The thread under the cursor: its text gets a slightly stronger highlight and its card in the
 * sidebar a border, so the two are easy to match.
 */
function useActiveThread(editor: Editor | null): string | null {
  const threadId = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      (e?.state.selection.$from.marks().find((m) => m.type.name === "comment")?.attrs.threadId as
        string | undefined) ?? null,
  });
  useEffect(() => {
    if (!editor) return;
    const root = editor.view.dom;
    root
      .querySelectorAll(".chapter-comment-active")
      .forEach((el) => el.classList.remove("chapter-comment-active"));
    if (!threadId) return;
    root
      .querySelectorAll(`[data-thread-id="${CSS.escape(threadId)}"]`)
      .forEach((el) => el.classList.add("chapter-comment-active"));
  }, [editor, threadId]);
  return threadId ?? null;
}

/**
 * A colleague's new comment arrives first as its mark in the document: when the document holds
 * a thread id the list does not know yet, the list is read again (at most every half second).
 */
function useReloadOnNewThread(
  editor: Editor | null,
  threads: Array<{ id: string }> | null,
  reload: () => Promise<void>,
) {
  useEffect(() => {
    if (!editor || !threads) return;
    const known = new Set(threads.map((thread) => thread.id));
    let timer: number | undefined;
    const check = () => {
      let unknown = false;
      editor.state.doc.descendants((node) => {
        for (const mark of node.marks)
          if (mark.type.name === "comment" && !known.has(mark.attrs.threadId as string))
            unknown = true;
        return !unknown;
      });
      if (unknown) void reload();
    };
    const onUpdate = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(check, 500);
    };
    editor.on("update", onUpdate);
    return () => {
      window.clearTimeout(timer);
      editor.off("update", onUpdate);
    };
  }, [editor, threads, reload]);
}
