import type { Request } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible } from "../support/accessibility";
import { ui } from "../support/ui";
import { serverAndBrowser } from "./server-and-browser";

const PASSWORD = "demo";

describe("the sign-in form in Chromium", () => {
  const env = serverAndBrowser();

  it("posts even without JavaScript (no password in any URL) and never follows a callback off-site", async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const requests: Request[] = [];
    page.on("request", (request) => requests.push(request));

    // A wrong password first: the server answers with the message, the e-mail stays filled in.
    await page.goto(`${env.server.url}/login?callbackUrl=${encodeURIComponent("/\\evil.example")}`);
    await page.getByLabel("E-Mail-Adresse").fill("moderation@deichhausen.example");
    await page.getByLabel("Passwort").fill("falsches-passwort");
    await page.getByRole("button", { name: "Anmelden", exact: true }).click();
    await ui.text(page.getByRole("alert")).toBe("E-Mail-Adresse oder Passwort ist nicht korrekt.");
    expect(await page.getByLabel("E-Mail-Adresse").inputValue()).toBe(
      "moderation@deichhausen.example",
    );

    await page.getByLabel("Passwort").fill(PASSWORD);
    await page.getByRole("button", { name: "Anmelden", exact: true }).click();
    await ui.visible(page.getByRole("heading", { name: "Ihre Konzepte" }));
    expect(new URL(page.url()).origin).toBe(env.server.url);
    expect(new URL(page.url()).pathname).toBe("/");

    const formSubmissions = requests.filter(
      (r) => r.isNavigationRequest() && r.method() === "POST",
    );
    expect(formSubmissions.length).toBe(2);
    for (const request of requests) {
      expect(request.url()).not.toContain("falsches-passwort");
      expect(request.url()).not.toMatch(/password=/);
      expect(new URL(request.url()).origin).toBe(env.server.url);
    }
    await context.close();
  });

  it("after hydration too, and for every spelling of another site", async () => {
    for (const callbackUrl of ["//evil.example", "https://evil.example/x", "/\\evil.example"]) {
      const context = await env.browser.newContext();
      const page = await context.newPage();
      await page.goto(`${env.server.url}/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      await expectAccessible(page);
      await page.getByLabel("E-Mail-Adresse").fill("redaktion@deichhausen.example");
      await page.getByLabel("Passwort").fill(PASSWORD);
      await page.getByRole("button", { name: "Anmelden", exact: true }).click();
      await ui.visible(page.getByRole("heading", { name: "Ihre Konzepte" }));
      expect(new URL(page.url()).origin).toBe(env.server.url);
      await context.close();
    }
    // A path on this site is followed.
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.server.url}/`);
    await ui.url(page).toMatch(/\/login\?callbackUrl=%2F/);
    await page.goto(`${env.server.url}/login?callbackUrl=${encodeURIComponent("/?from=login")}`);
    await page.getByLabel("E-Mail-Adresse").fill("redaktion@deichhausen.example");
    await page.getByLabel("Passwort").fill(PASSWORD);
    await page.getByRole("button", { name: "Anmelden", exact: true }).click();
    await ui.url(page).toBe(`${env.server.url}/?from=login`);
    await context.close();
  });

  it("tells the person, in German, when too many attempts blocked the account", async () => {
    const context = await env.browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/login`);
    for (let i = 0; i < 6; i++) {
      await page.getByLabel("E-Mail-Adresse").fill("rat@deichhausen.example");
      await page.getByLabel("Passwort").fill(`falsch-${i}`);
      await page.getByRole("button", { name: "Anmelden", exact: true }).click();
      await ui.visible(page.getByRole("alert"));
      await page.waitForFunction(() => !document.querySelector("button[disabled]"));
    }
    await ui
      .text(page.getByRole("alert"))
      .toMatch(
        /^Zu viele fehlgeschlagene Anmeldeversuche .* Bitte versuchen Sie es in 15 Minuten erneut\.$/,
      );
    await expectAccessible(page);
    // The right password does not help now.
    await page.getByLabel("Passwort").fill(PASSWORD);
    await page.getByRole("button", { name: "Anmelden", exact: true }).click();
    await page.waitForFunction(() => !document.querySelector("button[disabled]"));
    await ui.text(page.getByRole("alert")).toMatch(/^Zu viele fehlgeschlagene/);
    expect(new URL(page.url()).pathname).toBe("/login");
    await context.close();
  });
});
