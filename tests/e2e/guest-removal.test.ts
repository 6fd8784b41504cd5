import type { Browser, Page } from "playwright-core";
import { describe, it } from "vitest";
import { ui } from "../support/ui";
import { AppPages } from "./pages/app-pages";
import { serverAndBrowser } from "./server-and-browser";

/** A person on a phone who opens an invite link and joins the board by name. */
async function joinOnPhone(browser: Browser, url: string, name: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 800 },
    isMobile: true,
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel("Ihr Name").fill(name);
  await page.getByRole("button", { name: "Zum Board" }).click();
  await ui.text(page.getByTestId("sync-status")).toBe("Verbunden");
  return page;
}

/** The moderator removes guests from the workshops page; removed guests lose the board. */
describe("removing guests in the browser", () => {
  const env = serverAndBrowser();

  it.each([1280, 375])(
    "lists who joined, removes one guest, and revokes a link with everyone on it (%i px)",
    async (width) => {
      const context = await env.browser.newContext({
        viewport: { width, height: 900 },
        isMobile: width < 500,
      });
      const app = new AppPages(await context.newPage(), env.server.url);
      const moderator = app.page;
      await app.signInAndWaitForDashboard("moderation@deichhausen.example");
      await app.openDemoConcept();
      await moderator.getByRole("link", { name: "Workshops" }).click();
      const workshop = moderator.getByTestId("workshop").first();
      const boardPath = await workshop
        .getByRole("link", { name: "Board öffnen" })
        .getAttribute("href");
      const workshopId = boardPath!.split("/").at(-1)!;

      // Two links: one with two guests, one with a third.
      const link = async () => {
        const response = await moderator.request.post(
          `${env.server.url}/api/workshops/${workshopId}/invites`,
          { data: { role: "participant" }, headers: { origin: env.server.url } },
        );
        return `${env.server.url}${((await response.json()) as { joinPath: string }).joinPath}`;
      };
      const [first, second] = [await link(), await link()];
      const amira = await joinOnPhone(env.browser, first, `Amira ${width}`);
      const ben = await joinOnPhone(env.browser, first, `Ben ${width}`);
      const chen = await joinOnPhone(env.browser, second, `Chen ${width}`);

      await workshop.getByText("Gäste verwalten").click();
      const panel = workshop.getByTestId("workshop-guests");
      await ui.visible(panel.getByText(`Amira ${width}`));
      await ui.visible(panel.getByText(`Chen ${width}`));
      await moderator.screenshot({ path: `test-results/guests-${width}.png`, fullPage: true });

      await panel.getByRole("button", { name: `Chen ${width} entfernen` }).click();
      await ui.visible(panel.getByText(`Chen ${width} wurde entfernt.`));
      await ui.count(panel.getByText(`Chen ${width}`, { exact: true })).toBe(0);
      await chen.reload();
      await ui.visible(chen.getByRole("heading", { name: "Kein Zugriff" }));

      const group = panel.getByRole("region").filter({ hasText: `Amira ${width}` });
      await group.getByRole("button", { name: "Link sperren und alle 2 entfernen" }).click();
      await group.getByRole("button", { name: "Ja, entfernen" }).click();
      await ui.visible(panel.getByText("2 Gäste wurden entfernt."));
      await moderator.screenshot({
        path: `test-results/guests-removed-${width}.png`,
        fullPage: true,
      });
      for (const guest of [amira, ben]) {
        await guest.reload();
        await ui.visible(guest.getByRole("heading", { name: "Kein Zugriff" }));
      }
      // The revoked link admits nobody new.
      const late = await (await env.browser.newContext()).newPage();
      await late.goto(first);
      await ui.visible(late.getByText("Dieser Einladungslink gilt nicht mehr"));
      await context.close();
    },
    150_000,
  );
});
