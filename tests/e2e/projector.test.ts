import type { Browser, BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible } from "../support/axe";
import { ui } from "../support/ui";
import { AppPages } from "./pages/app-pages";
import { boardUi } from "./pages/board-page";
import { serverAndBrowser } from "./server-and-browser";

const SHOTS = process.env.BOARD_SCREENSHOTS;

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** The moderator at a 1280×800 laptop, on the n-th workshop's board (newest first). */
async function openModerator(browser: Browser, baseUrl: string, nth: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const app = new AppPages(await context.newPage(), baseUrl);
  await app.signInAndWaitForDashboard("moderation@deichhausen.example");
  await app.openDemoConcept();
  await app.page.getByRole("link", { name: "Workshops" }).click();
  await app.page.getByRole("link", { name: "Board öffnen" }).nth(nth).click();
  await ui.text(app.page.getByTestId("sync-status")).toBe("Verbunden");
  return app.page;
}

/** The room's projector: a 1920×1080 screen signed in as the moderator. */
async function openProjector(browser: Browser, moderator: Page): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
    storageState: await moderator.context().storageState(),
  });
  const projector = await context.newPage();
  await projector.goto(moderator.url() + "/projector");
  await ui.visible(projector.getByTestId("projector"));
  return projector;
}

/** A participant joins on a 375 px phone through a fresh invite link. */
async function joinOnPhone(browser: Browser, moderator: Page, name: string): Promise<Page> {
  await boardUi.openDrawer(moderator);
  await moderator.getByRole("button", { name: "Link und QR-Code erstellen" }).click();
  const url = (await moderator.getByTestId("invite-url").textContent())!.replace(
    "localhost",
    "127.0.0.1",
  );
  const context = await browser.newContext({
    viewport: { width: 375, height: 800 },
    isMobile: true,
  });
  const phone = await context.newPage();
  await phone.goto(url);
  await phone.getByLabel("Ihr Name").fill(name);
  await phone.getByLabel("Sie kommen von (freiwillig)").selectOption("welfare_association");
  await phone.getByRole("button", { name: "Zum Board" }).click();
  await ui.text(phone.getByTestId("sync-status")).toBe("Verbunden");
  await boardUi.closeDrawer(moderator);
  return phone;
}

/** Everything on the page lies inside the viewport: nothing hidden below or beside it. */
async function fitsViewport(page: Page, selector: string) {
  return page.$$eval(selector, (elements) => {
    const { innerWidth, innerHeight } = window;
    return elements.every((el) => {
      const box = el.getBoundingClientRect();
      return box.bottom <= innerHeight + 1 && box.right <= innerWidth + 1 && box.top >= 0;
    });
  });
}

/** Every card shown lies inside its lane's column: none is cut off at the bottom. */
async function cardsInsideLanes(page: Page) {
  return page.$$eval('[data-testid="projector-lane"]', (lanes) =>
    lanes.every((lane) => {
      const box = lane.getBoundingClientRect();
      return [...lane.querySelectorAll('[data-testid="projector-card"]')].every(
        (card) => card.getBoundingClientRect().bottom <= Math.min(box.bottom, innerHeight) + 1,
      );
    }),
  );
}

/** No heading overflows its column: long field titles wrap at word ends or hyphenate. */
async function titlesWrapCleanly(page: Page) {
  return page.$$eval('[data-testid="projector-lane"] h2', (titles) =>
    titles.map((h) => ({
      fits: h.scrollWidth <= h.clientWidth + 1,
      lang: h.closest("[lang]")?.getAttribute("lang"),
      hyphens: getComputedStyle(h).hyphens,
      wordBreak: getComputedStyle(h).overflowWrap,
    })),
  );
}

const closeAll = (...contexts: BrowserContext[]) => Promise.all(contexts.map((c) => c.close()));

