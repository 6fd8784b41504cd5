import { expect } from "vitest";
import { HttpClient, serverActionId } from "./http-client";

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

function formOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return form;
}

/** Creates a concept through the real server action, as the page's form does; returns its id. */
export async function createConceptViaAction(
  moderator: HttpClient,
  { title, template }: { title: string; template: "blank" | "lower_saxony" },
): Promise<string> {
  const reply = await moderator.callAction(
    "/concepts/new",
    serverActionId("app/(main)/concepts/new/actions.ts", "createConceptAction"),
    [{ status: "idle" }, formOf({ title, type: "integration_concept", template })],
  );
  // The action redirects to the new concept; its id is in the redirect.
  const id = /\/concepts\/([0-9a-f-]{36})/.exec(reply.redirect ?? "")?.[1];
  if (!id) throw new Error(`concept not created: ${reply.body.slice(0, 200)}`);
  return id;
}

/** Plans a workshop through the real server action. */
export async function createWorkshopViaAction(
  moderator: HttpClient,
  { conceptId, title }: { conceptId: string; title: string },
): Promise<void> {
  const reply = await moderator.callAction(
    `/concepts/${conceptId}/workshops`,
    serverActionId("app/(main)/concepts/[conceptId]/workshops/actions.ts", "createWorkshopAction"),
    [
      { status: "idle" },
      formOf({ conceptId, title, kind: "workshop", date: "2026-09-01", facilitator: "KMuT" }),
    ],
  );
  if (!reply.body.includes('"status":"ok"'))
    throw new Error(`workshop not created: ${reply.body.slice(0, 200)}`);
}

/** A guest who joined a workshop through a fresh invite link the moderator made. */
export async function joinAsGuest(
  moderator: HttpClient,
  {
    workshopId,
    displayName,
    role = "participant",
  }: {
    workshopId: string;
    displayName: string;
    role?: "participant" | "viewer";
  },
): Promise<{ client: HttpClient; guestId: string }> {
  const invite = await moderator.fetch(`/api/workshops/${workshopId}/invites`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ role }),
  });
  const { token } = (await invite.json()) as { token: string };
  const client = new HttpClient(moderator.baseUrl);
  const joined = await client.fetch(`/api/invites/${token}/join`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ displayName }),
  });
  expect(joined.status).toBe(201);
  const { guestId } = (await joined.json()) as { guestId: string };
  return { client, guestId };
}

/** Adds, re-roles or removes a concept member through the real server actions of the members page. */
export async function memberAction(
  moderator: HttpClient,
  conceptId: string,
  action: "addMemberAction" | "changeMemberRoleAction" | "removeMemberAction",
  fields: Record<string, string>,
): Promise<void> {
  const reply = await moderator.callAction(
    `/concepts/${conceptId}/members`,
    serverActionId("app/(main)/concepts/[conceptId]/members/actions.ts", action),
    [{ status: "idle" }, formOf({ conceptId, ...fields })],
  );
  if (!reply.body.includes('"status":"ok"'))
    throw new Error(`${action} failed: ${reply.body.slice(0, 200)}`);
}

/** A member's user id, as the members page lists it. */
export async function memberUserId(
  moderator: HttpClient,
  conceptId: string,
  email: string,
): Promise<string> {
  const html = await (await moderator.fetch(`/concepts/${conceptId}/members`)).text();
  const escaped = email.replace(/[.]/g, "\\.");
  const id = new RegExp(`${escaped}[\\s\\S]*?name="userId" value="([0-9a-f-]{36})"`).exec(
    html,
  )?.[1];
  if (!id) throw new Error(`no member ${email}`);
  return id;
}

export type DemoWho = "anonymous" | "guest" | "viewer" | "editor" | "moderator";
export const DEMO_WHO: readonly DemoWho[] = ["anonymous", "guest", "viewer", "editor", "moderator"];

/**
 * One client per kind of caller of the demo concept (anonymous, a workshop guest, viewer,
 * editor, moderator), signed in against the server at `baseUrl`, for permission tables.
 */
export async function demoCallers(baseUrl: string) {
  const [moderator, editor, viewer] = await Promise.all([
    signedIn(baseUrl, DEMO.moderator),
    signedIn(baseUrl, DEMO.editor),
    signedIn(baseUrl, DEMO.viewer),
  ]);
  const demo = await demoConcept(moderator);
  const { client: guest } = await joinAsGuest(moderator, {
    workshopId: demo.workshops[0]!.id,
    displayName: "Gast",
  });
  const as: Record<DemoWho, HttpClient> = {
    moderator,
    editor,
    viewer,
    guest,
    anonymous: new HttpClient(baseUrl),
  };
  return { as, demo };
}
