import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ui } from "../support/ui";
import { AppPages } from "./pages/app-pages";
import { serverAndBrowser } from "./server-and-browser";

async function signedInPage(browser: Browser, baseUrl: string, width: number) {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    isMobile: width < 500,
  });
  const app = new AppPages(await context.newPage(), baseUrl);
  await app.signInAndWaitForDashboard("moderation@deichhausen.example");
  return app.page;
}

/**
 * Two people of the coordination office edit the same measure: the later save on the stale page
 * is refused with a German message, and the form keeps what was typed; saving again applies it.
 */
describe("a stale save of a measure", () => {
  const env = serverAndBrowser();

  it("is refused with a clear message, keeps the input, and applies on the second save", async () => {
    const [first, second] = await Promise.all([
      signedInPage(env.browser, env.server.url, 1280),
      signedInPage(env.browser, env.server.url, 375),
    ]);
    const html = await (await first.request.get(`${env.server.url}/`)).text();
    const conceptId = /href="\/concepts\/([0-9a-f-]{36})"/.exec(html)![1]!;
    const content = (await (
      await first.request.get(`${env.server.url}/api/concepts/${conceptId}`)
    ).json()) as { fields: Array<{ goals: Array<{ measures: Array<{ id: string }> }> }> };
    const measureId = content.fields[0]!.goals[0]!.measures[0]!.id;
    const url = `${env.server.url}/concepts/${conceptId}/measures/${measureId}`;
    await Promise.all([first.goto(url), second.goto(url)]);

    const title = (page: typeof first) => page.getByLabel("Titel", { exact: true });
    const save = (page: typeof first) =>
      page.getByRole("button", { name: "Speichern", exact: true }).click();
    // Exact: the conflict message itself ends in "… wurden nicht gespeichert."
    const saved = (page: typeof first) => page.getByText("Gespeichert.", { exact: true });

    await title(second).fill("Sprachkurse für Eltern (Fassung der Kollegin)");
    await save(second);
    await ui.visible(saved(second));

    await title(first).fill("Sprachkurse für Eltern mit Kinderbetreuung");
    await first.getByLabel("Zeitrahmen").fill("ab 2027");
    await save(first);
    await ui.visible(first.getByText(/hat jemand anderes dieses Konzept geändert/));
    await first.screenshot({ path: "test-results/stale-save-1280.png", fullPage: true });
    expect(await title(first).inputValue()).toBe("Sprachkurse für Eltern mit Kinderbetreuung");
    expect(await first.getByLabel("Zeitrahmen").inputValue()).toBe("ab 2027");

    // Saving again, knowingly, applies this form's values.
    await save(first);
    await ui.visible(saved(first));
    const after = (await (
      await first.request.get(`${env.server.url}/api/concepts/${conceptId}`)
    ).json()) as {
      fields: Array<{ goals: Array<{ measures: Array<{ title: string; timeframe: string }> }> }>;
    };
    expect(after.fields[0]!.goals[0]!.measures[0]).toMatchObject({
      title: "Sprachkurse für Eltern mit Kinderbetreuung",
      timeframe: "ab 2027",
    });

    // The phone's page is now stale too.
    await title(second).fill("Noch eine Fassung");
    await save(second);
    await ui.visible(second.getByText(/hat jemand anderes dieses Konzept geändert/));
    await second.screenshot({ path: "test-results/stale-save-375.png", fullPage: true });
    expect(await title(second).inputValue()).toBe("Noch eine Fassung");
  });
});
