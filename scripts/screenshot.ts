/**
 * Dev aid: signs in and screenshots pages at desktop and phone width.
 * Usage: tsx scripts/screenshot.ts <baseUrl> <email> <outDir> <path> [path…]
 * "{concept}" in a path stands for the first concept on the dashboard.
 */
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../tests/support/browser";

const [baseUrl = "http://localhost:3000", email = "", outDir = "/tmp/shots", ...paths] =
  process.argv.slice(2);

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
for (const [label, viewport] of [
  ["desktop", { width: 1366, height: 900 }],
  ["phone", { width: 375, height: 800 }],
] as const) {
  const context = await browser.newContext({ viewport, locale: "de-DE" });
  const page = await context.newPage();
  if (email) {
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel("E-Mail-Adresse").fill(email);
    await page.getByLabel("Passwort").fill("demo");
    await page.getByRole("button", { name: "Anmelden", exact: true }).click();
    await page.waitForURL(`${baseUrl}/`);
  }
  let conceptPath = "";
  if (paths.some((p) => p.includes("{concept}"))) {
    await page.goto(`${baseUrl}/`);
    conceptPath =
      (await page
        .locator('a[href^="/concepts/"]:not([href="/concepts/new"])')
        .first()
        .getAttribute("href")) ?? "";
  }
  for (const template of paths) {
    const path = template.replace("{concept}", conceptPath);
    await page.goto(`${baseUrl}${path}`);
    const name = `${label}-${template.replace(/[^a-z0-9]+/gi, "_") || "root"}.png`;
    await page.screenshot({
      path: `${outDir}/${name}`,
      fullPage: label === "phone" ? false : true,
    });
    console.log(`${outDir}/${name}`);
  }
  await context.close();
}
await browser.close();
