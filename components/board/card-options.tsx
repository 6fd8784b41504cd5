"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import type * as Y from "yjs";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/form";
import { Options } from "@/components/ui/options";
import {
  clusterCards,
  setCardCluster,
  setCardColour,
  setCardKind,
  type Card,
  type Cluster,
} from "@/lib/board/board-doc";
import { cardColours, cardKinds, type CardColour, type CardKind } from "@/lib/board/board-schema";

const NEW_GROUP = "__new__";

/**
 * Kind, colour and group of a card; built only when its menu asks for it. The kind is only
 * offered to whom the server lets change it: the card's author and moderators.
 */
export function CardOptionsForm({
  doc,
  card,
  clusters,
  canChangeKind,
}: {
  doc: Y.Doc;
  card: Card;
  clusters: Cluster[];
  canChangeKind: boolean;
}) {
  const t = useTranslations("board.options");
  const tBoard = useTranslations("board");
  const [naming, setNaming] = useState(false);
  const [title, setTitle] = useState("");
  const inLane = clusters.filter((c) => c.laneId === card.laneId);
  function createGroup(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) return;
    clusterCards(doc, { laneId: card.laneId, title, cardIds: [card.id] });
    setNaming(false);
    setTitle("");
  }
  return (
    <div className="mt-2 flex flex-col gap-2">
      {canChangeKind ? (
        <label className="flex flex-col gap-1 text-xs font-medium">
          {t("kind")}
          <Select
            value={card.kind}
            onChange={(e) => setCardKind(doc, card.id, e.target.value as CardKind)}
            className="py-1 text-sm"
          >
            <Options values={cardKinds} label={(kind) => tBoard(`kinds.${kind}`)} />
          </Select>
        </label>
      ) : null}
      <label className="flex flex-col gap-1 text-xs font-medium">
        {t("colour")}
        <Select
          value={card.colour}
          onChange={(e) => setCardColour(doc, card.id, e.target.value as CardColour)}
          className="py-1 text-sm"
        >
          <Options values={cardColours} label={(colour) => t(`colours.${colour}`)} />
        </Select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium">
        {t("group")}
        <Select
          value={naming ? NEW_GROUP : (card.clusterId ?? "")}
          onChange={(e) => {
            const value = e.target.value;
            if (value === NEW_GROUP) return setNaming(true);
            setNaming(false);
            setCardCluster(doc, card.id, value || null);
          }}
          className="py-1 text-sm"
        >
          <option value="">{t("noGroup")}</option>
          {inLane.map((cluster) => (
            <option key={cluster.id} value={cluster.id}>
              {cluster.title}
            </option>
          ))}
          <option value={NEW_GROUP}>{t("newGroup")}</option>
        </Select>
      </label>
      {naming ? (
        <form onSubmit={createGroup} className="flex gap-2">
          <Input
            aria-label={t("groupTitle")}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            maxLength={200}
            className="py-1 text-sm"
            autoFocus
          />
          <Button type="submit" variant="secondary" className="min-h-8 px-3 py-1">
            {t("createGroup")}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
