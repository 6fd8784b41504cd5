/**
 * `npm run bench:board`: a board with 500 cards in real Chromium over loopback.
 *
 * Measures, for a fresh page load of /board/<workshopId>:
 * - navigation → interactive: the first screen of cards rendered, the document synced, and the
 *   "add card" box accepting input (the board renders a screenful per lane first, the rest in a
 *   React transition that input interrupts)
 * - navigation → all 500 cards in the page
 * - first-load JavaScript of the board page (gzip, as served)
 * - one edit in one browser → visible in a second browser
 *
 * Options: --cards 500 --runs 5
 */
import path from "node:path";
import zlib from "node:zlib";
import { chromium, type Page } from "playwright-core";
import * as Y from "yjs";
import { addCard, applyLaneTemplate, getLanes } from "@/lib/board/board-doc";
import type { CardAuthor } from "@/lib/board/board-schema";
import { ensureBuild } from "@/server/ensure-build";
import { identityOf } from "../tests/support/board-cards";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../tests/support/browser";
import { demoConcept, signedIn } from "../tests/support/demo-fixture";
import { connectSyncClient } from "../tests/support/sync-client";
import { startTestServer } from "../tests/support/test-server";
import { median, numberArg, printTable, writeResults } from "./report";

const ROOT = path.resolve(import.meta.dirname, "..");
const CARDS = numberArg("--cards", 500);
const RUNS = numberArg("--runs", 5);

async function seedBoard(
  baseUrl: string,
  cookie: string,
  docName: string,
  fields: Array<{ id: string; number: number; title: string }>,
  author: CardAuthor,
) {
  const client = connectSyncClient({ baseUrl, docName, cookie });
  await client.synced;
  const doc = client.doc;
  doc.transact(() => {
    applyLaneTemplate(doc, {
      template: "goals_measures",
      fields,
      labels: { strengths: "Stärken", gaps: "Lücken", offers: "Angebote", free: "Spalte" },
    });
    const lanes = getLanes(doc);
    for (let i = 0; i < CARDS; i++) {
      addCard(doc, {
        laneId: lanes[i % lanes.length]!.id,
        kind: (["idea", "goal", "measure", "question"] as const)[i % 4],
        text: `Karte ${i + 1}: Vorschlag aus der Arbeitsgruppe zur besseren Teilhabe im Quartier`,
        author,
      });
    }
  });
  // Wait until the server has everything (a second client sees all cards).
  const check = connectSyncClient({ baseUrl, docName, cookie, doc: new Y.Doc() });
  await check.synced;
  while (check.doc.getMap("cards").size < CARDS)
    await new Promise((resolve) => setTimeout(resolve, 50));
  check.destroy();
  client.destroy();
}

async function timeToInteractive(
  page: Page,
  url: string,
): Promise<{ ms: number; allCardsMs: number; jsGzipBytes: number }> {
  const scripts: Buffer[] = [];
  const onResponse = async (response: import("playwright-core").Response) => {
    if (response.request().resourceType() === "script")
      scripts.push(await response.body().catch(() => Buffer.alloc(0)));
  };
  page.on("response", onResponse);
  const started = Date.now();
  await page.goto(url, { waitUntil: "commit" });
  const cardsShown = (cards: number) =>
    page.waitForFunction(
      (n) =>
        document.querySelectorAll('[data-testid="card"]').length >= n &&
        document.querySelector('[data-testid="sync-status"]')?.getAttribute("data-state") ===
          "connected",
      cards,
      { timeout: 60_000, polling: "raf" },
    );
  await cardsShown(Math.min(CARDS, 12));
  // Found by its form, not by its label: Playwright's label lookup walks every one of the 500
  // cards' labelled text fields and would add its own time to the figure.
  const box = page.locator('form[aria-label="Neue Karte"] textarea').first();
  await box.fill("x");
  const ms = Date.now() - started;
  await cardsShown(CARDS);
  const allCardsMs = Date.now() - started;
  await box.fill("");
  page.off("response", onResponse);
  const jsGzipBytes = scripts.reduce((sum, body) => sum + zlib.gzipSync(body).length, 0);
  return { ms, allCardsMs, jsGzipBytes };
}

async function main() {
  ensureBuild(ROOT);
  const server = await startTestServer({ database: "pglite" });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const moderator = await signedIn(server.url, "moderation@deichhausen.example");
    const { conceptId, workshops } = await demoConcept(moderator);
    const workshop = workshops[0]!;
    const fields = (await (await moderator.fetch(`/api/concepts/${conceptId}`)).json()) as {
      fields: Array<{ id: string; number: number; title: string }>;
    };
    await seedBoard(
      server.url,
      moderator.cookieHeader,
      workshop.boardDoc,
      fields.fields,
      await identityOf(moderator),
    );
    const boardUrl = `${server.url}/board/${workshop.id}`;
    const cookies = moderator.cookieHeader.split("; ").map((pair) => {
      const [name, ...value] = pair.split("=");
      return { name: name!, value: value.join("="), url: server.url };
    });

    const loads: number[] = [];
    const allCards: number[] = [];
    let jsGzipBytes = 0;
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      await context.addCookies(cookies);
      const page = await context.newPage();
      const result = await timeToInteractive(page, boardUrl);
      loads.push(result.ms);
      allCards.push(result.allCardsMs);
      jsGzipBytes = result.jsGzipBytes;
      await context.close();
    }

    // One edit in one browser, seen in another.
    const [a, b] = await Promise.all([browser.newContext(), browser.newContext()]);
    await a.addCookies(cookies);
    await b.addCookies(cookies);
    const [pageA, pageB] = await Promise.all([a.newPage(), b.newPage()]);
    await Promise.all([timeToInteractive(pageA, boardUrl), timeToInteractive(pageB, boardUrl)]);
    const editLatencies: number[] = [];
    for (let i = 0; i < 10; i++) {
      const text = `Messung ${i} ${Date.now()}`;
      await pageA.getByLabel("Text der neuen Karte").first().fill(text);
      // Timestamps taken inside the pages (one clock): click in A → card rendered in B.
      const seenAt = pageB.waitForFunction(
        (t) =>
          [...document.querySelectorAll('[data-testid="card"] textarea')].some(
            (el) => (el as HTMLTextAreaElement).value === t,
          ) && Date.now(),
        text,
        { polling: 5 },
      );
      const clickedAt = await pageA.evaluate(() => {
        const button = document.querySelector<HTMLButtonElement>(
          'form[aria-label="Neue Karte"] button[type="submit"]',
        );
        const at = Date.now();
        button?.click();
        return at;
      });
      editLatencies.push(((await (await seenAt).jsonValue()) as number) - clickedAt);
    }

    const rows = [
      ["cards on the board", String(CARDS)],
      [`navigation → interactive, median of ${RUNS} (ms)`, String(median(loads))],
      ["navigation → interactive, all runs (ms)", loads.join(", ")],
      [`navigation → all ${CARDS} cards in the page, median (ms)`, String(median(allCards))],
      ["first-load JavaScript of the board page (KB gzip)", (jsGzipBytes / 1024).toFixed(0)],
      [
        "edit in one browser → visible in another, median of 10 (ms)",
        String(median(editLatencies)),
      ],
      ["edit → other browser, max of 10 (ms)", String(Math.max(...editLatencies))],
    ];
    printTable(["measure", "value"], rows);
    writeResults("board", {
      cards: CARDS,
      loadsMs: loads,
      allCardsMs: allCards,
      jsGzipBytes,
      editLatenciesMs: editLatencies,
    });
  } finally {
    await browser.close();
    await server.stop();
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
