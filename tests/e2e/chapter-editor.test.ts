import type { Browser, Page } from "playwright-core";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { CHAPTER_FRAGMENT } from "@/lib/chapter/extensions";
import { expectAccessible } from "../support/axe";
import { connectSyncClient, until } from "../support/sync-client";
import { ui } from "../support/ui";
import { AppPages } from "./pages/app-pages";
import { chapterUi, type ChapterRow } from "./pages/chapter-page";
import { serverAndBrowser } from "./server-and-browser";

const SHOTS = process.env.SCREENSHOTS_DIR;

/** Two people (the demo's moderator and editor) in two browser contexts, on the demo concept. */
async function twoPeople(browser: Browser, baseUrl: string, width = 1280) {
  const people = await Promise.all(
    ["moderation@deichhausen.example", "redaktion@deichhausen.example"].map(async (email) => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const app = new AppPages(await context.newPage(), baseUrl);
      await app.signInAndWaitForDashboard(email);
      await app.openDemoConcept();
      return { page: app.page, close: () => context.close() };
    }),
  );
  const [moderator, editor] = people as [(typeof people)[0], (typeof people)[0]];
  const conceptId = chapterUi.conceptIdOf(moderator.page);
  const chapters = await chapterUi.chapters(moderator.page, baseUrl, conceptId);
  return { moderator, editor, conceptId, chapters };
}

function chapterUrl(baseUrl: string, conceptId: string, chapter: ChapterRow) {
  return `${baseUrl}/concepts/${conceptId}/chapters/${chapter.id}`;
}

/** The moderator empties the chapter (the demo's drafts have text), and both see it empty. */
async function emptyChapter(moderator: Page, editor: Page) {
  await chapterUi.editor(moderator).click();
  await moderator.keyboard.press("Control+a");
  await moderator.keyboard.press("Delete");
  await expect.poll(() => chapterUi.text(moderator), { timeout: 10_000 }).toBe("");
  await expect.poll(() => chapterUi.text(editor), { timeout: 10_000 }).toBe("");
}

/** A draft chapter of a field of action, a different one per test. */
let picked = 0;
function draftChapter(chapters: ChapterRow[]): ChapterRow {
  const drafts = chapters.filter((c) => c.status === "draft" && c.fieldId);
  const chapter = drafts[picked++];
  if (!chapter) throw new Error("not enough draft chapters in the demo");
  return chapter;
}

