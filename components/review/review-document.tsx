"use client";

import { Extension, type JSONContent } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import {
  EditorContent,
  NodeViewWrapper,
  ReactNodeViewRenderer,
  useEditor,
  type ReactNodeViewProps,
} from "@tiptap/react";
import { useTranslations } from "next-intl";
import { createContext, useContext, useEffect, useMemo, useRef } from "react";
import { cn } from "@/components/ui/cn";
import { ConceptItem, chapterExtensions } from "@/lib/chapter/extensions";

/** A selection in the reviewed version: ProseMirror positions in its JSON and the selected text. */
export interface ReviewSelection {
  from: number;
  to: number;
  quote: string;
}

type ItemLines = Map<string, { lines: string[]; retired: boolean }>;

const ItemContext = createContext<ItemLines>(new Map());

const BLOCK_TAGS = new Set(["P", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "DT", "DD", "TD", "TH"]);

/**
 * The text of each embedded goal and measure as the version's HTML rendered it (as of the store
 * revision the version refers to), by item id: one line per block. Read as text only, so nothing
 * of the HTML is ever inserted as markup.
 */
function itemLinesFromHtml(html: string): ItemLines {
  const lines: ItemLines = new Map();
  if (!html) return lines;
  const doc = new DOMParser().parseFromString(html, "text/html");
  for (const element of doc.querySelectorAll<HTMLElement>("[data-concept-item]")) {
    const id = element.getAttribute("data-id");
    if (!id) continue;
    const blocks = [...element.querySelectorAll<HTMLElement>("*")].filter(
      (e) => BLOCK_TAGS.has(e.tagName) || (e.tagName === "DIV" && e.children.length === 0),
    );
    const texts = (
      blocks.length ? blocks.map((b) => b.textContent ?? "") : [element.textContent ?? ""]
    )
      .map((text) => text.replace(/\s+/g, " ").trim())
      .filter(Boolean);
    lines.set(id, { lines: texts, retired: element.hasAttribute("data-retired") });
  }
  return lines;
}

const quotesKey = new PluginKey<DecorationSet>("reviewQuotes");

/**
 * Marks the first place each quote stands in one paragraph of the version, so the reader sees
 * what the round's comments are about (the frozen version holds no comment marks of its own).
 */
function quoteDecorations(doc: ProseMirrorNode, quotes: readonly string[]): DecorationSet {
  const decorations: Decoration[] = [];
  for (const quote of new Set(quotes.filter(Boolean))) {
    let found = false;
    doc.descendants((node, pos) => {
      if (found) return false;
      if (!node.isTextblock) return true;
      // One character per inline leaf, so offsets in the text are offsets in the document.
      const at = node.textBetween(0, node.content.size, undefined, "\ufffc").indexOf(quote);
      if (at >= 0) {
        found = true;
        decorations.push(
          Decoration.inline(pos + 1 + at, pos + 1 + at + quote.length, {
            class: "chapter-comment",
          }),
        );
      }
      return false;
    });
  }
  return DecorationSet.create(doc, decorations);
}

const ReviewQuotes = Extension.create({
  name: "reviewQuotes",
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: quotesKey,
        state: {
          init: () => DecorationSet.empty,
          apply: (tr, old) => {
            const quotes = tr.getMeta(quotesKey) as string[] | undefined;
            return quotes ? quoteDecorations(tr.doc, quotes) : old.map(tr.mapping, tr.doc);
          },
        },
        props: { decorations: (state) => quotesKey.getState(state) },
      }),
    ];
  },
});

function ConceptItemView({ node }: ReactNodeViewProps) {
  const t = useTranslations("review");
  const item = useContext(ItemContext).get(String(node.attrs.id));
  const kind = node.attrs.kind === "goal" ? "goal" : "measure";
  const [first, ...rest] = item?.lines ?? [];
  return (
    <NodeViewWrapper
      as="div"
      className={cn(
        "my-4 rounded-md border bg-brand-50 px-4 py-3 text-base",
        item?.retired ? "border-dashed border-line text-muted" : "border-brand-100",
      )}
      data-testid="review-concept-item"
    >
      {first ? (
        <p className="font-medium">{first}</p>
      ) : (
        <p className="text-muted">{t(`itemMissing.${kind}`)}</p>
      )}
      {rest.length ? (
        <div className="text-sm text-muted">
          {rest.map((line, index) => (
            <p key={index} className="!my-0.5">
              {line}
            </p>
          ))}
        </div>
      ) : null}
    </NodeViewWrapper>
  );
}

/**
 * The frozen version under check-back, read-only: the shared chapter schema in a
 * non-collaborative, non-editable TipTap editor, so positions of a selection are positions in the
 * version's JSON. Embedded goals and measures show the content the version's HTML holds.
 * The content is read once: give the component a `key` per version.
 */
export function ReviewDocument({
  json,
  html,
  label,
  quotes,
  onSelection,
}: {
  json: unknown;
  html: string;
  label: string;
  /** The quotes of the round's comments, shown on their text. */
  quotes: readonly string[];
  onSelection: (selection: ReviewSelection | null) => void;
}) {
  const lines = useMemo(() => itemLinesFromHtml(html), [html]);
  const selectionListener = useRef(onSelection);
  useEffect(() => {
    selectionListener.current = onSelection;
  }, [onSelection]);
  const extensions = useMemo(
    () => [
      ...chapterExtensions().map((extension) =>
        extension.name === ConceptItem.name
          ? ConceptItem.extend({ addNodeView: () => ReactNodeViewRenderer(ConceptItemView) })
          : extension,
      ),
      ReviewQuotes,
    ],
    [],
  );
  const editor = useEditor(
    {
      extensions,
      content: json as JSONContent,
      editable: false,
      immediatelyRender: false,
      // The page's CSP allows no inline style elements; the few rules TipTap injects are below.
      injectCSS: false,
      editorProps: {
        attributes: {
          "aria-label": label,
          // Like the live editor: a multi-line text, here one the reader can select but not change.
          role: "textbox",
          "aria-multiline": "true",
          "aria-readonly": "true",
          "data-testid": "review-document",
          class:
            "chapter-content text-[1.0625rem] leading-relaxed whitespace-pre-wrap break-words outline-none " +
            "[&_table]:block [&_table]:overflow-x-auto",
        },
      },
      onSelectionUpdate: ({ editor: current }) => {
        const { from, to, empty } = current.state.selection;
        const quote = empty ? "" : current.state.doc.textBetween(from, to, " ", " ").trim();
        selectionListener.current(quote ? { from, to, quote } : null);
      },
    },
    [extensions],
  );

  const quotesList = quotes.join("\u0000");
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(editor.state.tr.setMeta(quotesKey, quotesList.split("\u0000")));
  }, [editor, quotesList]);

  return (
    <ItemContext.Provider value={lines}>
      <EditorContent editor={editor} />
    </ItemContext.Provider>
  );
}
