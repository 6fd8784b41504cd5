import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { serverAndBrowser } from "./server-and-browser";
import { ui } from "../support/ui";
import { AppPages } from "./pages/app-pages";
import { boardUi } from "./pages/board-page";

/** The texts of all cards on a page, as its people see them, polled until they match. */
function cardTexts(page: Page) {
  return expect.poll(
    () =>
      page.$$eval('[data-testid="card"]', (cards) =>
        cards.map(
          (card) =>
            card.querySelector("textarea")?.value ?? card.querySelector("p")?.textContent ?? "",
        ),
      ),
    { timeout: 10_000 },
  );
}

type Viewport = { width: number; height: number };

/** A person signed in on their own browser context, on the demo workshop's board. */
async function openDemoBoard(
  browser: Browser,
  baseUrl: string,
  email: string,
  viewport: Viewport,
): Promise<Page> {
  const context = await browser.newContext({ viewport, isMobile: viewport.width < 500 });
  const app = new AppPages(await context.newPage(), baseUrl);
  await app.signInAndWaitForDashboard(email);
  await app.openDemoConcept();
  await app.openFirstBoard();
  return app.page;
}

/** The moderator makes an invite link; a person opens it on a phone and joins by name. */
async function joinByInvite(browser: Browser, moderator: Page, name: string): Promise<Page> {
  await boardUi.openDrawer(moderator);
  await moderator.getByRole("button", { name: "Link und QR-Code erstellen" }).click();
  await ui.visible(moderator.getByRole("img", { name: "QR-Code zum Beitreten" }));
  const inviteUrl = (await moderator.getByTestId("invite-url").first().textContent())!.replace(
    "localhost",
    "127.0.0.1",
  );
  const context = await browser.newContext({
    viewport: { width: 375, height: 800 },
    isMobile: true,
  });
  const guest = await context.newPage();
  await guest.goto(inviteUrl);
  await guest.getByLabel("Ihr Name").fill(name);
  await guest.getByRole("button", { name: "Zum Board" }).click();
  await ui.text(guest.getByTestId("sync-status")).toBe("Verbunden");
  await boardUi.closeDrawer(moderator);
  return guest;
}

