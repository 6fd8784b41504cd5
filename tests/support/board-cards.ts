import type * as Y from "yjs";
import { getCard, insertCard } from "@/lib/board/board-doc";
import type { CardAuthor } from "@/lib/board/board-schema";
import type { HttpClient } from "./http-client";

/** A signed-in account as its cards name it: the id and name the server knows. */
export async function identityOf(client: HttpClient): Promise<CardAuthor> {
  const session = (await (await client.fetch("/api/auth/session")).json()) as {
    user?: { id?: string; name?: string };
  };
  if (!session.user?.id || !session.user.name) throw new Error("not signed in");
  return { id: session.user.id, name: session.user.name };
}

/** Writes a card as the board UI does, its writer as author (the server checks that). */
export function putCard(doc: Y.Doc, author: CardAuthor, id: string, text: string): void {
  insertCard(doc, { id, laneId: "lane-tests", kind: "idea", text, colour: "yellow", author });
}

/** A card's text, or undefined if the board has no such card. */
export function cardText(doc: Y.Doc, id: string): string | undefined {
  return getCard(doc, id)?.text;
}
