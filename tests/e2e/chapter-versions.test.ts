import type { JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { addCard, addLane, getCard, linkMeasureToGoal, setCardText } from "@/lib/board/board-doc";
import { chapterSchema } from "@/lib/chapter/content";
import { CHAPTER_FRAGMENT } from "@/lib/chapter/fragment";
import type { ConceptContent } from "@/lib/concept/load-concept-content";
import { expectAccessible } from "../support/axe";
import { identityOf } from "../support/board-cards";
import { DEMO, demoConcept, signedIn } from "../support/demo-fixture";
import type { HttpClient } from "../support/http-client";
import { connectSyncClient, until } from "../support/sync-client";
import { ui } from "../support/ui";
import { AppPages } from "./pages/app-pages";
import { chapterUi } from "./pages/chapter-page";
import { serverAndBrowser } from "./server-and-browser";

const SHOTS = process.env.SCREENSHOTS_DIR;

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

/** The board of the demo's first workshop with a goal and a measure card in a lane of field 1. */
async function boardWithMeasure(baseUrl: string, moderator: HttpClient, title: string) {
  const { conceptId, workshops } = await demoConcept(moderator);
  const workshop = workshops[0]!;
  const content = (await (
    await moderator.fetch(`/api/concepts/${conceptId}`)
  ).json()) as ConceptContent;
  const board = connectSyncClient({
    baseUrl,
    docName: workshop.boardDoc,
    cookie: moderator.cookieHeader,
  });
  await board.synced;
  const author = await identityOf(moderator);
  const lane = addLane(board.doc, { title: "Versionen", fieldId: content.fields[0]!.id });
  const goal = addCard(board.doc, {
    laneId: lane.id,
    kind: "goal",
    text: "Familien finden Beratung",
    author,
  });
  const measure = addCard(board.doc, { laneId: lane.id, kind: "measure", text: title, author });
  linkMeasureToGoal(board.doc, measure.id, goal.id);
  const cardIds = [goal.id, measure.id];
  const commit = async (message: string) => {
    // The commit reads the board as the server stored it: wait for a second client to see it.
    const check = connectSyncClient({
      baseUrl,
      docName: workshop.boardDoc,
      cookie: moderator.cookieHeader,
    });
    await check.synced;
    await until(
      () =>
        getCard(check.doc, measure.id)?.text === getCard(board.doc, measure.id)?.text &&
        getCard(check.doc, measure.id)?.goalCardId === goal.id,
    );
    check.destroy();
    const revisions = (await (
      await moderator.fetch(`/api/concepts/${conceptId}/revisions`)
    ).json()) as Array<{ number: number }>;
    const response = await moderator.fetch(
      `/api/workshops/${workshop.id}/commit`,
      json("POST", { cardIds, message, baseRevision: revisions[0]?.number ?? 0 }),
    );
    expect({ status: response.status, body: await response.text() }).toMatchObject({
      status: 201,
    });
  };
  await commit("Beratung");
  const committed = (await (
    await moderator.fetch(`/api/concepts/${conceptId}`)
  ).json()) as ConceptContent;
  const measureId = committed.fields
    .flatMap((f) => f.goals.flatMap((g) => g.measures))
    .find((m) => m.title === title)?.id;
  if (!measureId) throw new Error("measure not committed");
  return {
    conceptId,
    measureId,
    /** Changes the measure card's text and commits the board again (the measure is updated). */
    async recommit(text: string) {
      setCardText(board.doc, measure.id, text);
      await commit("Beratung überarbeitet");
    },
    close: () => board.destroy(),
  };
}

/** Makes `content` a chapter's text through a y-websocket client, as an editor would. */
async function writeChapter(
  baseUrl: string,
  as: HttpClient,
  docName: string,
  content: JSONContent,
) {
  const writer = connectSyncClient({ baseUrl, docName, cookie: as.cookieHeader });
  await writer.synced;
  prosemirrorJSONToYXmlFragment(
    chapterSchema(),
    content,
    writer.doc.getXmlFragment(CHAPTER_FRAGMENT),
  );
  const expected = writer.doc.getXmlFragment(CHAPTER_FRAGMENT).toString();
  const check = connectSyncClient({ baseUrl, docName, cookie: as.cookieHeader });
  await check.synced;
  await until(() => check.doc.getXmlFragment(CHAPTER_FRAGMENT).toString() === expected);
  check.destroy();
  writer.destroy();
}

const paragraph = (text: string): JSONContent => ({
  type: "paragraph",
  content: [{ type: "text", text }],
});

async function screenshots(page: Page, name: string) {
  if (!SHOTS) return;
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe("chapter versions", () => {
  const env = serverAndBrowser();

  it("an embedded measure shows a board's new commit; the frozen version keeps the old text; versions compare and restore", async () => {
    const baseUrl = env.server.url;
    const moderator = await signedIn(baseUrl, DEMO.moderator);
    const board = await boardWithMeasure(baseUrl, moderator, "Offene Sprechstunde im Familienbüro");
    const { conceptId, measureId } = board;
    const chapters = (await (
      await moderator.fetch(`/api/concepts/${conceptId}/chapters`)
    ).json()) as Array<{ id: string; status: string; fieldId: string | null; doc: string }>;
    // The last draft of a field of action: the chapter editor's tests take them from the front.
    const chapter = chapters.filter((c) => c.status === "draft" && c.fieldId).at(-1)!;
    const api = `/api/concepts/${conceptId}/chapters/${chapter.id}`;
    await writeChapter(baseUrl, moderator, chapter.doc, {
      type: "doc",
      content: [
        paragraph("Das Familienbüro berät ohne Termin."),
        { type: "conceptItem", attrs: { kind: "measure", id: measureId } },
      ],
    });
    const first = (await (await moderator.fetch(`${api}/check-back`, json("POST", {}))).json()) as {
      version: number;
    };

    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const app = new AppPages(await context.newPage(), baseUrl);
    const page = app.page;
    await app.signInAndWaitForDashboard(DEMO.moderator);
    const chapterUrl = `${baseUrl}/concepts/${conceptId}/chapters/${chapter.id}`;
    await chapterUi.open(page, chapterUrl);
    const item = page.locator(`[data-testid="concept-item"][data-id="${measureId}"]`);
    await ui
      .text(item.getByTestId("concept-item-text"))
      .toBe("Offene Sprechstunde im Familienbüro");

    // A later commit from the board changes the measure: the open chapter shows it when the
    // store is read again (on focus), the check-back version keeps the text it froze.
    await board.recommit("Offene Sprechstunde im Familienbüro, auch samstags");
    await page.evaluate(() => window.dispatchEvent(new Event("focus")));
    await ui
      .text(item.getByTestId("concept-item-text"))
      .toBe("Offene Sprechstunde im Familienbüro, auch samstags");
    await expectAccessible(page, "chapter page with an embedded measure");

    await chapterUi.editor(page).click();
    await chapterUi.cursorAfter(page, "ohne Termin.");
    await page.keyboard.type(" Neu: Sprechstunde auf Türkisch.");
    await until(async () => {
      const diff = (await (
        await moderator.fetch(`${api}/diff?from=${first.version}&to=current`)
      ).json()) as { blocks: Array<{ kind: string }> };
      return diff.blocks.some((b) => b.kind === "changed");
    });
    const second = (await (
      await moderator.fetch(`${api}/check-back`, json("POST", {}))
    ).json()) as { version: number };

    await page.goto(`${chapterUrl}/versions`);
    await page.getByRole("button", { name: `Version ${first.version} ansehen` }).click();
    const frozen = page.getByRole("region", { name: `Text von Version ${first.version}` });
    await ui.text(frozen).toContain("Offene Sprechstunde im Familienbüro");
    await ui.text(frozen).not.toContain("samstags");
    await ui.text(frozen).not.toContain("Türkisch");

    // Compare the two versions: the new sentence is an insertion.
    await page.getByRole("combobox", { name: /^Von/ }).selectOption(String(first.version));
    await page.getByRole("combobox", { name: /^Bis/ }).selectOption(String(second.version));
    await page.getByRole("button", { name: "Vergleichen" }).click();
    const diff = page.getByTestId("chapter-diff");
    const inserted = () =>
      diff
        .locator("p[data-kind] ins")
        .allTextContents()
        .then((parts) => parts.join(" "));
    await expect.poll(inserted, { timeout: 10_000 }).toContain("Sprechstunde auf Türkisch.");
    // The measure's text in each version is as of that version's store revision.
    await expect.poll(inserted).toContain("samstags");
    await expectAccessible(page, "versions page with a diff");
    await screenshots(page, "chapter-versions");

    // A colleague has the chapter open while the first version is restored.
    const colleague = await env.browser.newContext({ viewport: { width: 375, height: 800 } });
    const editorApp = new AppPages(await colleague.newPage(), baseUrl);
    await editorApp.signInAndWaitForDashboard(DEMO.editor);
    await chapterUi.open(editorApp.page, chapterUrl);
    expect(await chapterUi.text(editorApp.page)).toContain("Türkisch");

    await page.getByRole("button", { name: `Version ${first.version} wiederherstellen` }).click();
    const dialog = page.getByRole("dialog", { name: `Version ${first.version} wiederherstellen?` });
    await ui.visible(dialog);
    await expectAccessible(page, "restore confirmation");
    await dialog.getByRole("button", { name: "Abbrechen" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(await chapterUi.text(editorApp.page)).toContain("Türkisch");
    await page.getByRole("button", { name: `Version ${first.version} wiederherstellen` }).click();
    await dialog.getByRole("button", { name: "Wiederherstellen" }).click();
    const kept = second.version + 1;
    await ui
      .text(page.getByRole("alert").or(page.getByRole("status")).first())
      .toContain(`als Version ${kept} gesichert`);

    // The colleague's editor shows the restored text at once; the replaced text is a version.
    await expect
      .poll(() => chapterUi.text(editorApp.page), { timeout: 10_000 })
      .not.toContain("Türkisch");
    expect(await chapterUi.text(editorApp.page)).toContain("ohne Termin.");
    await ui.visible(page.getByRole("button", { name: `Version ${kept} ansehen` }));
    await page.getByRole("button", { name: `Version ${kept} ansehen` }).click();
    await ui
      .text(page.getByRole("region", { name: `Text von Version ${kept}` }))
      .toContain("Neu: Sprechstunde auf Türkisch.");

    board.close();
    await colleague.close();
    await context.close();
  }, 180_000);
});
