import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible } from "../support/axe";
import { ui } from "../support/ui";
import { AppPages } from "./pages/app-pages";
import { serverAndBrowser } from "./server-and-browser";

const SHOTS = process.env.SCREENSHOTS_DIR;
const SUBJECT = "Handlungskonzept Migration und Teilhabe – Beschluss des Rates";

/** The "Vorlage" page of the demo concept: a moderator edits it, a council member reads it. */
describe("council paper page", () => {
  const env = serverAndBrowser();

  async function paperPage(email: string, width: number) {
    const context = await env.browser.newContext({
      viewport: { width, height: 900 },
      locale: "de-DE",
    });
    const app = new AppPages(await context.newPage(), env.server.url);
    await app.signInAndWaitForDashboard(email);
    await app.openDemoConcept();
    await app.page.getByRole("link", { name: "Vorlage", exact: true }).click();
    await ui.visible(form(app.page));
    return { page: app.page, close: () => context.close() };
  }
  const form = (page: Page) => page.getByRole("form", { name: "Vorlage für den Rat" });
  const rows = (page: Page) => page.getByTestId("consultation");

  it("a moderator adds a committee, changes the subject and saves; a council member sees it read-only", async () => {
    const moderator = await paperPage("moderation@deichhausen.example", 1280);
    const page = moderator.page;
    await ui.count(rows(page)).toBe(4);
    await expectAccessible(page, "council paper form");
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/council-paper-1280.png`, fullPage: true });

    await page.getByRole("button", { name: "Gremium hinzufügen" }).click();
    await ui.count(rows(page)).toBe(5);
    const added = page.getByRole("listitem", { name: "Gremium 5" });
    await added.getByLabel("Gremium", { exact: true }).fill("Jugendhilfeausschuss");
    await added.getByLabel("Sitzungstermin").fill("2027-03-04");
    await added.getByLabel("Tagesordnungspunkt").fill("4.2");
    await added.getByLabel("Zuständigkeit").selectOption({ label: "Kenntnisnahme" });
    // Reordered before the Rat, which decides last.
    await page.getByRole("button", { name: "Gremium 5 nach oben" }).click();
    const fourth = page.getByRole("listitem", { name: "Gremium 4" });
    expect(await fourth.getByLabel("Gremium", { exact: true }).inputValue()).toBe(
      "Jugendhilfeausschuss",
    );
    await page.getByRole("textbox", { name: "Betreff", exact: true }).fill(SUBJECT);

    // An empty committee is refused, naming the field; nothing is stored.
    await page.getByRole("button", { name: "Gremium hinzufügen" }).click();
    await page.getByRole("button", { name: "Vorlage speichern" }).click();
    await ui.visible(page.getByRole("alert").getByText(/nicht gespeichert/));
    const empty = page.getByRole("listitem", { name: "Gremium 6" });
    await ui.text(empty.getByText("Bitte ausfüllen.")).toBe("Bitte ausfüllen.");
    expect(await empty.getByLabel("Gremium", { exact: true }).getAttribute("aria-invalid")).toBe(
      "true",
    );
    await expectAccessible(page, "council paper form with an error");
    await page.getByRole("button", { name: "Gremium 6 entfernen" }).click();
    await ui.count(rows(page)).toBe(5);

    await page.getByRole("button", { name: "Vorlage speichern" }).click();
    await ui
      .text(page.getByRole("status").filter({ hasText: "gespeichert" }))
      .toBe("Die Vorlage wurde gespeichert.");
    await page.reload();
    await ui.visible(form(page));
    expect(await page.getByRole("textbox", { name: "Betreff", exact: true }).inputValue()).toBe(
      SUBJECT,
    );
    await ui.count(rows(page)).toBe(5);
    const committees = await rows(page)
      .getByLabel("Gremium", { exact: true })
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(committees).toEqual([
      "Integrationsrat",
      "Ausschuss für Soziales, Gesundheit und Integration",
      "Hauptausschuss",
      "Jugendhilfeausschuss",
      "Rat",
    ]);

    const viewer = await paperPage("rat@deichhausen.example", 375);
    const council = viewer.page;
    await ui.visible(council.getByText("Nur die Moderation kann die Vorlage bearbeiten."));
    const subject = council.getByRole("textbox", { name: "Betreff", exact: true });
    expect(await subject.inputValue()).toBe(SUBJECT);
    expect(await subject.getAttribute("readonly")).not.toBeNull();
    await ui.count(rows(council)).toBe(5);
    expect(await council.getByRole("button", { name: "Vorlage speichern" }).count()).toBe(0);
    expect(await council.getByRole("button", { name: "Gremium hinzufügen" }).count()).toBe(0);
    expect(await council.getByRole("button", { name: /entfernen$/ }).count()).toBe(0);
    expect(await council.getByLabel("Zuständigkeit").first().isDisabled()).toBe(true);
    await ui.visible(council.getByRole("link", { name: "OParl-JSON" }));
    await expectAccessible(council, "council paper read-only on a phone");
    if (SHOTS) await council.screenshot({ path: `${SHOTS}/council-paper-375.png`, fullPage: true });
    // Typing into the read-only subject changes nothing.
    await subject.press("End");
    await council.keyboard.type("XYZ");
    expect(await subject.inputValue()).toBe(SUBJECT);

    await viewer.close();
    await moderator.close();
  });
});