describe("chapter editor", () => {
  const env = serverAndBrowser();

  it("two editors type into the same paragraph at once and their texts converge", async () => {
    const { moderator, editor, conceptId, chapters } = await twoPeople(env.browser, env.server.url);
    const url = chapterUrl(env.server.url, conceptId, draftChapter(chapters));
    await Promise.all([chapterUi.open(moderator.page, url), chapterUi.open(editor.page, url)]);
    await ui.visible(editor.page.getByTestId("presence").getByText("Koordinierungsstelle MuT"));
    await emptyChapter(moderator.page, editor.page);

    const start = "Gemeinsamer Absatz der Arbeitsgruppe.";
    await chapterUi.editor(moderator.page).click();
    await moderator.page.keyboard.press("Control+End");
    await moderator.page.keyboard.type(start);
    await expect.poll(() => chapterUi.text(editor.page), { timeout: 10_000 }).toContain(start);

    // One writes at the end of the paragraph, the other at its start, at the same time.
    await chapterUi.cursorAfter(moderator.page, start);
    await chapterUi.cursorAfter(editor.page, "");
    await editor.page.keyboard.press("Home");
    await Promise.all([
      moderator.page.keyboard.type(" Ende von Anna.", { delay: 15 }),
      editor.page.keyboard.type("Anfang von Bernd. ", { delay: 15 }),
    ]);
    const expected = `Anfang von Bernd. ${start} Ende von Anna.`;
    await expect.poll(() => chapterUi.text(moderator.page), { timeout: 10_000 }).toBe(expected);
    await expect.poll(() => chapterUi.text(editor.page), { timeout: 10_000 }).toBe(expected);
    expect(await editor.page.locator('[data-testid="chapter-editor"] p').count()).toBe(1);

    // The other's caret carries their name.
    await ui.visible(
      moderator.page.locator(".collaboration-carets__label", { hasText: "Steuerungsgruppe" }),
    );

    if (SHOTS) {
      for (const width of [1280, 375]) {
        await moderator.page.setViewportSize({ width, height: 900 });
        await moderator.page.screenshot({
          path: `${SHOTS}/chapter-editor-${width}.png`,
          fullPage: true,
        });
      }
    }
    await expectAccessible(moderator.page, "chapter page");
    await moderator.page.goto(`${env.server.url}/concepts/${conceptId}/chapters`);
    await ui.count(moderator.page.getByTestId("chapter-row")).toBe(chapters.length);
    await expectAccessible(moderator.page, "chapter list");
    if (SHOTS) {
      for (const width of [1280, 375]) {
        await moderator.page.setViewportSize({ width, height: 900 });
        await moderator.page.screenshot({
          path: `${SHOTS}/chapter-list-${width}.png`,
          fullPage: true,
        });
      }
    }
    await moderator.close();
    await editor.close();
  }, 150_000);

  it("a comment stays on its text while another person edits around and inside it", async () => {
    const { moderator, editor, conceptId, chapters } = await twoPeople(env.browser, env.server.url);
    const url = chapterUrl(env.server.url, conceptId, draftChapter(chapters));
    await Promise.all([chapterUi.open(moderator.page, url), chapterUi.open(editor.page, url)]);
    await emptyChapter(moderator.page, editor.page);
    await moderator.page.keyboard.type("Das Lotsenprogramm begleitet neu zugewanderte Familien.");
    await expect
      .poll(() => chapterUi.text(editor.page), { timeout: 10_000 })
      .toContain("Familien.");

    await chapterUi.select(moderator.page, "begleitet neu");
    await moderator.page.getByRole("button", { name: "Kommentieren" }).click();
    await moderator.page.getByLabel("Ihr Kommentar").fill("Wer begleitet genau?");
    await moderator.page.getByRole("button", { name: "Kommentar speichern" }).click();
    const mark = (page: Page) => page.locator('[data-testid="chapter-editor"] [data-thread-id]');
    await ui.text(mark(editor.page)).toBe("begleitet neu");
    await ui.visible(editor.page.getByTestId("comment-thread"));
    await editor.page.getByTestId("comments").getByText("Wer begleitet genau?").waitFor();

    // The editor writes before it, right after it and inside it.
    await chapterUi.cursorAfter(editor.page, "Das ");
    await editor.page.keyboard.type("erfolgreiche ");
    await chapterUi.cursorAfter(editor.page, "begleitet");
    await editor.page.keyboard.type(" seit 2023");
    await chapterUi.cursorAfter(editor.page, "neu");
    await editor.page.keyboard.type(" und");
    const expected =
      "Das erfolgreiche Lotsenprogramm begleitet seit 2023 neu und zugewanderte Familien.";
    await expect.poll(() => chapterUi.text(moderator.page), { timeout: 10_000 }).toBe(expected);
    await ui.text(mark(moderator.page)).toBe("begleitet seit 2023 neu");
    await ui.text(mark(editor.page)).toBe("begleitet seit 2023 neu");

    // Choosing the thread selects its text; a reply and resolving show for the other person.
    const thread = editor.page.getByTestId("comment-thread");
    await thread.getByRole("button", { name: /^Textstelle zeigen/ }).click();
    expect(await editor.page.evaluate(() => window.getSelection()?.toString())).toBe(
      "begleitet seit 2023 neu",
    );
    await thread.getByPlaceholder("Antworten").fill("Die Stadtteilbüros.");
    await thread.getByRole("button", { name: "Antworten" }).click();
    await thread.getByText("Die Stadtteilbüros.").waitFor();
    await thread.getByRole("button", { name: "Erledigt" }).click();
    await ui
      .count(editor.page.locator('[data-testid="comment-thread"][data-status="open"]'))
      .toBe(0);
    await moderator.page.reload();
    await ui.visible(moderator.page.getByRole("button", { name: "Erledigte Kommentare (1)" }));
    await moderator.close();
    await editor.close();
  }, 150_000);

  it("finalising turns the other person's editor read-only, and the server drops raw writes", async () => {
    const { moderator, editor, conceptId, chapters } = await twoPeople(env.browser, env.server.url);
    const chapter = draftChapter(chapters);
    const url = chapterUrl(env.server.url, conceptId, chapter);
    await Promise.all([chapterUi.open(moderator.page, url), chapterUi.open(editor.page, url)]);
    await chapterUi.editor(editor.page).click();
    await editor.page.keyboard.type("Vor dem Finalisieren geschrieben.");
    await expect
      .poll(() => chapterUi.text(moderator.page), { timeout: 10_000 })
      .toContain("Finalisieren geschrieben.");

    await moderator.page.getByTestId("finalise").click();
    const notice = editor.page.getByTestId("read-only-notice");
    await ui.visible(notice);
    expect(await notice.getAttribute("data-reason")).toBe("final");
    await ui.text(notice).toContain("ist final");
    await ui.visible(
      editor.page.locator('[data-testid="chapter-editor"][contenteditable="false"]'),
    );
    await ui.visible(
      moderator.page.locator('[data-testid="chapter-editor"][contenteditable="false"]'),
    );
    await editor.page.keyboard.type("nachher");
    expect(await chapterUi.text(editor.page)).not.toContain("nachher");

    // A raw y-websocket client of the editor is told "read-only" and its update goes nowhere.
    const cookie = await chapterUi.cookieHeader(editor.page.context());
    const docName = `chapter:${chapter.id}`;
    const raw = connectSyncClient({ baseUrl: env.server.url, docName, cookie });
    await raw.synced;
    await until(() => raw.permissionDenied.includes("read-only"));
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText("Heimlich geschrieben")]);
    raw.doc.getXmlFragment(CHAPTER_FRAGMENT).insert(0, [paragraph]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const reader = connectSyncClient({ baseUrl: env.server.url, docName, cookie });
    await reader.synced;
    expect(reader.doc.getXmlFragment(CHAPTER_FRAGMENT).toString()).toContain("Finalisieren");
    expect(reader.doc.getXmlFragment(CHAPTER_FRAGMENT).toString()).not.toContain("Heimlich");
    expect(await chapterUi.text(moderator.page)).not.toContain("Heimlich");
    raw.destroy();
    reader.destroy();

    // A final chapter opens read-only with its notice; reopening makes it writable again, also
    // for the other person's open editor, without a reload.
    await editor.page.reload();
    await ui.visible(editor.page.getByTestId("read-only-notice"));
    await moderator.page.getByTestId("reopen").click();
    await ui.visible(
      moderator.page.locator('[data-testid="chapter-editor"][contenteditable="true"]'),
    );
    await ui.visible(editor.page.locator('[data-testid="chapter-editor"][contenteditable="true"]'));
    await ui.count(editor.page.getByTestId("read-only-notice")).toBe(0);
    await chapterUi.cursorAfter(editor.page, "Finalisieren geschrieben.");
    await editor.page.keyboard.type(" Wieder offen.");
    await expect
      .poll(() => chapterUi.text(moderator.page), { timeout: 10_000 })
      .toContain("Wieder offen.");
    await moderator.close();
    await editor.close();
  }, 150_000);
});
