import { chromium, type Browser, type BrowserContext } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../support/browser";
import { startTestServer, type TestServer } from "../support/test-server";

const CSP_PREFIX = "[csp-violation]";

/**
 * Reports every Content-Security-Policy violation on the context's pages as a console error
 * (the page's own CSP cannot block this script: the browser injects it).
 */
function watchCsp(context: BrowserContext, violations: string[]): void {
  void context.addInitScript((prefix: string) => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(
        `${prefix} ${event.effectiveDirective} blocked ${event.blockedURI || "inline"} on ${event.documentURI}`,
      );
    });
  }, CSP_PREFIX);
  context.on("console", (message) => {
    const text = message.text();
    if (text.startsWith(CSP_PREFIX) || /Content Security Policy/i.test(text)) violations.push(text);
  });
}

/**
 * For browser suites: the real server and Chromium, started before the suite and stopped
 * after it. Read `server` and `browser` inside tests. Every page of every context is watched
 * for Content-Security-Policy violations; a test that caused one fails.
 */
export function serverAndBrowser(): {
  readonly server: TestServer;
  readonly browser: Browser;
  readonly cspViolations: string[];
} {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const cspViolations: string[] = [];
  beforeAll(async () => {
    let launched: Browser;
    [server, launched] = await Promise.all([
      startTestServer(),
      chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }),
    ]);
    const newContext = launched.newContext.bind(launched);
    launched.newContext = async (...args) => {
      const context = await newContext(...args);
      watchCsp(context, cspViolations);
      return context;
    };
    browser = launched;
  });
  afterEach(() => {
    const found = cspViolations.splice(0);
    expect(found, "Content-Security-Policy violations").toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error("server not started");
      return server;
    },
    get browser() {
      if (!browser) throw new Error("browser not started");
      return browser;
    },
    cspViolations,
  };
}