/** The live board in Chromium: a moderator at a laptop, an editor on a phone, a viewer. */
describe("live board", () => {
  const env = serverAndBrowser();

  const openBoard = (email: string, viewport: Viewport) =>
    openDemoBoard(env.browser, env.server.url, email, viewport);

  it("syncs cards, edits and moves between people, admits guests by invite, drives the projector, and shows viewers no controls", async () => {
    const moderator = await openBoard("moderation@deichhausen.example", {
      width: 1280,
      height: 900,
    });
    const editor = await openBoard("redaktion@deichhausen.example", { width: 375, height: 800 });
    const viewer = await openBoard("rat@deichhausen.example", { width: 1280, height: 900 });

    // The workshop "AG Ankommen und Willkommenskultur" covers field 2 only.
    await boardUi.applyTemplate(moderator, "stock_take");
    const lanes = moderator.getByTestId("lane");
    await ui.count(lanes).toBe(3);
    await ui
      .text(lanes.first().getByRole("heading"))
      .toBe("2 Ankommen erleichtern – Willkommenskultur: Stärken");

    await lanes
      .first()
      .getByLabel("Text der neuen Karte")
      .fill("Ehrenamtliche Lotsen begleiten Neuzugewanderte");
    await lanes.first().getByRole("button", { name: "Hinzufügen" }).click();

    // The editor (phone) sees the card, with its author, and edits it inline.
    await cardTexts(editor).toEqual(["Ehrenamtliche Lotsen begleiten Neuzugewanderte"]);
    const editorCard = editor.getByTestId("card").first();
    await ui.text(editorCard.locator("span.truncate")).toBe("Koordinierungsstelle MuT");
    const textBox = editorCard.getByLabel("Text der Karte");
    await textBox.click();
    await textBox.press("End");
    await textBox.pressSequentially(" bei Behördengängen");
    await cardTexts(moderator).toEqual([
      "Ehrenamtliche Lotsen begleiten Neuzugewanderte bei Behördengängen",
    ]);
    // Both see who is here.
    await ui.text(moderator.getByTestId("presence")).toContain("Steuerungsgruppe");

    // Moving by keyboard-accessible buttons: to the "gaps" lane.
    await boardUi.openCardMenu(editorCard);
    await editorCard.getByRole("button", { name: "In die Spalte rechts" }).click();
    await ui.count(lanes.nth(1).getByTestId("card")).toBe(1);
    await ui.count(lanes.first().getByTestId("card")).toBe(0);

    // The viewer sees the card text but no way to change anything.
    await ui.text(viewer.getByTestId("card").first()).toContain("bei Behördengängen");
    await ui.visible(viewer.getByText("Sie sehen dieses Board nur an"));
    await ui.count(viewer.locator("main textarea, main button, main select")).toBe(0);

    // A participant without an account joins by invite link on a phone.
    await boardUi.openDrawer(moderator);
    await moderator.getByRole("button", { name: "Link und QR-Code erstellen" }).click();
    await ui.visible(moderator.getByRole("img", { name: "QR-Code zum Beitreten" }));
    const inviteUrl = (await moderator.getByTestId("invite-url").textContent())!.replace(
      "localhost",
      "127.0.0.1",
    );
    const guestContext = await env.browser.newContext({
      viewport: { width: 375, height: 800 },
      isMobile: true,
    });
    const guest = await guestContext.newPage();
    await guest.goto(inviteUrl);
    await guest.getByRole("button", { name: "Zum Board" }).click();
    await ui.visible(guest.getByText("Bitte ausfüllen."));
    await guest.getByLabel("Ihr Name").fill("Amira (Kulturverein)");
    await guest.getByLabel("Sie kommen von (freiwillig)").selectOption("migrant_organisation");
    await guest.getByRole("button", { name: "Zum Board" }).click();
    await ui.text(guest.getByTestId("sync-status")).toBe("Verbunden");
    await guest
      .getByTestId("lane")
      .first()
      .getByLabel("Text der neuen Karte")
      .fill("Sprachmittlung beim Elternabend");
    await guest.getByTestId("lane").first().getByRole("button", { name: "Hinzufügen" }).click();
    await ui
      .text(moderator.getByTestId("lane").first().getByTestId("card"))
      .toContain("Amira (Kulturverein)");
    await ui.text(moderator.getByTestId("presence")).toContain("Amira (Kulturverein)");
    await boardUi.closeDrawer(moderator);
    // The guest has no facilitation controls, and no way into the concept pages.
    await ui.count(guest.getByText("Moderation: Spalten und Einladungen")).toBe(0);
    await guest.goto(env.server.url.replace("127.0.0.1", "localhost") + "/");
    await ui.url(guest).toMatch(/\/login/);

    // The projector (a viewer's laptop on the beamer) follows phase, timer, spotlight and join code.
    const projectorContext = await env.browser.newContext({
      viewport: { width: 1920, height: 1080 },
      storageState: await viewer.context().storageState(),
    });
    const projector = await projectorContext.newPage();
    await projector.goto(viewer.url() + "/projector");
    await ui.count(projector.getByTestId("projector-lane")).toBe(3);
    await moderator.getByLabel("Phase").fill("Stille Schreibphase");
    await moderator.getByRole("button", { name: "Phase setzen" }).click();
    await moderator.getByRole("button", { name: "Timer starten" }).click();
    await ui.text(projector.getByTestId("phase")).toContain("Stille Schreibphase");
    await ui.text(projector.getByRole("timer")).toMatch(/^(10:00|9:5\d)$/);
    await ui.text(editor.getByRole("timer")).toMatch(/^(10:00|9:5\d)$/);
    await moderator.getByRole("button", { name: /^Spalte „.*Lücken“ hervorheben$/ }).click();
    await ui.count(projector.getByTestId("projector-lane")).toBe(1);
    await ui.text(projector.getByTestId("projector-lane")).toContain("Lücken");
    await ui.text(projector.getByTestId("projector-card")).toContain("bei Behördengängen");
    await ui.count(editor.locator('[data-testid="lane"][data-spotlight]')).toBe(1);
    await boardUi.openDrawer(moderator);
    await moderator.getByRole("button", { name: "Auf dem Projektor zeigen" }).click();
    await ui.visible(projector.getByTestId("projector-join").getByRole("img"));
    await boardUi.closeDrawer(moderator);
    await boardUi.openCardMenu(
      moderator.getByRole("article", { name: /^Idee: Ehrenamtliche Lotsen/ }),
    );
    await moderator
      .getByRole("button", { name: /^Karte „Ehrenamtliche Lotsen.*hervorheben$/ })
      .click();
    await ui.count(projector.getByTestId("projector-lane")).toBe(0);
    await ui.text(projector.getByTestId("projector-card")).toContain("bei Behördengängen");
    await moderator.getByRole("button", { name: "Hervorhebung beenden" }).click();
    await ui.count(projector.getByTestId("projector-lane")).toBe(3);
    await projectorContext.close();

    // Anonymous cards carry no author, for anyone.
    await lanes.nth(2).getByLabel("Text der neuen Karte").fill("Beratung nur auf Deutsch");
    await lanes.nth(2).getByRole("checkbox", { name: "anonym" }).check();
    await lanes.nth(2).getByRole("button", { name: "Hinzufügen" }).click();
    await ui.text(viewer.getByTestId("lane").nth(2).getByTestId("card")).toContain("anonym");
    await guestContext.close();
  });

  // Known flaky under load (2 of 4 runs on Postgres on a busy machine): the editor sometimes
  // never shows the pending state during the outage. One retry, and the server is always
  // brought back, so a failure here cannot take the next tests down with it.
  it(
    "keeps editing while the connection is down, merges on reconnect, and undoes only one's own changes",
    { retry: 1, timeout: 120_000 },
    async () => {
      const moderator = await openBoard("moderation@deichhausen.example", {
        width: 1280,
        height: 900,
      });
      const editor = await openBoard("redaktion@deichhausen.example", { width: 375, height: 800 });
      const lane = (page: Page) => page.getByTestId("lane").first();
      await ui.count(lane(moderator)).toBe(1);

      // The connection drops (the server goes down); the editor keeps writing.
      const outage = await env.server.interrupt();
      try {
        await ui.text(editor.getByTestId("sync-status")).not.toBe("Verbunden");
        await lane(editor).getByLabel("Text der neuen Karte").fill("Offline notiert: Elterncafé");
        await lane(editor).getByRole("button", { name: "Hinzufügen" }).click();
        await ui
          .text(editor.getByTestId("sync-status"))
          .toContain("Ihre Änderungen werden gesendet");
        expect(await moderator.getByText("Offline notiert: Elterncafé").count()).toBe(0);
      } finally {
        await outage.resume();
      }
      await ui.text(editor.getByTestId("sync-status")).toBe("Verbunden");
      await cardTexts(moderator).toContain("Offline notiert: Elterncafé");

      const before = (await moderator.getByTestId("card").count()) as number;
      await lane(moderator).getByLabel("Text der neuen Karte").fill("Wird zurückgenommen");
      await lane(moderator).getByRole("button", { name: "Hinzufügen" }).click();
      await ui.count(editor.getByTestId("card")).toBe(before + 1);
      await moderator.getByRole("button", { name: "Rückgängig" }).click();
      await ui.count(editor.getByTestId("card")).toBe(before);
      await moderator.getByRole("button", { name: "Wiederholen" }).click();
      await ui.count(editor.getByTestId("card")).toBe(before + 1);
      // The editor's own card is not in the moderator's undo history.
      await cardTexts(editor).toContain("Offline notiert: Elterncafé");
    },
  );

  it("carries a measure's responsibilities, target and goal on the card", async () => {
    const moderator = await openBoard("moderation@deichhausen.example", {
      width: 1280,
      height: 900,
    });
    const viewer = await openBoard("rat@deichhausen.example", { width: 375, height: 800 });
    const lane = moderator.getByTestId("lane").first();
    await lane.getByLabel("Text der neuen Karte").fill("Neuzugewanderte finden schnell Beratung");
    await lane.getByLabel("Art der Karte").last().selectOption("goal");
    await lane.getByRole("button", { name: "Hinzufügen" }).click();
    await lane.getByLabel("Text der neuen Karte").fill("Mehrsprachige Ankunftsbroschüre");
    await lane.getByLabel("Art der Karte").last().selectOption("measure");
    await lane.getByRole("button", { name: "Hinzufügen" }).click();

    const measure = moderator.getByRole("article", { name: /^Maßnahme: Mehrsprachige/ });
    await measure.getByText("Angaben zur Maßnahme").click();
    await measure.getByLabel("Organisation").first().fill("Koordinierungsstelle MuT");
    await measure.getByLabel("Rolle").first().selectOption("lead");
    await measure.getByLabel("Zielwert").fill("in 5 Sprachen, per QR-Code");
    await measure.getByLabel("Priorität", { exact: true }).selectOption("quick_win");
    await measure
      .getByLabel("Ziel", { exact: true })
      .selectOption({ label: "Neuzugewanderte finden schnell Beratung" });
    await measure.getByRole("button", { name: "Übernehmen" }).click();

    const seen = viewer
      .getByRole("article", { name: /^Maßnahme: Mehrsprachige/ })
      .getByTestId("measure-summary");
    await ui.text(seen).toContain("Koordinierungsstelle MuT (Federführend)");
    await ui.text(seen).toContain("in 5 Sprachen, per QR-Code");
    await ui.text(seen).toContain("Ziel: Neuzugewanderte finden schnell Beratung");
  });
});

