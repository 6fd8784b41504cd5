import { describe, expect, it } from "vitest";
import { serverAndBrowser } from "./server-and-browser";
import { ui } from "../support/ui";
import { AppPages } from "./pages/app-pages";
import { boardUi } from "./pages/board-page";

/** From the workshop board into the concept: review, commit, then the catalogue and history. */
describe("committing a board", () => {
  const env = serverAndBrowser();

  it("commits a lane's goal and measure, shows them in the catalogue and the history", async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const app = new AppPages(await context.newPage(), env.server.url);
    const page = app.page;
    await app.signInAndWaitForDashboard("moderation@deichhausen.example");
    await app.openDemoConcept();
    const conceptUrl = page.url();
    await app.openFirstBoard();

    // "AG Ankommen und Willkommenskultur" covers field 2: one lane for it.
    await boardUi.applyTemplate(page, "goals_measures");
    const lane = page.getByTestId("lane").first();
    await lane.getByLabel("Text der neuen Karte").fill("Alle Neuzugewanderten kennen ihre Lotsin");
    await lane.getByLabel("Art der Karte").last().selectOption("goal");
    await lane.getByRole("button", { name: "Hinzufügen" }).click();
    await lane.getByLabel("Text der neuen Karte").fill("Lotsenprogramm im Stadtteilbüro");
    await lane.getByLabel("Art der Karte").last().selectOption("measure");
    await lane.getByRole("button", { name: "Hinzufügen" }).click();
    const measure = page.getByRole("article", { name: /^Maßnahme: Lotsenprogramm/ });
    await measure.getByText("Angaben zur Maßnahme").click();
    await measure.getByLabel("Organisation").first().fill("Stadtteilbüro Nord");
    await measure.getByLabel("Rolle").first().selectOption("lead");
    await measure.getByLabel("Zielwert").fill("300 Begleitungen im Jahr");
    await measure
      .getByLabel("Ziel", { exact: true })
      .selectOption({ label: "Alle Neuzugewanderten kennen ihre Lotsin" });
    await measure.getByRole("button", { name: "Übernehmen" }).click();

    await boardUi.openDrawer(page);
    const panel = page.getByTestId("commit-panel");
    await panel.getByRole("button", { name: "Karten auswählen" }).click();
    await panel.getByLabel(/^Ganze Spalte/).check();
    await panel.getByLabel("Beschreibung der Fassung").fill("AG Ankommen: Lotsen");
    await panel.getByRole("button", { name: "Vorschau" }).click();
    const review = panel.getByTestId("commit-review");
    await ui.count(review.getByTestId("diff-item")).toBe(2);
    await ui.text(review.getByTestId("diff-item").first()).toContain("Alle Neuzugewanderten");
    await ui.text(review.getByTestId("diff-item").last()).toContain("Lotsenprogramm");
    await panel.getByRole("button", { name: "2 Änderungen übernehmen" }).click();
    await ui.text(panel.getByRole("status")).toContain("Übernommen als Fassung");

    // Committing the same cards again would change nothing and duplicate nothing.
    await panel.getByLabel(/^Ganze Spalte/).check();
    await panel.getByRole("button", { name: "Vorschau" }).click();
    await ui.text(panel.getByTestId("commit-review")).toContain("Keine Änderungen");

    await page.goto(`${conceptUrl}/measures`);
    await page.getByLabel("Zuständige Organisation").selectOption({ label: "Stadtteilbüro Nord" });
    await page.getByRole("button", { name: "Anwenden" }).click();
    await ui.text(page.getByTestId("catalogue-count")).toBe("1 Maßnahme");
    await ui.text(page.getByTestId("measure")).toContain("Lotsenprogramm im Stadtteilbüro");
    await ui.text(page.getByTestId("measure")).toContain("300 Begleitungen im Jahr");
    await page.getByLabel("Suche").fill("Lotsen");
    await page.getByLabel("Zuständige Organisation").selectOption("");
    await page.getByRole("button", { name: "Anwenden" }).click();
    await ui.text(page.getByTestId("catalogue-count")).toBe("1 Maßnahme");

    await page.goto(`${conceptUrl}/history`);
    await ui.text(page.getByTestId("revision").first()).toContain("AG Ankommen: Lotsen");
    await ui.text(page.getByTestId("revision").first()).toContain("Koordinierungsstelle MuT");
    expect(await page.getByTestId("diff-item").count()).toBe(2);

    // Edited directly in a form: another revision, with the change field by field.
    await page.goto(conceptUrl);
    await page
      .getByTestId("goal")
      .filter({ hasText: "Alle Neuzugewanderten kennen ihre Lotsin" })
      .getByRole("link", { name: /^Maßnahme [\d.]+ bearbeiten$/ })
      .click();
    await page.getByLabel("Status").selectOption("in_progress");
    await page.getByLabel("Kooperationspartner").fill("Jobcenter, Stadtteilbüro Nord");
    await page.getByRole("button", { name: "Speichern" }).click();
    await ui.visible(page.getByText("Gespeichert.", { exact: true }));
    await page.goto(`${conceptUrl}/history`);
    await ui.text(page.getByTestId("revision").first()).toMatch(/Maßnahme 2\.\d+\.1 bearbeitet/);
    const change = page.getByTestId("diff-item");
    await ui.text(change).toContain("In Umsetzung");
    await ui.text(change).toContain("Jobcenter (Kooperationspartner)");
    await context.close();
  });
});
