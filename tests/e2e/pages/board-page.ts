import type { Locator, Page } from "playwright-core";
import { ui } from "../../support/ui";

/**
 * The board's moderator chrome: the drawer with lanes, invites and commit, and a card's menu.
 * Each helper leaves the thing open, whatever its state before.
 */
export const boardUi = {
  async openDrawer(page: Page) {
    const toggle = page.getByRole("button", { name: "Spalten, Einladungen, Übernahme" });
    if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
    await ui.visible(page.getByTestId("prep-drawer"));
  },
  async closeDrawer(page: Page) {
    const drawer = page.getByTestId("prep-drawer");
    if (await drawer.isVisible()) await drawer.getByRole("button", { name: "Schließen" }).click();
  },
  /** Applies a lane template from the drawer and closes it again. */
  async applyTemplate(page: Page, template: "stock_take" | "goals_measures" | "free") {
    await boardUi.openDrawer(page);
    await page.getByLabel("Spalten-Vorlage").selectOption(template);
    await page.getByRole("button", { name: "Vorlage anwenden" }).click();
    await boardUi.closeDrawer(page);
  },
  /** Opens a card's action menu and returns the card. */
  async openCardMenu(card: Locator) {
    const toggle = card.getByRole("button", { name: /^Aktionen für Karte/ });
    if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
    await ui.visible(card.getByTestId("card-menu"));
    return card;
  },
};