/** Facilitation with three people: the moderator's laptop, a participant's phone, the projector. */
describe("facilitated rounds", () => {
  const env = serverAndBrowser();

  it("hides cards in silent writing until the reveal, runs a hidden dot vote, and locks the board", async () => {
    const moderator = await openDemoBoard(
      env.browser,
      env.server.url,
      "moderation@deichhausen.example",
      {
        width: 1280,
        height: 900,
      },
    );
    const context = moderator.context();
    await boardUi.applyTemplate(moderator, "free");
    await ui.count(moderator.getByTestId("lane")).toBe(3);

    const participant = await joinByInvite(env.browser, moderator, "Jonas (Sportverein)");

    const beamer = await env.browser.newContext({
      viewport: { width: 1920, height: 1080 },
      storageState: await context.storageState(),
    });
    const projector = await beamer.newPage();
    await projector.goto(moderator.url() + "/projector");
    await ui.count(projector.getByTestId("projector-lane")).toBe(3);

    const addCard = async (page: Page, text: string) => {
      const lane = page.getByTestId("lane").first();
      await lane.getByLabel("Text der neuen Karte").fill(text);
      await lane.getByRole("button", { name: "Hinzufügen" }).click();
    };

    // Silent writing: the participant's card stays on the phone until the reveal.
    await moderator.getByRole("button", { name: "Stille Schreibphase starten" }).click();
    await ui.visible(participant.getByText("Stille Schreibphase: Ihre neuen Karten"));
    await ui.text(projector.locator("header")).toContain("Stille Schreibphase");
    await addCard(participant, "Mentoring für Jugendliche im Sportverein");
    await addCard(moderator, "Sprachcafé in der Stadtbibliothek");
    const hidden = participant.locator('[data-testid="card"][data-hidden="private"]');
    await ui.count(hidden).toBe(1);
    await ui.text(hidden).toContain("Nur für Sie sichtbar");
    await ui.count(moderator.locator('[data-testid="card"][data-hidden="private"]')).toBe(1);
    await participant.waitForTimeout(1000);
    expect(await moderator.getByText("Mentoring für Jugendliche").count()).toBe(0);
    expect(await projector.getByText("Mentoring für Jugendliche").count()).toBe(0);
    expect(await participant.getByText("Sprachcafé in der Stadtbibliothek").count()).toBe(0);

    await moderator.getByRole("button", { name: "Alle Karten aufdecken" }).click();
    await ui
      .text(projector.getByTestId("projector-lane").first())
      .toContain("Mentoring für Jugendliche");
    await ui.text(projector.getByTestId("projector-lane").first()).toContain("Sprachcafé");
    const revealed = moderator.getByRole("article", { name: /^Idee: Mentoring/ });
    await ui.text(revealed).toContain("Jonas (Sportverein)");
    await ui.count(participant.locator('[data-testid="card"][data-hidden]')).toBe(0);
    await ui.count(participant.getByTestId("card")).toBe(2);

    // A dot vote: two dots each, one per card; nobody sees a count until the reveal.
    await moderator.getByLabel("Punkte pro Person").selectOption("2");
    await moderator.getByRole("button", { name: "Punktabfrage starten" }).click();
    await ui.text(participant.getByTestId("dots-left")).toContain("noch 2 von 2");
    await ui.text(projector.locator("header")).toContain("Punktabfrage läuft");
    const dotsOn = (page: Page, card: RegExp) =>
      page.getByRole("article", { name: card }).getByTestId("dots");
    await dotsOn(participant, /Mentoring/)
      .getByRole("button", { name: "Punkt vergeben" })
      .click();
    await ui.text(participant.getByTestId("dots-left")).toContain("noch 1 von 2");
    expect(
      await dotsOn(participant, /Mentoring/)
        .getByRole("button", { name: "Punkt vergeben" })
        .isDisabled(),
    ).toBe(true);
    await dotsOn(participant, /Sprachcafé/)
      .getByRole("button", { name: "Punkt vergeben" })
      .click();
    await ui.text(participant.getByTestId("dots-left")).toContain("noch 0 von 2");
    await dotsOn(moderator, /Mentoring/)
      .getByRole("button", { name: "Punkt vergeben" })
      .click();
    await ui.text(moderator.getByTestId("dots-left")).toContain("noch 1 von 2");
    expect(await moderator.getByTestId("card-votes").count()).toBe(0);
    expect(await projector.getByTestId("projector-votes").count()).toBe(0);

    await moderator.getByRole("button", { name: "Ergebnis aufdecken" }).click();
    const results = projector.getByTestId("projector-results");
    await ui.text(results.getByTestId("projector-card").first()).toContain("Mentoring");
    await ui.text(results.getByTestId("projector-votes").first()).toBe("2 Punkte");
    await ui.text(participant.getByTestId("vote-results")).toContain("2 Personen haben abgestimmt");
    // Sorted by dots: the card with two comes first in its lane.
    await ui.text(participant.getByTestId("card").first()).toContain("Mentoring");
    await ui.text(participant.getByTestId("card-votes").first()).toBe("2 Punkte");

    // Locked: the participant can change nothing until the moderator unlocks.
    await moderator.getByRole("button", { name: "Board sperren" }).click();
    await ui.visible(participant.getByText("Die Moderation hat das Board gesperrt"));
    await ui.count(participant.getByRole("button", { name: "Hinzufügen" })).toBe(0);
    await ui.count(participant.locator("main textarea")).toBe(0);
    await moderator.getByRole("button", { name: "Board entsperren" }).click();
    await ui.count(participant.getByRole("button", { name: "Hinzufügen" })).toBe(3);
    await Promise.all([participant.context().close(), beamer.close(), context.close()]);
  });

  it("moves cards by drag and drop and groups them under a title, for everyone", async () => {
    const open = (email: string, viewport: Viewport) =>
      openDemoBoard(env.browser, env.server.url, email, viewport);
    // A tall window keeps the dragged card and the target lane on screen together.
    const moderator = await open("moderation@deichhausen.example", { width: 1280, height: 2400 });
    const editor = await open("redaktion@deichhausen.example", { width: 375, height: 800 });
    // After the vote above, the board shows cards by dots; moving needs board order again.
    const boardOrder = moderator.getByRole("button", { name: "Ursprüngliche Reihenfolge" });
    if (await boardOrder.count()) await boardOrder.click();
    const lanes = moderator.getByTestId("lane");
    if ((await lanes.count()) === 0) {
      await boardUi.applyTemplate(moderator, "free");
    }
    for (const text of ["Hausaufgabenhilfe im Jugendzentrum", "Elternlotsen an Grundschulen"]) {
      await lanes.first().getByLabel("Text der neuen Karte").fill(text);
      await lanes.first().getByRole("button", { name: "Hinzufügen" }).click();
    }

    const handle = moderator.getByRole("button", { name: /^„Hausaufgabenhilfe.*“ ziehen$/ });
    const from = (await handle.boundingBox())!;
    const to = (await lanes.nth(1).boundingBox())!;
    await moderator.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await moderator.mouse.down();
    await moderator.mouse.move(from.x + 40, from.y + 10, { steps: 5 });
    await moderator.mouse.move(to.x + to.width / 2, to.y + 40, { steps: 10 });
    await moderator.mouse.up();
    await ui
      .text(editor.getByTestId("lane").nth(1).getByTestId("card").last())
      .toContain("Hausaufgabenhilfe");
    await ui.count(editor.getByTestId("lane").first().getByText("Hausaufgabenhilfe")).toBe(0);

    const card = moderator.getByRole("article", { name: /^Idee: Elternlotsen/ });
    await boardUi.openCardMenu(card);
    await card.getByRole("button", { name: "Art, Farbe und Gruppe" }).click();
    await card.getByLabel("Farbe").selectOption("blue");
    await card.getByLabel("Gruppe").selectOption({ label: "Neue Gruppe …" });
    await card.getByLabel("Titel der neuen Gruppe").fill("Bildung");
    await card.getByRole("button", { name: "Anlegen" }).click();
    const cluster = editor.getByTestId("lane").first().getByTestId("cluster");
    await ui.text(cluster.getByRole("heading")).toBe("Bildung");
    await ui.text(cluster.getByTestId("card")).toContain("Elternlotsen");
    await expect
      .poll(() => cluster.getByTestId("card").getAttribute("class"), { timeout: 10_000 })
      .toContain("bg-sky-50");
    await moderator.getByRole("button", { name: "Gruppe auflösen" }).click();
    await ui.count(editor.getByTestId("cluster")).toBe(0);
    await ui
      .text(editor.getByTestId("lane").first().getByTestId("card").last())
      .toContain("Elternlotsen");
    await Promise.all([moderator.context().close(), editor.context().close()]);
  });
});
