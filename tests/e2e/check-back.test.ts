import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { openDatabase } from "@/lib/db/client";
import { reviewLinks } from "@/lib/db/schema";
import { expectAccessible } from "../support/axe";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../support/browser";
import { DEMO, demoConcept, fetchSyncToken, joinAsGuest, signedIn } from "../support/demo-fixture";
import { HttpClient } from "../support/http-client";
import { startTestServer, type TestServer } from "../support/test-server";
import { ui } from "../support/ui";
import { AppPages } from "./pages/app-pages";
import { chapterUi, type ChapterRow } from "./pages/chapter-page";
import { serverAndBrowser } from "./server-and-browser";

const SHOTS = process.env.SCREENSHOTS_DIR;
const PHONE = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true } as const;

/** With SCREENSHOTS_DIR set: the whole page, and on a phone also the screen as one sees it. */
async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  const { width } = page.viewportSize()!;
  await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  if (width < 500) await page.screenshot({ path: `${SHOTS}/${name}-${width}-screen.png` });
}

/** The moderator of the demo concept at 1280 px, signed in, on the concept. */
async function moderatorOnConcept(browser: Browser, baseUrl: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const app = new AppPages(await context.newPage(), baseUrl);
  await app.signInAndWaitForDashboard(DEMO.moderator);
  await app.openDemoConcept();
  const conceptId = chapterUi.conceptIdOf(app.page);
  const chapters = await chapterUi.chapters(app.page, baseUrl, conceptId);
  return { context, page: app.page, conceptId, chapters };
}

/** A draft field chapter with an empty document, a different one per test. */
let picked = 0;
function draftChapter(chapters: ChapterRow[]): ChapterRow {
  const chapter = chapters.filter((c) => c.status === "draft" && c.fieldId)[picked++];
  if (!chapter) throw new Error("not enough draft chapters in the demo");
  return chapter;
}

/**
 * Writes a paragraph into the open chapter and waits until the server holds it: a second page
 * loads the document from the server and shows the text.
 */
async function writeParagraph(page: Page, url: string, text: string) {
  await chapterUi.editor(page).click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(text);
  const check = await page.context().newPage();
  await chapterUi.open(check, url);
  await ui.text(chapterUi.editor(check)).toContain(text);
  await check.close();
}

/** Selects `needle` in the read-only version on the reviewer's page, as a finger or mouse would. */
async function selectInVersion(page: Page, needle: string) {
  await page.evaluate((text) => {
    const root = document.querySelector('[data-testid="review-document"]')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(text) ?? -1;
      if (at < 0) continue;
      window.getSelection()!.setBaseAndExtent(node, at, node, at + text.length);
      return;
    }
    throw new Error(`"${text}" not in the version`);
  }, needle);
}

/** The page is no wider than the screen (nothing to scroll sideways). */
async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    content: document.documentElement.scrollWidth,
    screen: window.innerWidth,
  }));
  expect(widths.content).toBeLessThanOrEqual(widths.screen);
}

/** The button is on the screen without scrolling (the decision bar stays at the bottom). */
async function expectOnScreen(page: Page, name: string) {
  const box = await page.getByRole("button", { name, exact: true }).boundingBox();
  const height = page.viewportSize()!.height;
  expect(box, name).not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(height);
  expect(box!.height).toBeGreaterThanOrEqual(44);
}

/** A working-group participant on a phone who opens a review link and joins by name. */
async function joinOnPhone(
  browser: Browser,
  url: string,
  { name, organisation, axe = false }: { name: string; organisation: string; axe?: boolean },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(url);
  await ui.visible(page.getByRole("heading", { level: 1, name: /Rückmeldung zum Kapitel/ }));
  if (axe) {
    await expectAccessible(page, "review join page");
    // Both fields are required, each says so at its input.
    await page.getByRole("button", { name: "Weiter zur Fassung" }).click();
    await ui.visible(page.getByText("Bitte geben Sie Ihren Namen an."));
    await ui.visible(page.getByText("Bitte geben Sie Ihre Organisation an."));
    await shoot(page, "review-join");
  }
  await page.getByLabel("Ihr Name").fill(name);
  await page.getByLabel("Ihre Organisation").fill(organisation);
  await page.getByRole("button", { name: "Weiter zur Fassung" }).click();
  await ui.visible(page.getByTestId("review-document"));
  return { context, page };
}