describe("the demo kick-off on three screens", () => {
  const env = serverAndBrowser();

  it("shows the seeded stock-take, lets the moderator choose what the projector shows, and resets the session", async () => {
    // The kick-off is the second workshop (the upcoming AG comes first).
    const moderator = await openModerator(env.browser, env.server.url, 1);
    const lanes = moderator.getByTestId("lane");
    await ui.count(lanes).toBe(12);
    expect(await moderator.getByTestId("card").count()).toBeGreaterThanOrEqual(30);
    await ui.text(moderator.getByTestId("vote-results")).toContain("10 Personen haben abgestimmt");
    await ui.count(moderator.getByTestId("cluster")).toBe(4);
    await shot(moderator, "moderator-1280");
    // At 1280×800 the board starts on the first screen, under a compact facilitation bar.
    const firstLane = (await lanes.first().boundingBox())!;
    expect(firstLane.y).toBeLessThan(800 * 0.5);
    expect((await moderator.getByTestId("facilitation-bar").boundingBox())!.height).toBeLessThan(
      120,
    );
    // A card's actions sit in its menu, not on every card.
    expect(await moderator.getByRole("button", { name: "In die Spalte rechts" }).count()).toBe(0);
    // Keyboard: a focused card moves with Alt+arrows and keeps the focus; the help lists it.
    const lotsen = () =>
      moderator.getByRole("article", { name: /^Idee: 38 aktive Integrationslots/ });
    // (Sorted by dots, cards stay put; board order lets them move.)
    await moderator.getByRole("button", { name: "Ursprüngliche Reihenfolge" }).click();
    await lotsen().getByLabel("Text der Karte").focus();
    await moderator.keyboard.press("Alt+ArrowRight");
    await ui.count(lanes.nth(1).getByText("38 aktive Integrationslots", { exact: false })).toBe(1);
    await expect
      .poll(() =>
        moderator.evaluate(() => document.activeElement?.closest("[data-card-id]") !== null),
      )
      .toBe(true);
    await moderator.keyboard.press("Alt+ArrowLeft");
    await ui.count(lanes.first().getByText("38 aktive Integrationslots", { exact: false })).toBe(1);
    await moderator.getByText("Tastenkürzel").click();
    await ui.text(moderator.getByTestId("shortcuts-help")).toContain("Alt + →");
    await moderator.getByText("Tastenkürzel").click();
    await moderator.getByRole("button", { name: "Nach Punkten sortieren" }).click();
    await expectAccessible(moderator, "moderator board");

    // The organisation of a measure shows in full.
    const measure = moderator.getByRole("article", { name: /^Maßnahme: Zentrale Sprachkurs/ });
    await measure.getByText("Angaben zur Maßnahme").click();
    const organisation = measure.getByLabel("Organisation").first();
    expect(await organisation.inputValue()).toBe("Volkshochschule Deichhausen");
    expect(
      await organisation.evaluate((el: HTMLInputElement) => el.scrollWidth <= el.clientWidth),
    ).toBe(true);
    await measure.getByText("Angaben zur Maßnahme").click();

    // The projector shows the board page by page, in type readable from the back of the room.
    const projector = await openProjector(env.browser, moderator);
    await ui.count(projector.getByTestId("projector-lane")).toBe(6);
    await ui.text(projector.getByTestId("projector-page")).toBe("Seite 1 von 2");
    expect(await fitsViewport(projector, '[data-testid="projector-card"]')).toBe(true);
    expect(await cardsInsideLanes(projector)).toBe(true);
    const fontSize = await projector
      .getByTestId("projector-card")
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(24);
    // Long words get soft hyphens (even where the browser has no German dictionary).
    await expect
      .poll(async () => (await titlesWrapCleanly(projector)).every((title) => title.fits))
      .toBe(true);
    for (const title of await titlesWrapCleanly(projector))
      expect(title).toEqual({ fits: true, lang: "de", hyphens: "manual", wordBreak: "normal" });
    await shot(projector, "projector-board-1920");
    await expectAccessible(projector, "projector");

    // The facilitator chooses the revealed result, a spotlight, and gets back to the board.
    await moderator.getByRole("button", { name: "Ergebnis", exact: true }).click();
    const results = projector.getByTestId("projector-results");
    await ui.text(results.getByTestId("projector-votes").first()).toBe("5 Punkte");
    await ui.text(results.getByTestId("projector-card").first()).toContain("Kinderbetreuung");
    await shot(projector, "projector-results-1920");
    await moderator
      .getByRole("button", { name: /^Spalte „3 Deutschförderung: Lücken“ hervorheben$/ })
      .click();
    await ui.count(projector.getByTestId("projector-lane")).toBe(1);
    await ui.text(projector.getByTestId("projector-lane")).toContain("Deutschförderung: Lücken");
    await moderator.getByRole("button", { name: "Hervorhebung beenden" }).click();
    // Ending the spotlight returns to the chosen view, the result.
    await ui.visible(projector.getByTestId("projector-results"));
    await moderator.getByRole("button", { name: "Board", exact: true }).click();
    await ui.count(projector.getByTestId("projector-lane")).toBe(6);

    // A participant on a phone joins; a new card shows on the projector at once.
    const phone = await joinOnPhone(env.browser, moderator, "Grete Ahrens (AWO)");
    const phoneLane = phone
      .getByTestId("lane")
      .filter({ hasText: "Ausbildung und Arbeit: Lücken" });
    await phone.getByTestId("field-select").selectOption({ label: "5 Ausbildung und Arbeit" });
    await phoneLane.getByLabel("Text der neuen Karte").fill("Kinderbetreuung während der Kurse");
    await phoneLane.getByRole("button", { name: "Hinzufügen" }).click();
    // Its page comes up on the projector, with the new card in view.
    await ui.text(projector.getByTestId("projector-page")).toBe("Seite 2 von 2");
    await ui.visible(projector.getByText("Kinderbetreuung während der Kurse"));
    expect(await fitsViewport(projector, '[data-testid="projector-card"]')).toBe(true);
    expect(await cardsInsideLanes(projector)).toBe(true);
    await shot(projector, "projector-page2-1920");

    // A new vote: "Punktabfrage läuft" while it runs, and not once it is revealed.
    await moderator.getByLabel("Punkte pro Person").selectOption("1");
    await moderator.getByRole("button", { name: "Punktabfrage starten" }).click();
    await ui.text(projector.getByTestId("projector-status")).toContain("Punktabfrage läuft");
    await ui.count(projector.getByTestId("projector-results")).toBe(0);
    const newCard = phone.getByRole("article", { name: /Kinderbetreuung während/ });
    await newCard.getByRole("button", { name: "Punkt vergeben" }).click();
    await ui.text(phone.getByTestId("dots-left")).toContain("noch 0 von 1");
    await moderator.getByRole("button", { name: "Ergebnis aufdecken" }).click();
    await ui
      .text(results.getByTestId("projector-card").first())
      .toContain("Kinderbetreuung während der Kurse");
    await ui.text(results.getByTestId("projector-votes").first()).toBe("1 Punkt");
    await ui.count(projector.getByTestId("projector-status")).toBe(0);

    // The join code goes up and comes off the projector.
    await boardUi.openDrawer(moderator);
    await moderator.getByRole("button", { name: "Auf dem Projektor zeigen" }).click();
    await ui.visible(projector.getByTestId("projector-join").getByRole("img"));
    // The invite list tells links apart: label, role, created, expiry, guests joined.
    const row = moderator.getByTestId("invite-row").first();
    await ui.text(row).toContain("Link 1 · Mitschreiben");
    await ui.text(row).toContain("1 Person beigetreten");
    await shot(moderator, "moderator-drawer-1280");
    await boardUi.closeDrawer(moderator);
    await moderator.getByRole("button", { name: "QR-Code ausblenden" }).click();
    await ui.count(projector.getByTestId("projector-join")).toBe(0);

    // Next morning: the moderator resets yesterday's session; the cards stay.
    await moderator.getByLabel("Phase").fill("Rückblick");
    await moderator.getByRole("button", { name: "Phase setzen" }).click();
    await moderator.getByRole("button", { name: "Timer starten" }).click();
    await ui.text(phone.getByTestId("phase")).toContain("Rückblick");
    const cardsBefore = await moderator.getByTestId("card").count();
    await moderator.getByRole("button", { name: "Sitzung zurücksetzen" }).click();
    await ui.visible(moderator.getByRole("alertdialog", { name: "Sitzung zurücksetzen" }));
    await moderator.getByRole("button", { name: "Zurücksetzen", exact: true }).click();
    await ui.count(phone.getByTestId("phase")).toBe(0);
    await ui.count(projector.getByTestId("phase")).toBe(0);
    await ui.count(moderator.getByTestId("vote-results")).toBe(0);
    await ui.count(projector.getByTestId("projector-lane")).toBe(6);
    expect(await moderator.getByTestId("card").count()).toBe(cardsBefore);
    await closeAll(moderator.context(), projector.context(), phone.context());
  }, 180_000);

  it("keeps phase and countdown in view on the phone, jumps between fields, and notices going offline at once", async () => {
    const moderator = await openModerator(env.browser, env.server.url, 1);
    await moderator.getByLabel("Phase").fill("Stille Schreibphase");
    await moderator.getByRole("button", { name: "Phase setzen" }).click();
    await moderator.getByRole("button", { name: "Timer starten" }).click();
    const phone = await joinOnPhone(env.browser, moderator, "Kemal Yıldız (Elternbeirat)");

    // Four fields: the phone shows one field's three lanes at a time.
    const visibleLanes = () =>
      phone.$$eval('[data-testid="lane"]', (lanes) =>
        lanes.filter((l) => (l as HTMLElement).offsetParent !== null).map((l) => l.textContent),
      );
    await expect.poll(async () => (await visibleLanes()).length).toBe(3);
    await phone.getByTestId("field-select").selectOption({ label: "3 Deutschförderung" });
    await expect
      .poll(async () => (await visibleLanes())[0])
      .toContain("3 Deutschförderung: Stärken");
    const height = await phone.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(4000);

    // Scrolled down, the phase and countdown stay on screen.
    await phone.mouse.wheel(0, 1500);
    await phone.waitForTimeout(300);
    expect(await phone.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    const timer = (await phone.getByRole("timer").boundingBox())!;
    expect(timer.y).toBeGreaterThanOrEqual(0);
    expect(timer.y + timer.height).toBeLessThan(800);
    await ui.text(phone.getByTestId("phase")).toContain("Stille Schreibphase");
    await shot(phone, "phone-375");
    await expectAccessible(phone, "phone board");

    // The network goes: the status says so at once, not seconds later.
    await phone.context().setOffline(true);
    await expect
      .poll(() => phone.getByTestId("sync-status").getAttribute("data-state"), { timeout: 1000 })
      .toBe("offline");
    await phone.context().setOffline(false);
    await ui.text(phone.getByTestId("sync-status")).toBe("Verbunden");
    await closeAll(moderator.context(), phone.context());
  });
});

describe("a nine-lane board with fifty cards on the projector", () => {
  const env = serverAndBrowser();

  it("pages the lanes so every card shown fits a 1920×1080 screen", async () => {
    const moderator = await openModerator(env.browser, env.server.url, 0);
    await boardUi.applyTemplate(moderator, "free");
    await boardUi.openDrawer(moderator);
    for (let i = 0; i < 6; i++)
      await moderator.getByRole("button", { name: "Spalte hinzufügen" }).click();
    await boardUi.closeDrawer(moderator);
    const lanes = moderator.getByTestId("lane");
    await ui.count(lanes).toBe(9);
    const projector = await openProjector(env.browser, moderator);
    for (let i = 0; i < 50; i++) {
      const lane = lanes.nth(i % 9);
      await lane
        .getByLabel("Text der neuen Karte")
        .fill(`Karte ${i + 1}: Beratungsangebote in mehreren Sprachen bekannter machen`);
      await lane.getByRole("button", { name: "Hinzufügen" }).click();
    }
    await ui.count(moderator.getByTestId("card")).toBe(50);
    // The newest card's page is up: lanes 6–9 on page 2, the 50th card in lane 5 is on page 1.
    await ui.visible(projector.getByText("Karte 50:", { exact: false }));
    await ui.text(projector.getByTestId("projector-page")).toBe("Seite 1 von 2");
    await ui.count(projector.getByTestId("projector-lane")).toBe(5);
    expect(await fitsViewport(projector, '[data-testid="projector-card"]')).toBe(true);
    expect(await cardsInsideLanes(projector)).toBe(true);
    expect(
      await projector.evaluate(() => document.documentElement.scrollHeight),
    ).toBeLessThanOrEqual(1080);
    // Older cards that do not fit are counted, not cut off at the bottom.
    await ui
      .text(projector.getByTestId("projector-older").first())
      .toMatch(/^\+ \d+ ältere Karten?$/);
    await shot(projector, "projector-nine-lanes-1920");
    await closeAll(moderator.context(), projector.context());
  });
});
