/**
 * The browser half of `npm run bench:chapter`, in real Chromium against the production build
 * (the real server on PGlite, or Postgres when DATABASE_URL is set):
 * - navigation to an editable chapter of 20,000 words with 30 embedded measures (median of
 *   several fresh loads; target <= 1.0 s)
 * - a keystroke in one browser context to its display in another (median and p95 over 50)
 * - first-load JavaScript of the chapter page (the scripts it loads, gzip-sized)
 */
import path from "node:path";
import zlib from "node:zlib";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import { chromium, type Browser, type Page } from "playwright-core";
import * as Y from "yjs";
import { chapterSchema } from "@/lib/chapter/content";
import { CHAPTER_FRAGMENT } from "@/lib/chapter/fragment";
import type { ConceptContent } from "@/lib/concept/load-concept-content";
import { ensureBuild } from "@/server/ensure-build";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../tests/support/browser";
import { DEMO, demoConcept, signedIn } from "../tests/support/demo-fixture";
import type { HttpClient } from "../tests/support/http-client";
import { connectSyncClient, until } from "../tests/support/sync-client";
import { startTestServer } from "../tests/support/test-server";
import type { BrowserSection } from "./chapter";
import { buildBenchChapter } from "./bench-chapter";
import { median } from "./report";

const ROOT = path.resolve(import.meta.dirname, "..");
const LOADS = 5;
const KEYSTROKES = 50;
const EDITABLE = '[data-testid="chapter-editor"][contenteditable="true"]';

/** A draft chapter of the demo concept filled with the bench chapter through a y-websocket client. */
async function seedChapter(
  baseUrl: string,
  moderator: HttpClient,
  { words, measures }: { words: number; measures: number },
) {
  const { conceptId } = await demoConcept(moderator);
  const chapters = (await (
    await moderator.fetch(`/api/concepts/${conceptId}/chapters`)
  ).json()) as Array<{
    id: string;
    status: string;
    fieldId: string | null;
    doc: string;
  }>;
  const chapter = chapters.find((c) => c.status === "draft" && c.fieldId);
  if (!chapter) throw new Error("no draft chapter in the demo");
  const content = (await (
    await moderator.fetch(`/api/concepts/${conceptId}`)
  ).json()) as ConceptContent;
  const demoMeasures = content.fields.flatMap((f) =>
    f.goals.flatMap((g) => g.measures.map((m) => m.id)),
  );
  if (!demoMeasures.length) throw new Error("the demo concept has no measures");
  // The demo has fewer than 30 measures: they repeat, each rendered from the store like any other.
  const measureIds = Array.from(
    { length: measures },
    (_, i) => demoMeasures[i % demoMeasures.length]!,
  );
  const json = buildBenchChapter({ words, measureIds });

  const writer = connectSyncClient({
    baseUrl,
    docName: chapter.doc,
    cookie: moderator.cookieHeader,
  });
  await writer.synced;
  writer.doc.transact(() =>
    prosemirrorJSONToYXmlFragment(
      chapterSchema(),
      json,
      writer.doc.getXmlFragment(CHAPTER_FRAGMENT),
    ),
  );
  const expected = writer.doc.getXmlFragment(CHAPTER_FRAGMENT).length;
  const check = connectSyncClient({
    baseUrl,
    docName: chapter.doc,
    cookie: moderator.cookieHeader,
    doc: new Y.Doc(),
  });
  await check.synced;
  await until(
    () => check.doc.getXmlFragment(CHAPTER_FRAGMENT).length === expected,
    60_000,
    "the seeded chapter",
  );
  check.destroy();
  writer.destroy();
  return {
    url: `${baseUrl}/concepts/${conceptId}/chapters/${chapter.id}`,
    blocks: expected,
  };
}

/** Opens the chapter and waits until every block is shown, the store's items are in and typing works. */
async function openEditable(page: Page, url: string, blocks: number) {
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForFunction(
    ({ selector, count }) => {
      const editor = document.querySelector(selector);
      return (
        editor !== null &&
        editor.childElementCount >= count &&
        !editor.querySelector('[data-testid="concept-item"][data-state="loading"]') &&
        document.querySelector('[data-testid="sync-status"]')?.getAttribute("data-state") ===
          "connected"
      );
    },
    { selector: EDITABLE, count: blocks },
    { timeout: 60_000, polling: "raf" },
  );
}

async function measureLoads(browser: Browser, cookies: Cookie[], url: string, blocks: number) {
  const loads: number[] = [];
  let jsGzipBytes = 0;
  for (let run = 0; run < LOADS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies(cookies);
    const page = await context.newPage();
    const scripts: Array<Promise<Buffer>> = [];
    page.on("response", (response) => {
      if (response.request().resourceType() === "script")
        scripts.push(response.body().catch(() => Buffer.alloc(0)));
    });
    const started = Date.now();
    await openEditable(page, url, blocks);
    loads.push(Date.now() - started);
    jsGzipBytes = (await Promise.all(scripts)).reduce(
      (sum, body) => sum + zlib.gzipSync(body).length,
      0,
    );
    await context.close();
  }
  return { loads, jsGzipBytes };
}

