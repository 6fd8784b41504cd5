"use client";

import { useTranslations } from "next-intl";
import QRCode from "qrcode";
import { createContext, useContext, useEffect, useState } from "react";
import { cn } from "@/components/ui/cn";
import { projectorContent } from "@/lib/board/board-control";
import { cardsByVotes, getCards, getLanes, type Card, type Lane } from "@/lib/board/board-doc";
import { projectorPages, projectorRoom } from "@/lib/board/board-layout";
import type { BoardSession } from "@/lib/workshop/board-access";
import { PhaseAndTimer, useControlState } from "./facilitation";
import { useDocVersion, useSyncedDoc } from "@/components/sync/use-synced-doc";

/** Adds soft hyphens to the words of `text` longer than `longerThan` letters. */
type Hyphenate = (text: string, longerThan: number) => string;
const plain: Hyphenate = (text) => text;
/** Soft hyphens in German words, so long field titles break at syllables, never mid-letter. */
const HyphenateContext = createContext<Hyphenate>(plain);

/**
 * German hyphenation patterns, loaded after the first paint (they are large and only the
 * projector needs them). Browsers without their own German dictionary (Chromium on Linux,
 * many kiosks) would otherwise let "Migrationsgesellschaftliche" overflow its column. Only
 * words too long for a line get soft hyphens; the rest stay as written.
 */
function useHyphenate(): Hyphenate {
  const [hyphenate, setHyphenate] = useState<Hyphenate>(() => plain);
  useEffect(() => {
    let active = true;
    void import("hyphen/de").then(({ hyphenateSync }) => {
      const cache = new Map<string, string>();
      const word = (w: string) => {
        let done = cache.get(w);
        if (done === undefined) cache.set(w, (done = hyphenateSync(w)));
        return done;
      };
      const hyphenateLong: Hyphenate = (text, longerThan) =>
        text.replace(/[\p{L}\p{M}]+/gu, (w) => (w.length > longerThan ? word(w) : w));
      if (active) setHyphenate(() => hyphenateLong);
    });
    return () => {
      active = false;
    };
  }, []);
  return hyphenate;
}

/** How long the projector shows one page of a board that does not fit on one. */
const PAGE_MS = 20_000;

/**
 * The room's screen: large type, high contrast, no editing chrome. It shows what the
 * facilitator chose (the board, a spotlit lane or card, the revealed result) with the timer
 * and, when the facilitator chooses, a QR code to join. A board too large for one screen is
 * shown page by page; a new card brings its page up.
 */
