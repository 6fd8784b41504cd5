import { expect } from "vitest";
import { HttpClient } from "./http-client";

export const DEMO = {
  moderator: "moderation@deichhausen.example",
  editor: "redaktion@deichhausen.example",
  viewer: "rat@deichhausen.example",
} as const;

export async function signedIn(baseUrl: string, email: string): Promise<HttpClient> {
  const client = new HttpClient(baseUrl);
  await client.signIn(email);
  expect(client.hasSession()).toBe(true);
  return client;
}

/** The demo concept and its workshops' board documents, as the moderator sees them. */
export async function demoConcept(moderator: HttpClient) {
  const html = await (await moderator.fetch("/")).text();
  const conceptId = /href="\/concepts\/([0-9a-f-]{36})"/.exec(html)?.[1];
  if (!conceptId) throw new Error("demo concept not found");
  const workshops = (await (
    await moderator.fetch(`/api/concepts/${conceptId}/workshops`)
  ).json()) as Array<{
    id: string;
    title: string;
    boardDoc: string;
  }>;
  return { conceptId, workshops };
}

export async function fetchSyncToken(client: HttpClient, doc: string) {
  const response = await client.fetch("/api/sync-token", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ doc }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { token?: string; access?: string; error?: string },
  };
}
