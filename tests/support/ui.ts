import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

const timeout = 10_000;

/** Web-first assertions for playwright-core, built on vitest's polling expect. */
export const ui = {
  visible: (locator: Locator) => locator.first().waitFor({ state: "visible", timeout }),
  count: (locator: Locator) => expect.poll(() => locator.count(), { timeout }),
  text: (locator: Locator) =>
    expect.poll(async () => (await locator.first().textContent())?.trim(), { timeout }),
  url: (page: Page) => expect.poll(() => page.url(), { timeout }),
};