/**
 * Keystrokes typed in A at the start of the first paragraph, seen in B: A's pages stamp each
 * keydown, B's a mutation observer stamps each new length of that paragraph (others' carets and
 * their names left out). Both pages share the machine's clock.
 */
async function measureKeystrokes(browser: Browser, cookies: Cookie[], url: string, blocks: number) {
  const [a, b] = await Promise.all([browser.newContext(), browser.newContext()]);
  await Promise.all([a.addCookies(cookies), b.addCookies(cookies)]);
  // tsx names the functions inside evaluate() through a helper the page lacks.
  await b.addInitScript({ content: "window.__name = (fn) => fn;" });
  const [pageA, pageB] = await Promise.all([a.newPage(), b.newPage()]);
  await Promise.all([openEditable(pageA, url, blocks), openEditable(pageB, url, blocks)]);
  await pageA.evaluate((selector) => {
    const stamps: number[] = [];
    (window as unknown as { keyStamps: number[] }).keyStamps = stamps;
    window.addEventListener("keydown", () => stamps.push(Date.now()), true);
    const paragraph = document.querySelector(`${selector} p`)!;
    const text = paragraph.firstChild!;
    (document.querySelector(selector) as HTMLElement).focus();
    window.getSelection()!.setBaseAndExtent(text, 0, text, 0);
  }, EDITABLE);
  const base = await pageB.evaluate((selector) => {
    const seen = new Map<number, number>();
    (window as unknown as { seenStamps: Map<number, number> }).seenStamps = seen;
    const editor = document.querySelector(selector)!;
    const lengthOf = (paragraph: Element | null) =>
      paragraph
        ? (paragraph.textContent?.length ?? 0) -
          [...paragraph.querySelectorAll(".collaboration-carets__caret")].reduce(
            (sum, caret) => sum + (caret.textContent?.length ?? 0),
            0,
          )
        : 0;
    new MutationObserver(() => {
      const now = Date.now();
      const n = lengthOf(editor.querySelector("p"));
      if (!seen.has(n)) seen.set(n, now);
    }).observe(editor, { subtree: true, childList: true, characterData: true });
    return lengthOf(editor.querySelector("p"));
  }, EDITABLE);
  for (let i = 0; i < KEYSTROKES; i++) {
    await pageA.keyboard.type("x");
    await pageB.waitForFunction(
      (n) => (window as unknown as { seenStamps: Map<number, number> }).seenStamps.has(n),
      base + i + 1,
      { timeout: 10_000, polling: 5 },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const down = await pageA.evaluate(() => (window as unknown as { keyStamps: number[] }).keyStamps);
  const seen = await pageB.evaluate(() => [
    ...(window as unknown as { seenStamps: Map<number, number> }).seenStamps,
  ]);
  const seenAt = new Map(seen);
  const latencies = down.map((at, i) => seenAt.get(base + i + 1)! - at);
  await Promise.all([a.close(), b.close()]);
  return latencies;
}

type Cookie = { name: string; value: string; url: string };

const percentile = (values: number[], p: number) =>
  [...values].sort((x, y) => x - y)[
    Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)
  ]!;

export async function measureChapterInBrowser(options: {
  words: number;
  measures: number;
}): Promise<BrowserSection> {
  ensureBuild(ROOT);
  const server = await startTestServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const moderator = await signedIn(server.url, DEMO.moderator);
    const { url, blocks } = await seedChapter(server.url, moderator, options);
    const cookies = moderator.cookieHeader.split("; ").map((pair) => {
      const [name, ...value] = pair.split("=");
      return { name: name!, value: value.join("="), url: server.url };
    });
    const { loads, jsGzipBytes } = await measureLoads(browser, cookies, url, blocks);
    const keys = await measureKeystrokes(browser, cookies, url, blocks);
    const kb = (jsGzipBytes / 1024).toFixed(0);
    return {
      rows: [
        [
          `navigation → editable, Chromium (${LOADS} loads)`,
          String(median(loads)),
          String(Math.max(...loads)),
          "1000",
        ],
        [
          `keystroke → other browser (${KEYSTROKES} keys)`,
          String(median(keys)),
          String(Math.max(...keys)),
          "–",
        ],
        [`keystroke → other browser, p95`, String(percentile(keys, 95)), "", "100"],
        ["first-load JavaScript of the chapter page", `${kb} KB gzip`, "", "–"],
      ],
      results: { blocks, loadsMs: loads, keystrokeMs: keys, jsGzipBytes },
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
