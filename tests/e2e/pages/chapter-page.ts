import type { BrowserContext, Page } from "playwright-core";
import { ui } from "../../support/ui";

export interface ChapterRow {
  id: string;
  title: string;
  status: string;
  fieldId: string | null;
}

/** Page object for the chapter editor, in German. */
export const chapterUi = {
  /** The demo concept's id, from its overview URL. */
  conceptIdOf(page: Page): string {
    const match = /\/concepts\/([0-9a-f-]{36})/.exec(page.url());
    if (!match) throw new Error(`not on a concept page: ${page.url()}`);
    return match[1]!;
  },

  async chapters(page: Page, baseUrl: string, conceptId: string): Promise<ChapterRow[]> {
    const response = await page.request.get(`${baseUrl}/api/concepts/${conceptId}/chapters`);
    if (!response.ok()) throw new Error(`chapters: ${response.status()}`);
    return (await response.json()) as ChapterRow[];
  },

  editor(page: Page) {
    return page.getByTestId("chapter-editor");
  },

  /** Opens a chapter and waits until it is synced and editable. */
  async open(page: Page, url: string) {
    await page.goto(url);
    await ui.text(page.getByTestId("sync-status")).toBe("Verbunden");
    await ui.visible(page.locator('[data-testid="chapter-editor"][contenteditable="true"]'));
  },

  /** The chapter's text as the editor shows it, without the others' carets and their names. */
  async text(page: Page): Promise<string> {
    return chapterUi.editor(page).evaluate((editor) => {
      const copy = editor.cloneNode(true) as HTMLElement;
      for (const caret of copy.querySelectorAll(".collaboration-carets__caret")) caret.remove();
      return (copy.textContent ?? "").trim();
    });
  },

  /** Selects `needle` (its first occurrence in one text node) in the editor. */
  async select(page: Page, needle: string) {
    await page.evaluate((text) => {
      const root = document.querySelector('[data-testid="chapter-editor"]')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(text) ?? -1;
        if (at < 0) continue;
        (root as HTMLElement).focus();
        window.getSelection()!.setBaseAndExtent(node, at, node, at + text.length);
        return;
      }
      throw new Error(`"${text}" not in the editor`);
    }, needle);
  },

  /** Puts the cursor right after `needle` in the editor. */
  async cursorAfter(page: Page, needle: string) {
    await page.evaluate((text) => {
      const root = document.querySelector('[data-testid="chapter-editor"]')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(text) ?? -1;
        if (at < 0) continue;
        (root as HTMLElement).focus();
        window.getSelection()!.setBaseAndExtent(node, at + text.length, node, at + text.length);
        return;
      }
      throw new Error(`"${text}" not in the editor`);
    }, needle);
  },

  /** The session cookie header of a context, for a raw y-websocket client. */
  async cookieHeader(context: BrowserContext): Promise<string> {
    return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  },
};
