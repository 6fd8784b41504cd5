import type { Page } from "playwright-core";
import { ui } from "../../support/ui";

/** Page object for the sign-in flow and the concept pages, in German (the default). */
export class AppPages {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async signIn(email: string, password = "demo") {
    await this.page.goto(`${this.baseUrl}/login`);
    await this.page.getByLabel("E-Mail-Adresse").fill(email);
    await this.page.getByLabel("Passwort").fill(password);
    await this.page.getByRole("button", { name: "Anmelden", exact: true }).click();
  }

  async signInAndWaitForDashboard(email: string) {
    await this.signIn(email);
    await ui.visible(this.page.getByRole("heading", { name: "Ihre Konzepte" }));
  }

  async openDemoConcept() {
    await this.page
      .getByRole("link", { name: /Handlungskonzept Migration und Teilhabe der Stadt Deichhausen/ })
      .click();
    await ui.visible(this.page.getByRole("heading", { level: 2, name: "Handlungsfelder" }));
  }

  /** From a concept page: its first workshop's board, once synced. */
  async openFirstBoard() {
    await this.page.getByRole("link", { name: "Workshops" }).click();
    await this.page.getByRole("link", { name: "Board öffnen" }).first().click();
    await ui.text(this.page.getByTestId("sync-status")).toBe("Verbunden");
  }

  main() {
    return this.page.locator("main");
  }
}