describe("check-back with the working group in the browser", () => {
  const env = serverAndBrowser();

  it("a reviewer on a phone joins by link, comments on selected text and signs off; the moderator sees it", async () => {
    const baseUrl = env.server.url;
    const moderator = await moderatorOnConcept(env.browser, baseUrl);
    const chapter = draftChapter(moderator.chapters);
    const url = `${baseUrl}/concepts/${moderator.conceptId}/chapters/${chapter.id}`;
    const page = moderator.page;
    await chapterUi.open(page, url);
    const first =
      "Die Arbeitsgruppe empfiehlt Sprachcafés in allen Stadtteilen, offen für alle Generationen.";
    await writeParagraph(page, url, first);
    await writeParagraph(page, url, "Elternbegleiterinnen arbeiten an jeder Grundschule.");

    // Start: the steering group (a member) and a review link for the working group.
    const panel = page.getByTestId("check-back");
    await ui.visible(panel.getByRole("button", { name: "Rücksprache starten" }));
    await panel.getByRole("checkbox", { name: /Steuerungsgruppe/ }).check();
    expect(
      await panel.getByRole("checkbox", { name: /Link für die Arbeitsgruppe/ }).isChecked(),
    ).toBe(true);
    await panel.getByLabel("Link gültig für").selectOption({ label: "3 Tage" });
    await panel.getByRole("button", { name: "Rücksprache starten" }).click();
    await ui.visible(panel.getByText("Die Rücksprache zu Fassung 1 läuft."));
    const link = (await panel.getByTestId("review-link-url").textContent())!.trim();
    expect(link).toMatch(new RegExp(`^${baseUrl}/review/join/[A-Za-z0-9_-]+$`));
    await ui.visible(panel.getByRole("img", { name: "QR-Code zur Rücksprache" }));
    await ui.text(panel.getByTestId("check-back-version")).toBe("Fassung 1 in Rücksprache");
    await ui.text(panel.getByTestId("reviewers-open")).toContain("Steuerungsgruppe");
    await ui.text(panel.getByTestId("review-link")).toContain("gültig bis");
    await expectAccessible(page, "chapter page with the check-back panel");
    // Writing goes on meanwhile: the live chapter is not the frozen version.
    await writeParagraph(page, url, "Nach dem Einfrieren ergänzt.");

    // A participant on a phone joins with name and organisation.
    const amira = await joinOnPhone(env.browser, link, {
      name: "Amira Yilmaz",
      organisation: "Kulturverein Brücke",
      axe: true,
    });
    const reviewer = amira.page;
    const reviewId = /\/review\/([0-9a-f-]{36})$/.exec(reviewer.url())?.[1];
    expect(reviewId).toBeTruthy();
    await ui.visible(reviewer.getByRole("heading", { level: 1, name: chapter.title }));
    await ui.text(reviewer.getByTestId("review-document")).toContain(first);
    expect(await reviewer.getByTestId("review-document").textContent()).not.toContain(
      "Nach dem Einfrieren",
    );
    expect(await reviewer.getByTestId("review-document").getAttribute("contenteditable")).toBe(
      "false",
    );
    await expectNoSidewaysScroll(reviewer);
    await expectOnScreen(reviewer, "Einverstanden");
    await expectOnScreen(reviewer, "Änderungen erbeten");
    await expectAccessible(reviewer, "review page");

    // Comment on selected text.
    const quote = "Sprachcafés in allen Stadtteilen";
    await selectInVersion(reviewer, quote);
    const actions = reviewer.getByTestId("review-actions");
    await ui.text(actions).toContain(`„${quote}“`);
    await actions.getByRole("button", { name: "Kommentieren" }).click();
    await reviewer
      .getByLabel("Ihr Kommentar zu dieser Stelle")
      .fill("Bitte auch Kinderbetreuung nennen.");
    await expectOnScreen(reviewer, "Kommentar senden");
    await shoot(reviewer, "review-comment");
    await reviewer.getByRole("button", { name: "Kommentar senden" }).click();
    await ui.visible(reviewer.getByText("Ihr Kommentar wurde gespeichert."));
    const thread = reviewer.getByTestId("review-thread");
    await ui.text(thread).toContain("Bitte auch Kinderbetreuung nennen.");
    await ui.text(thread.locator("blockquote")).toBe(quote);
    // The commented text is marked in the version, and the bar offers the decision again.
    await ui.text(reviewer.locator('[data-testid="review-document"] .chapter-comment')).toBe(quote);
    await ui.visible(actions.getByText("Tipp: Markieren Sie Text, um ihn zu kommentieren."));

    // Then scrolled to the end, the decision is still on the screen: "Einverstanden".
    await reviewer.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expectOnScreen(reviewer, "Einverstanden");
    await reviewer.getByRole("button", { name: "Einverstanden", exact: true }).click();
    await reviewer.getByLabel("Anmerkung (freiwillig)").fill("Gute Grundlage.");
    await reviewer.getByRole("button", { name: "Zustimmung senden" }).click();
    await ui.visible(reviewer.getByText("Danke! Ihre Zustimmung wurde gespeichert."));
    await ui.visible(reviewer.getByText("Sie sind einverstanden"));
    await expectNoSidewaysScroll(reviewer);
    await shoot(reviewer, "review-signed-off");
    await expectAccessible(reviewer, "review page after sign-off");

    // A second participant asks for changes; that needs a comment.
    const jonas = await joinOnPhone(env.browser, link, {
      name: "Jonas Weber",
      organisation: "Jobcenter Deichhausen",
    });
    await jonas.page.getByRole("button", { name: "Änderungen erbeten", exact: true }).click();
    await jonas.page.getByRole("button", { name: "Rückmeldung senden" }).click();
    await ui.visible(jonas.page.getByText("Bitte beschreiben Sie, was geändert werden soll."));
    await shoot(jonas.page, "review-changes-required");
    await jonas.page
      .getByLabel("Ihre Änderungswünsche (Pflichtfeld)")
      .fill("Bitte die Zahlen von 2025 ergänzen.");
    await jonas.page.getByRole("button", { name: "Rückmeldung senden" }).click();
    await ui.visible(jonas.page.getByText("Danke! Ihre Änderungswünsche wurden gespeichert."));

    // The moderator sees who signed off, who asked for changes (with the comment), who has not
    // answered, and the reviewer's comment anchored on its text in the live chapter.
    await page.reload();
    await ui.text(page.getByTestId("sync-status")).toBe("Verbunden");
    await ui
      .text(panel.getByTestId("check-back-summary"))
      .toBe("1 einverstanden · 1 Änderungen erbeten · 1 ohne Antwort");
    await ui
      .text(panel.getByTestId("reviewers-approved"))
      .toContain("Amira Yilmaz · Kulturverein Brücke");
    await ui.text(panel.getByTestId("reviewers-approved")).toContain("Gute Grundlage.");
    await ui.text(panel.getByTestId("reviewers-changes")).toContain("Jonas Weber");
    await ui
      .text(panel.getByTestId("reviewers-changes").getByTestId("decision-comment"))
      .toBe("Bitte die Zahlen von 2025 ergänzen.");
    await ui.text(panel.getByTestId("reviewers-open")).toContain("Steuerungsgruppe");
    const mark = page.locator('[data-testid="chapter-editor"] [data-thread-id]');
    await ui.text(mark).toBe(quote);
    const comments = page.getByTestId("comments");
    await ui.visible(comments.getByText("Bitte auch Kinderbetreuung nennen."));
    await ui.visible(comments.getByText("aus der Rücksprache"));
    await shoot(page, "check-back-panel");
    await page.setViewportSize({ width: 375, height: 900 });
    await shoot(page, "check-back-panel");
    if (SHOTS) await panel.screenshot({ path: `${SHOTS}/check-back-panel-only-375.png` });
    await expectNoSidewaysScroll(page);
    await page.setViewportSize({ width: 1280, height: 900 });

    // The member reviewer is led from the chapter to the round and answers by their session.
    const steering = await env.browser.newContext(PHONE);
    const steeringApp = new AppPages(await steering.newPage(), baseUrl);
    await steeringApp.signInAndWaitForDashboard(DEMO.editor);
    await chapterUi.open(steeringApp.page, url);
    const invitation = steeringApp.page.getByTestId("review-invitation");
    await ui.text(invitation).toContain("Sie sind um Ihre Rückmeldung zu dieser Fassung gebeten.");
    await invitation.getByRole("link", { name: "Zur Rückmeldung" }).click();
    await ui.url(steeringApp.page).toBe(`${baseUrl}/review/${reviewId}`);
    await ui.text(steeringApp.page.getByTestId("review-document")).toContain(first);
    await ui.text(steeringApp.page.getByTestId("review-threads")).toContain("Kinderbetreuung");
    await steeringApp.page.getByRole("button", { name: "Einverstanden", exact: true }).click();
    await steeringApp.page.getByRole("button", { name: "Zustimmung senden" }).click();
    await ui.visible(steeringApp.page.getByText("Sie sind einverstanden"));

    // The chapter list sums the round up.
    await page.goto(`${baseUrl}/concepts/${moderator.conceptId}/chapters`);
    const row = page.getByTestId("chapter-row").filter({ hasText: chapter.title });
    await ui
      .text(row.getByTestId("sign-offs"))
      .toBe("Rücksprache: 2 von 3 einverstanden, 1 bittet um Änderungen");

    // A new round from a new version; the old round's page says it has ended.
    await chapterUi.open(page, url);
    await panel.getByRole("button", { name: "Neue Runde mit dem aktuellen Stand …" }).click();
    await panel.getByRole("button", { name: "Neue Runde starten" }).click();
    await ui.text(panel.getByTestId("check-back-version")).toBe("Fassung 2 in Rücksprache");
    await ui.count(panel.getByTestId("reviewer")).toBe(0);
    await reviewer.reload();
    await ui.visible(reviewer.getByText("Diese Runde ist beendet, weil eine neuere Fassung"));
    await ui.count(reviewer.getByRole("button", { name: "Einverstanden", exact: true })).toBe(0);
    await amira.page.goto(link);
    await ui.visible(amira.page.getByRole("heading", { name: "Diese Rücksprache ist beendet" }));

    await Promise.all([
      moderator.context.close(),
      amira.context.close(),
      jonas.context.close(),
      steering.close(),
    ]);
  }, 240_000);

  it("a revoked review link is refused with a clear message and admits nobody", async () => {
    const baseUrl = env.server.url;
    const moderator = await moderatorOnConcept(env.browser, baseUrl);
    const chapter = draftChapter(moderator.chapters);
    const page = moderator.page;
    await chapterUi.open(page, `${baseUrl}/concepts/${moderator.conceptId}/chapters/${chapter.id}`);
    const panel = page.getByTestId("check-back");
    await panel.getByRole("button", { name: "Rücksprache starten" }).click();
    const firstLink = (await panel.getByTestId("review-link-url").textContent())!.trim();
    await panel.getByRole("button", { name: "Weiteren Link erstellen" }).click();
    await ui.count(panel.getByTestId("review-link")).toBe(2);
    const secondLink = (await panel.getByTestId("review-link-url").textContent())!.trim();
    expect(secondLink).not.toBe(firstLink);
    await panel.getByRole("button", { name: "Link 2 sperren" }).click();
    await ui.text(panel.getByTestId("review-link").nth(1)).toContain("gesperrt am");
    await ui.count(panel.getByTestId("review-link-url")).toBe(0);

    const late = await env.browser.newContext(PHONE);
    const latePage = await late.newPage();
    await latePage.goto(secondLink);
    await ui.visible(latePage.getByRole("heading", { name: "Dieser Link wurde gesperrt" }));
    await ui.visible(latePage.getByText("Bitten Sie sie um einen neuen Link."));
    await ui.count(latePage.getByLabel("Ihr Name")).toBe(0);
    await expectAccessible(latePage, "revoked review link");
    await shoot(latePage, "review-link-revoked");
    const token = secondLink.split("/").at(-1)!;
    const refused = await latePage.request.post(`${baseUrl}/api/review-links/${token}/join`, {
      data: { name: "Spät", organisation: "Verein" },
      headers: { origin: baseUrl },
    });
    expect(refused.status()).toBe(404);
    expect(((await refused.json()) as { error: string }).error).toBe("not_found:review_link");
    // The other link still works.
    await latePage.goto(firstLink);
    await ui.visible(latePage.getByLabel("Ihr Name"));
    await Promise.all([moderator.context.close(), late.close()]);
  }, 120_000);

  it("a workshop guest's cookie reaches no chapter and no review", async () => {
    const baseUrl = env.server.url;
    const moderator = await signedIn(baseUrl, DEMO.moderator);
    const { conceptId, workshops } = await demoConcept(moderator);
    const chapters = (await (
      await moderator.fetch(`/api/concepts/${conceptId}/chapters`)
    ).json()) as ChapterRow[];
    const chapter = draftChapter(chapters);
    const started = await moderator.fetch(
      `/api/concepts/${conceptId}/chapters/${chapter.id}/check-back`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ link: { expiresInHours: 24 } }),
      },
    );
    expect(started.status).toBe(201);
    const { reviewId } = (await started.json()) as { reviewId: string };

    const { client: guest } = await joinAsGuest(moderator, {
      workshopId: workshops[0]!.id,
      displayName: "Gast aus dem Workshop",
    });
    const chapterBase = `/api/concepts/${conceptId}/chapters`;
    for (const path of [
      chapterBase,
      `${chapterBase}/${chapter.id}/check-back`,
      `${chapterBase}/${chapter.id}/comments`,
      `${chapterBase}/${chapter.id}/versions`,
    ])
      expect((await guest.fetch(path)).status, path).toBe(401);
    expect((await guest.fetch(`/api/reviews/${reviewId}`)).status).toBe(401);
    const comment = await guest.fetch(`/api/reviews/${reviewId}/decision`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ decision: "approved" }),
    });
    expect(comment.status).toBe(401);
    expect((await fetchSyncToken(guest, `chapter:${chapter.id}`)).status).toBe(403);

    // In the browser with the guest's cookie: the review page says it does not know them, the
    // chapter page sends them to sign in.
    const context = await env.browser.newContext(PHONE);
    const cookie = /kw-guest=([^;]+)/.exec(guest.cookieHeader)?.[1];
    expect(cookie).toBeTruthy();
    await context.addCookies([{ name: "kw-guest", value: cookie!, url: baseUrl }]);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/review/${reviewId}`);
    await ui.visible(page.getByRole("heading", { name: "Bitte öffnen Sie Ihren Link erneut" }));
    await ui.count(page.getByTestId("review-document")).toBe(0);
    await expectAccessible(page, "review page without access");
    await page.goto(`${baseUrl}/concepts/${conceptId}/chapters/${chapter.id}`);
    await ui.url(page).toContain("/login");

    // And a link reviewer's cookie opens only their round, no chapter of the concept.
    const reviewer = new HttpClient(baseUrl);
    const token = /\/review\/join\/([^/]+)$/.exec(
      (
        (await (
          await moderator.fetch(`${chapterBase}/${chapter.id}/check-back/links`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ expiresInHours: 2 }),
          })
        ).json()) as { url: string }
      ).url,
    )?.[1];
    const joined = await reviewer.fetch(`/api/review-links/${token}/join`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Lea", organisation: "Integrationsrat" }),
    });
    expect(joined.status).toBe(201);
    expect((await reviewer.fetch(`/api/reviews/${reviewId}`)).status).toBe(200);
    expect((await reviewer.fetch(chapterBase)).status).toBe(401);
    expect((await reviewer.fetch(`${chapterBase}/${chapter.id}/comments`)).status).toBe(401);
    expect((await fetchSyncToken(reviewer, `chapter:${chapter.id}`)).status).toBe(401);
    await context.close();
  }, 120_000);
});

/**
 * An expired link: its expiry is moved into the past in the database while the server is
 * stopped (the server's clock cannot be moved), then the link's page and its join are tried.
 */
describe("an expired review link", () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startTestServer({ database: "pglite" }),
      chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("is refused with a message that says it expired", async () => {
    const moderator = await signedIn(server.url, DEMO.moderator);
    const { conceptId } = await demoConcept(moderator);
    const chapters = (await (
      await moderator.fetch(`/api/concepts/${conceptId}/chapters`)
    ).json()) as ChapterRow[];
    const chapter = chapters.find((c) => c.status === "draft" && c.fieldId)!;
    const started = await moderator.fetch(
      `/api/concepts/${conceptId}/chapters/${chapter.id}/check-back`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ link: { expiresInHours: 1 } }),
      },
    );
    expect(started.status).toBe(201);
    const { reviewId, link } = (await started.json()) as {
      reviewId: string;
      link: { url: string };
    };
    // The link as the panel shows it: its path on the app's origin.
    const url = `${server.url}${new URL(link.url).pathname}`;
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(url);
    await ui.visible(page.getByLabel("Ihr Name"));

    const { resume } = await server.interrupt();
    const handle = await openDatabase({ kind: "pglite", dataDir: server.dataDir });
    await handle.db
      .update(reviewLinks)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(reviewLinks.reviewId, reviewId));
    await handle.close();
    await resume();

    await page.goto(url);
    await ui.visible(page.getByRole("heading", { name: "Dieser Link ist abgelaufen" }));
    await ui.count(page.getByLabel("Ihr Name")).toBe(0);
    await expectAccessible(page, "expired review link");
    await shoot(page, "review-link-expired");
    const token = link.url.split("/").at(-1)!;
    const refused = await new HttpClient(server.url).fetch(`/api/review-links/${token}/join`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Spät", organisation: "Verein" }),
    });
    expect(refused.status).toBe(404);
    await context.close();
  }, 120_000);
});