export function ProjectorView({ session }: { session: BoardSession }) {
  const t = useTranslations("board");
  const tUi = useTranslations("boardUi");
  const board = useSyncedDoc(session.boardDoc);
  const control = useSyncedDoc(session.controlDoc).doc;
  useDocVersion(board.doc);
  const state = useControlState(control);
  const { joinUrl, privateMode, voting, results } = state;
  const content = projectorContent(state);
  const qr = useQrCode(joinUrl);

  const allLanes = getLanes(board.doc);
  const cards = getCards(board.doc);
  const laneTitle = new Map(allLanes.map((lane) => [lane.id, lane.title]));
  const spotCard =
    content.kind === "spotlight" && content.spotlight.kind === "card"
      ? cards.find((c) => c.id === content.spotlight.id)
      : undefined;
  const spotLane =
    content.kind === "spotlight" && content.spotlight.kind === "lane"
      ? allLanes.find((l) => l.id === content.spotlight.id)
      : undefined;
  const totals =
    voting.status === "revealed" && results?.round === voting.round ? results.totals : null;
  const status = privateMode
    ? t("projectorPrivate")
    : voting.status === "open"
      ? t("projectorVotingOpen")
      : voting.status === "revealed" && !totals
        ? tUi("projectorCounting")
        : null;

  const room = projectorRoom({ lanes: allLanes });
  const pages = projectorPages({ lanes: allLanes, cards, room });
  const page = usePaging({ pages, cards });
  const hyphenate = useHyphenate();

  return (
    <HyphenateContext value={hyphenate}>
      <div
        className="flex h-screen flex-col overflow-hidden bg-slate-950 px-8 pt-6 pb-6 text-white"
        data-testid="projector"
        data-showing={spotCard || spotLane ? "spotlight" : content.kind}
      >
        <header className="mb-5 flex shrink-0 flex-wrap items-baseline justify-between gap-x-6 gap-y-2">
          <h1 className="text-4xl font-bold tracking-tight">{session.workshop.title}</h1>
          {status ? (
            <p
              className="rounded-lg bg-teal-400 px-4 py-2 text-2xl font-semibold text-slate-950"
              data-testid="projector-status"
            >
              {status}
            </p>
          ) : null}
          <PhaseAndTimer control={control} large />
        </header>
        <main className="min-h-0 flex-1">
          {spotCard ? (
            <div className="flex h-full items-center justify-center">
              <ProjectorCard
                card={spotCard}
                size="huge"
                votes={totals?.[spotCard.id]}
                from={laneTitle.get(spotCard.laneId)}
              />
            </div>
          ) : spotLane ? (
            <SpotlitLane lane={spotLane} cards={cards} totals={totals} />
          ) : content.kind === "results" ? (
            <section className="h-full" data-testid="projector-results">
              <h2 className="mb-5 border-b-4 border-teal-400 pb-2 text-4xl font-semibold">
                {t("projectorResults")}
              </h2>
              <ol className="grid grid-cols-3 gap-4">
                {cardsByVotes(board.doc, content.results.totals)
                  .filter((card) => card.votes > 0)
                  .slice(0, 9)
                  .map((card) => (
                    <li key={card.id}>
                      <ProjectorCard
                        card={card}
                        size="large"
                        votes={card.votes}
                        from={laneTitle.get(card.laneId)}
                      />
                    </li>
                  ))}
              </ol>
            </section>
          ) : (
            <BoardPage
              lanes={pages[page] ?? []}
              columns={room.columns}
              totals={totals}
              page={page}
              pages={pages.length}
            />
          )}
        </main>
        {joinUrl && qr ? (
          <aside
            className="fixed right-6 bottom-6 flex items-center gap-4 rounded-xl bg-white p-4 text-slate-950 shadow-2xl"
            data-testid="projector-join"
          >
            {/* eslint-disable-next-line @next/next/no-img-element -- a generated data URL */}
            <img src={qr} alt={t("invites.qrAlt")} width={180} height={180} />
            <div className="max-w-64">
              <p className="text-xl font-semibold">{t("projectorJoin")}</p>
              <p className="font-mono text-lg break-all">{joinUrl.replace(/^https?:\/\//, "")}</p>
            </div>
          </aside>
        ) : null}
      </div>
    </HyphenateContext>
  );
}

/** Which page of the board shows: turning every PAGE_MS, and jumping to a newly written card. */
function usePaging({
  pages,
  cards,
}: {
  pages: ReturnType<typeof projectorPages<Card>>;
  cards: Card[];
}): number {
  const [page, setPage] = useState(0);
  const count = pages.length;
  const newest = cards.reduce<Card | null>(
    (latest, card) => (!latest || card.createdAt > latest.createdAt ? card : latest),
    null,
  );
  // undefined until the board has loaded: what is there at first is not "just written".
  const [seenNewest, setSeenNewest] = useState<string | null | undefined>(undefined);
  if (cards.length > 0 && seenNewest === undefined) {
    setSeenNewest(newest?.id ?? null);
  } else if (newest && seenNewest !== undefined && newest.id !== seenNewest) {
    // A card just written: show its page (adjusting state while rendering, as React advises).
    setSeenNewest(newest.id);
    const at = pages.findIndex((lanes) => lanes.some((l) => l.lane.id === newest.laneId));
    if (at >= 0 && at !== page) setPage(at);
  }
  useEffect(() => {
    if (count <= 1) return;
    const id = setInterval(() => setPage((p) => (p + 1) % count), PAGE_MS);
    return () => clearInterval(id);
  }, [count, page]);
  return Math.min(page, Math.max(0, count - 1));
}

function BoardPage({
  lanes,
  columns,
  totals,
  page,
  pages,
}: {
  lanes: ReturnType<typeof projectorPages<Card>>[number];
  columns: number;
  totals: Readonly<Record<string, number>> | null;
  page: number;
  pages: number;
}) {
  const tUi = useTranslations("boardUi");
  const hyphenate = useContext(HyphenateContext);
  return (
    <div className="flex h-full flex-col">
      <div
        className="grid min-h-0 flex-1 gap-5"
        style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}
      >
        {lanes.map(({ lane, cards, hidden }) => (
          <section
            key={lane.id}
            className="flex min-h-0 min-w-0 flex-col gap-3 overflow-hidden"
            data-testid="projector-lane"
          >
            <h2
              lang="de"
              className="border-b-4 border-teal-400 pb-2 text-[1.625rem] leading-tight font-semibold break-normal hyphens-manual"
              data-hyphenated={hyphenate !== plain || undefined}
            >
              {hyphenate(lane.title, LINE_LETTERS.normal)}
            </h2>
            {hidden ? (
              <p className="text-lg text-slate-300" data-testid="projector-older">
                {tUi("projectorOlder", { count: hidden })}
              </p>
            ) : null}
            {cards.map((card) => (
              <ProjectorCard key={card.id} card={card} size="normal" votes={totals?.[card.id]} />
            ))}
          </section>
        ))}
      </div>
      {pages > 1 ? (
        <p
          className="mt-3 shrink-0 text-xl text-slate-300"
          aria-live="polite"
          data-testid="projector-page"
        >
          {tUi("projectorPage", { page: page + 1, pages })}
        </p>
      ) : null}
    </div>
  );
}

function SpotlitLane({
  lane,
  cards,
  totals,
}: {
  lane: Lane;
  cards: Card[];
  totals: Readonly<Record<string, number>> | null;
}) {
  const tUi = useTranslations("boardUi");
  const hyphenate = useContext(HyphenateContext);
  const own = cards.filter((c) => c.laneId === lane.id);
  // The newest nine in board order: what fits at this size.
  const newest = new Set(
    [...own]
      .sort((a, b) => b.createdAt - a.createdAt)
      .slice(0, 9)
      .map((c) => c.id),
  );
  const shown = own.filter((c) => newest.has(c.id));
  return (
    <section className="flex h-full flex-col gap-5" data-testid="projector-lane">
      <h2
        lang="de"
        className="border-b-4 border-teal-400 pb-2 text-5xl font-semibold break-normal hyphens-manual"
      >
        {hyphenate(lane.title, LINE_LETTERS.huge)}
      </h2>
      {own.length > shown.length ? (
        <p className="text-xl text-slate-300">
          {tUi("projectorOlder", { count: own.length - shown.length })}
        </p>
      ) : null}
      <div className="grid grid-cols-3 gap-5">
        {shown.map((card) => (
          <ProjectorCard key={card.id} card={card} size="large" votes={totals?.[card.id]} />
        ))}
      </div>
    </section>
  );
}

/** Letters that surely fit one line of a card or title at each size (shorter words never break). */
const LINE_LETTERS = { normal: 15, large: 24, huge: 28 } as const;

const CARD_SIZE = {
  normal: "p-4 text-[1.625rem] leading-snug",
  large: "p-6 text-3xl leading-snug",
  huge: "max-w-5xl p-10 text-6xl leading-tight",
} as const;

function ProjectorCard({
  card,
  size,
  votes,
  from,
}: {
  card: Card;
  size: keyof typeof CARD_SIZE;
  /** Dots in the revealed round, if one is shown. */
  votes?: number;
  /** The lane's title, where the card is shown out of its lane. */
  from?: string;
}) {
  const t = useTranslations("board");
  const tUi = useTranslations("boardUi");
  const hyphenate = useContext(HyphenateContext);
  return (
    <article
      lang="de"
      className={cn(
        "shrink-0 rounded-lg border-l-8 bg-white text-slate-950 hyphens-manual",
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
      <p className="mb-1 flex justify-between gap-4 text-base font-semibold tracking-wide text-slate-600 uppercase">
        <span>{t(`kinds.${card.kind}`)}</span>
        {votes !== undefined ? (
          <span className="text-teal-800 normal-case" data-testid="projector-votes">
            {t("voting.votes", { count: votes })}
          </span>
        ) : null}
      </p>
      <p className="break-words whitespace-pre-wrap">{hyphenate(card.text, LINE_LETTERS[size])}</p>
      {from ? (
        <p className="mt-2 text-lg text-slate-600">{tUi("projectorFrom", { lane: from })}</p>
      ) : null}
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
