"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import type * as Y from "yjs";
import { Button } from "@/components/ui/button";
import { Select, Textarea } from "@/components/ui/form";
import { Options } from "@/components/ui/options";
import { addCard } from "@/lib/board/board-doc";
import { CARD_TEXT_MAX, cardKinds, type CardKind } from "@/lib/board/board-schema";
import { addPrivateCard } from "@/lib/board/private-scope";
import { isAppError } from "@/lib/errors";
import type { BoardSession } from "@/lib/workshop/board-access";

/** The two documents a participant writes: the shared board and their private scope. */
export interface BoardDocs {
  shared: Y.Doc;
  scope: Y.Doc;
  privateMode: boolean;
}

/** Writes a card into a lane: on the board, or into the private scope in silent writing or anonymously. */
export function NewCardForm({
  board,
  laneId,
  me,
}: {
  board: BoardDocs;
  laneId: string;
  me: BoardSession["me"];
}) {
  const t = useTranslations("board");
  const [error, setError] = useState<string | null>(null);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = String(data.get("text") ?? "").trim();
    if (!text) return setError(t("errors.empty"));
    const kind = String(data.get("kind")) as CardKind;
    const anonymous = data.get("anonymous") !== null;
    try {
      // Private-mode and anonymous cards go to the private scope; the server publishes them.
      if (board.privateMode || anonymous)
        addPrivateCard(board.scope, { laneId, text, kind, author: me, anonymous });
      else addCard(board.shared, { laneId, text, kind, author: me });
      setError(null);
      form.reset();
    } catch (e) {
      setError(isAppError(e) ? t("errors.invalid") : t("errors.failed"));
    }
  }
  return (
    <form
      onSubmit={onSubmit}
      className="space-y-2 rounded-md bg-white p-2"
      aria-label={t("newCard")}
    >
      <Textarea
        name="text"
        aria-label={t("newCardText")}
        placeholder={t("newCardPlaceholder")}
        rows={1}
        maxLength={CARD_TEXT_MAX}
        className="min-h-0 [field-sizing:content]"
      />
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <Select
          name="kind"
          aria-label={t("kind")}
          defaultValue="idea"
          className="w-auto py-1 text-sm"
        >
          <Options values={cardKinds} label={(kind) => t(`kinds.${kind}`)} />
        </Select>
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" name="anonymous" /> {t("anonymous")}
        </label>
        <Button type="submit" className="ml-auto min-h-8 px-3 py-1">
          {t("add")}
        </Button>
      </div>
    </form>
  );
}
