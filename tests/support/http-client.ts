import fs from "node:fs";
import path from "node:path";

/**
 * A minimal browser stand-in for HTTP-level tests: keeps cookies, signs in through next-auth's
 * credentials flow and calls server actions the way Next's client does.
 */
export class HttpClient {
  private cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  hasSession(): boolean {
    return [...this.cookies.keys()].some((name) => name.endsWith("next-auth.session-token"));
  }

  async fetch(pathname: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader);
    const response = await fetch(new URL(pathname, this.baseUrl), {
      redirect: "manual",
      ...init,
      headers,
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...rest] = (pair ?? "").split("=");
      if (!name) continue;
      const value = rest.join("=");
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return response;
  }

  /** Signs in with e-mail and password; returns the final response of the callback. */
  async signIn(email: string, password = "demo"): Promise<Response> {
    const csrf = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    return this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, email, password, json: "true" }),
    });
  }

  /**
   * Calls a server action directly, as a modified client could: by its id, with arguments
   * encoded by React's own reply encoder. Returns the RSC response text and, if the action
   * redirected, where to.
   */
  async callAction(
    pagePath: string,
    actionId: string,
    args: unknown[],
  ): Promise<{ body: string; redirect: string | null }> {
    const { encodeReply } = (await import(
      // @ts-expect-error Next's vendored React client has no type declarations
      "next/dist/compiled/react-server-dom-webpack/client.node.js"
    )) as { encodeReply(value: unknown): Promise<string | FormData> };
    const body = await encodeReply(args);
    const response = await this.fetch(pagePath, {
      method: "POST",
      headers: { "next-action": actionId, accept: "text/x-component" },
      body,
    });
    return { body: await response.text(), redirect: response.headers.get("x-action-redirect") };
  }
}

/** The id Next gave a server action, read from the build's server reference manifest. */
export function serverActionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(
    fs.readFileSync(
      path.resolve(import.meta.dirname, "../../.next/server/server-reference-manifest.json"),
      "utf8",
    ),
  ) as { node: Record<string, { filename?: string; exportedName?: string }> };
  const entry = Object.entries(manifest.node).find(
    ([, value]) => value.filename === filename && value.exportedName === exportedName,
  );
  if (!entry) throw new Error(`no server action ${exportedName} in ${filename}`);
  return entry[0];
}
