"use client";

import { useTranslations } from "next-intl";
import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { cn } from "@/components/ui/cn";
import { cardsByVotes, getCards, getLanes, type Card } from "@/lib/board/board-doc";
import type { BoardSession } from "@/lib/workshop/board-access";
import { PhaseAndTimer, useControlState } from "./facilitation";
import { useDocVersion, useSyncedDoc } from "./use-synced-doc";

/**
 * The room's screen: large type, high contrast, no editing chrome. It follows the facilitator's
 * spotlight and shows the timer and, when the facilitator chooses, a QR code to join.
 */
export function ProjectorView({ session }: { session: BoardSession }) {
  const t = useTranslations("board");
  const board = useSyncedDoc(session.boardDoc);
  const control = useSyncedDoc(session.controlDoc).doc;
  useDocVersion(board.doc);
  const { spotlight, joinUrl, privateMode, voting, results } = useControlState(control);
  const qr = useQrCode(joinUrl);

  const allLanes = getLanes(board.doc);
  const cards = getCards(board.doc);
  const spotCard =
    spotlight?.kind === "card" ? cards.find((c) => c.id === spotlight.id) : undefined;
  const lanes =
    spotlight?.kind === "lane" ? allLanes.filter((l) => l.id === spotlight.id) : allLanes;
  const totals =
    voting.status === "revealed" && results?.round === voting.round ? results.totals : null;
  const status = privateMode
    ? t("projectorPrivate")
    : voting.status === "open"
      ? t("projectorVotingOpen")
      : null;

  return (
    <div className="flex min-h-screen flex-col bg-slate-950 p-8 text-white" data-testid="projector">
      <header className="mb-8 flex flex-wrap items-baseline justify-between gap-6">
        <h1 className="text-4xl font-bold tracking-tight">{session.workshop.title}</h1>
        {status ? (
          <p className="rounded-lg bg-teal-400 px-4 py-2 text-2xl font-semibold text-slate-950">
            {status}
          </p>
        ) : null}
        <PhaseAndTimer control={control} large />
      </header>
      <main className="grid flex-1 content-start gap-6 [grid-template-columns:repeat(auto-fit,minmax(18rem,1fr))]">
        {spotCard ? (
          <ProjectorCard card={spotCard} size="huge" votes={totals?.[spotCard.id]} />
        ) : totals ? (
          <section className="col-span-full" data-testid="projector-results">
            <h2 className="mb-6 border-b-4 border-teal-400 pb-2 text-4xl font-semibold">
              {t("projectorResults")}
            </h2>
            <ol className="grid gap-4 [grid-template-columns:repeat(auto-fit,minmax(22rem,1fr))]">
              {cardsByVotes(board.doc, totals)
                .filter((card) => card.votes > 0)
                .slice(0, 12)
                .map((card) => (
                  <li key={card.id}>
                    <ProjectorCard card={card} size="large" votes={card.votes} />
                  </li>
                ))}
            </ol>
          </section>
        ) : (
          lanes.map((lane) => (
            <section
              key={lane.id}
              className={cn(
                "flex min-w-0 flex-col gap-4",
                spotlight?.kind === "lane" && "col-span-full",
              )}
              data-testid="projector-lane"
            >
              <h2
                className={cn(
                  "border-b-4 border-teal-400 pb-2 text-2xl font-semibold break-words hyphens-auto",
                  spotlight?.kind === "lane" && "text-5xl",
                )}
              >
                {lane.title}
              </h2>
              <div
                className={cn(
                  "grid gap-4",
                  spotlight?.kind === "lane" ? "grid-cols-3" : "grid-cols-1",
                )}
              >
                {cards
                  .filter((c) => c.laneId === lane.id)
                  .map((card) => (
                    <ProjectorCard
                      key={card.id}
                      card={card}
                      size={spotlight?.kind === "lane" ? "large" : "normal"}
                      votes={totals?.[card.id]}
                    />
                  ))}
              </div>
            </section>
          ))
        )}
      </main>
      {joinUrl && qr ? (
        <aside
          className="fixed right-8 bottom-8 flex items-center gap-4 rounded-xl bg-white p-4 text-slate-950"
          data-testid="projector-join"
        >
          {/* eslint-disable-next-line @next/next/no-img-element -- a generated data URL */}
          <img src={qr} alt={t("invites.qrAlt")} width={180} height={180} />
          <div className="max-w-64">
            <p className="text-xl font-semibold">{t("projectorJoin")}</p>
            <p className="break-all font-mono text-lg">{joinUrl.replace(/^https?:\/\//, "")}</p>
          </div>
        </aside>
      ) : null}
    </div>
  );
}

const CARD_SIZE = {
  normal: "text-xl hyphens-auto",
  large: "p-8 text-4xl leading-snug hyphens-auto",
  huge: "col-span-full m-auto max-w-5xl p-10 text-6xl leading-tight",
} as const;

function ProjectorCard({
  card,
  size,
  votes,
}: {
  card: Card;
  size: keyof typeof CARD_SIZE;
  /** Dots in the revealed round, if one is shown. */
  votes?: number;
}) {
  const t = useTranslations("board");
  return (
    <article
      className={cn(
        "rounded-lg border-l-8 bg-white p-5 text-slate-950",
        {
          idea: "border-amber-400",
          goal: "border-sky-500",
          measure: "border-emerald-500",
          question: "border-fuchsia-500",
        }[card.kind],
        CARD_SIZE[size],
      )}
      data-testid="projector-card"
    >
      <p className="mb-2 flex justify-between gap-4 text-base font-semibold tracking-wide text-slate-600 uppercase">
        <span>{t(`kinds.${card.kind}`)}</span>
        {votes !== undefined ? (
          <span className="text-teal-700 normal-case" data-testid="projector-votes">
            {t("voting.votes", { count: votes })}
          </span>
        ) : null}
      </p>
      <p className="break-words whitespace-pre-wrap">{card.text}</p>
    </article>
  );
}

function useQrCode(url: string | null): string | null {
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    let active = true;
    if (url)
      void QRCode.toDataURL(url, { margin: 1, width: 360 }).then((data) => active && setQr(data));
    return () => {
      active = false;
    };
  }, [url]);
  return url ? qr : null;
}
