import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible } from "../support/accessibility";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../support/browser";
import { startOidcProvider, type TestOidcProvider } from "../support/oidc-provider";
import { startTestServer, type TestServer } from "../support/test-server";
import { ui } from "../support/ui";

const MODERATOR = "moderation@deichhausen.example";

describe("single sign-on against a real OpenID provider (ES256, e-mail only in userinfo)", () => {
  let provider: TestOidcProvider;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    provider = await startOidcProvider({
      alg: "ES256",
      accounts: {
        anna: { email: MODERATOR, emailVerified: true, name: "Anna Moderation" },
        mallory: { email: MODERATOR, emailVerified: false, name: "Mallory" },
        neu: { email: "neu@deichhausen.example", emailVerified: true, name: "Nina Neu" },
      },
    });
    [server, browser] = await Promise.all([
      startTestServer({
        env: {
          OIDC_ISSUER: provider.issuer,
          OIDC_CLIENT_ID: provider.clientId,
          OIDC_CLIENT_SECRET: provider.clientSecret,
          OIDC_NAME: "Stadt-SSO",
          OIDC_ID_TOKEN_ALG: "ES256",
        },
      }),
      chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }),
    ]);
    provider.register(server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await provider?.close();
  });

  /** From the app's sign-in page through the provider's login and consent screens. */
  async function signInAtProvider(login: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByRole("button", { name: "Anmelden mit Stadt-SSO" }).click();
    await page.waitForURL(`${provider.issuer}/**`);
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill("beliebig");
    await page.getByRole("button", { name: "Sign-in" }).click();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL(`${server.url}/**`);
    return page;
  }

  it("signs in the known moderator with a verified e-mail, and signs out at the provider too", async () => {
    const page = await signInAtProvider("anna");
    await ui.visible(page.getByRole("heading", { name: "Ihre Konzepte" }));
    // Matched to the existing local account, not a new one named after the provider's profile.
    await ui.text(page.getByTestId("current-user")).toBe("Koordinierungsstelle MuT");
    await ui.visible(
      page.getByRole("link", {
        name: /Handlungskonzept Migration und Teilhabe der Stadt Deichhausen/,
      }),
    );
    expect(server.output()).toMatch(/"msg":"sso sign-in","userId":"[0-9a-f-]{36}"/);

    await page.getByRole("button", { name: "Abmelden" }).click();
    await page.waitForURL(`${provider.issuer}/**`);
    await page.getByRole("button", { name: "Yes, sign me out" }).click();
    await page.waitForURL(`${server.url}/login?signedOut=provider`);
    await ui.text(page.getByRole("status")).toBe("Sie sind abgemeldet, hier und bei Stadt-SSO.");
    await expectAccessible(page);
    // The provider's session is gone: signing in again asks for the login.
    await page.getByRole("button", { name: "Anmelden mit Stadt-SSO" }).click();
    await page.waitForURL(`${provider.issuer}/**`);
    await ui.visible(page.locator('input[name="login"]'));
    await page.context().close();
  });

  it("refuses an unverified e-mail equal to the moderator's, and says why", async () => {
    const page = await signInAtProvider("mallory");
    await page.waitForURL(`${server.url}/login?error=SsoEmailUnverified`);
    await ui
      .text(page.getByRole("alert"))
      .toBe(
        "Ihre E-Mail-Adresse ist bei Stadt-SSO nicht bestätigt. Aus Sicherheitsgründen melden wir nur Konten mit bestätigter E-Mail-Adresse an. Bitte bestätigen Sie die Adresse beim Anbieter oder wenden Sie sich an Ihre IT.",
      );
    await expectAccessible(page);
    await page.goto(`${server.url}/`);
    await ui.url(page).toMatch(/\/login\?callbackUrl=/);
    expect(server.output()).toMatch(
      /"msg":"sso sign-in refused","reason":"email_unverified","sub":"mallory"/,
    );
    await page.context().close();
  });

  it("refuses an unknown e-mail by default, and says why", async () => {
    const page = await signInAtProvider("neu");
    await page.waitForURL(`${server.url}/login?error=SsoNoAccount`);
    await ui
      .text(page.getByRole("alert"))
      .toMatch(/^Für Ihre E-Mail-Adresse gibt es hier kein Konto\./);
    expect(server.output()).toMatch(
      /"msg":"sso sign-in refused","reason":"no_account","sub":"neu"/,
    );
    await page.context().close();
  });
});
