import { describe, expect, it } from "vitest";
import { serverAndBrowser } from "./server-and-browser";
import { ui } from "../support/ui";
import { AppPages } from "./pages/app-pages";

describe("signing in and reading the demo concept in Chromium", () => {
  const env = serverAndBrowser();

  it("shows the moderator fields and measures and lets them edit; the viewer sees the edit but no edit controls", async () => {
    const moderatorContext = await env.browser.newContext({
      viewport: { width: 1280, height: 900 },
    });
    const viewerContext = await env.browser.newContext({
      viewport: { width: 375, height: 800 },
      isMobile: true,
    });
    const moderator = new AppPages(await moderatorContext.newPage(), env.server.url);
    const viewer = new AppPages(await viewerContext.newPage(), env.server.url);

    // Anonymous: sent to sign-in. A wrong password gets a message that names no account.
    await moderator.page.goto(`${env.server.url}/`);
    await ui.url(moderator.page).toMatch(/\/login\?callbackUrl=%2F/);
    await moderator.signIn("moderation@deichhausen.example", "falsch");
    await ui
      .text(moderator.page.getByRole("alert"))
      .toBe("E-Mail-Adresse oder Passwort ist nicht korrekt.");

    await moderator.signInAndWaitForDashboard("moderation@deichhausen.example");
    await ui.visible(moderator.page.getByRole("link", { name: "Neues Konzept" }));
    await moderator.openDemoConcept();
    const main = moderator.main();
    await ui.visible(
      main.getByRole("heading", { level: 3, name: "1 Migrations- und Teilhabemanagement" }),
    );
    await ui.visible(
      main.getByRole("heading", { level: 3, name: /^9 Migrationsgesellschaftliche Öffnung/ }),
    );
    await ui.text(main.locator('[data-testid="goal"]').first()).toContain("1.1");
    expect(await main.locator('[data-testid="measure"]').count()).toBeGreaterThanOrEqual(23);
    await ui.text(main.locator('[data-testid="measure"]').first()).toContain("Federführend");

    // The moderator edits field 2's strategic goal in the form.
    await moderator.page.getByRole("link", { name: "Handlungsfelder bearbeiten" }).click();
    const form = moderator.page.getByRole("form", { name: /^2 / });
    const goal = "Neuzugewanderte finden vom ersten Tag an Rat, Begleitung und Begegnung.";
    await form.getByLabel("Strategisches Ziel").fill(goal);
    await form.getByRole("button", { name: "Speichern" }).click();
    await ui.text(form.getByRole("status")).toBe("Gespeichert.");
    // An empty title is refused with a message at the field.
    await form.getByLabel("Titel des Handlungsfelds").fill("");
    await form.getByRole("button", { name: "Speichern" }).click();
    await ui.visible(form.getByText("Bitte ausfüllen."));

    // The viewer, on a phone, sees the change but nothing to edit.
    await viewer.signInAndWaitForDashboard("rat@deichhausen.example");
    await ui.count(viewer.page.getByRole("link", { name: "Neues Konzept" })).toBe(0);
    await viewer.openDemoConcept();
    await ui.text(viewer.main()).toContain(goal);
    await ui.count(viewer.page.getByRole("link", { name: "Handlungsfelder bearbeiten" })).toBe(0);
    await ui.count(viewer.page.getByRole("link", { name: "Mitglieder" })).toBe(0);
    // The only controls are the export's (final version only): nothing edits the concept.
    const controls = "form, button, input, textarea, select";
    const exportPanel = viewer.main().getByRole("region", { name: "Exportieren" });
    await ui.count(exportPanel.locator('input[value="draft"]')).toBe(0);
    await ui
      .count(viewer.main().locator(controls))
      .toBe((await exportPanel.locator(controls).count()) as number);

    // English is selectable; German stays the default for everyone else.
    await viewer.page.getByRole("button", { name: "Englisch" }).click();
    await ui.visible(viewer.page.getByRole("heading", { level: 2, name: "Fields of action" }));
    await moderator.page.reload();
    await ui.visible(
      moderator.page.getByRole("heading", { name: "Handlungsfelder und strategische Ziele" }),
    );

    // Signing out ends the session.
    await viewer.page.getByRole("button", { name: "Sign out" }).click();
    await ui.url(viewer.page).toMatch(/\/login/);
    await viewer.page.goto(`${env.server.url}/`);
    await ui.url(viewer.page).toMatch(/\/login\?callbackUrl=/);

    await moderatorContext.close();
    await viewerContext.close();
  });
});
