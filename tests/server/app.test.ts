import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConceptContent } from "@/lib/concept/load-concept-content";
import { createConceptViaAction } from "../support/demo-fixture";
import { HttpClient, serverActionId } from "../support/http-client";
import { startTestServer, type TestServer } from "../support/test-server";

const MODERATOR = "moderation@deichhausen.example";
const EDITOR = "redaktion@deichhausen.example";
const VIEWER = "rat@deichhausen.example";

describe("the app server with the demo town", () => {
  let server: TestServer;
  let conceptId: string;

  async function signedIn(email: string) {
    const client = new HttpClient(server.url);
    await client.signIn(email);
    expect(client.hasSession()).toBe(true);
    return client;
  }

  async function content(client: HttpClient, id = conceptId): Promise<ConceptContent> {
    const response = await client.fetch(`/api/concepts/${id}`);
    expect(response.status).toBe(200);
    return (await response.json()) as ConceptContent;
  }

  beforeAll(async () => {
    server = await startTestServer();
    const moderator = await signedIn(MODERATOR);
    const html = await (await moderator.fetch("/")).text();
    conceptId = /href="\/concepts\/([0-9a-f-]{36})"/.exec(html)?.[1] ?? "";
    expect(conceptId).not.toBe("");
  });
  afterAll(async () => {
    expect(await server.stop()).toBe(0);
  });

  it("reports health", async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: { ok: true } });
  });

  it("sends anonymous visitors to sign-in and refuses anonymous API calls", async () => {
    const anonymous = new HttpClient(server.url);
    const page = await anonymous.fetch(`/concepts/${conceptId}`);
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toContain(
      `/login?callbackUrl=${encodeURIComponent(`/concepts/${conceptId}`)}`,
    );
    const api = await anonymous.fetch(`/api/concepts/${conceptId}`);
    expect(api.status).toBe(401);
    expect(await api.json()).toEqual({ error: "unauthorized:session" });
  });

  it("gives the same answer for a wrong password and an unknown account", async () => {
    const wrong = new HttpClient(server.url);
    const a = await wrong.signIn(MODERATOR, "falsch");
    const unknown = new HttpClient(server.url);
    const b = await unknown.signIn("niemand@deichhausen.example", "falsch");
    expect(wrong.hasSession()).toBe(false);
    expect(unknown.hasSession()).toBe(false);
    expect(a.status).toBe(b.status);
    expect(a.headers.get("location")).toBe(b.headers.get("location"));
    expect(await a.text()).toBe(await b.text());
  });

  it("shows the moderator the demo concept with fields, goals and measures", async () => {
    const moderator = await signedIn(MODERATOR);
    const data = await content(moderator);
    expect(data.fields.map((f) => f.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const html = await (await moderator.fetch(`/concepts/${conceptId}`)).text();
    const field = data.fields[1]!;
    const goal = field.goals[0]!;
    const measure = goal.measures[0]!;
    expect(html).toContain(field.title.replace("–", "–"));
    expect(html).toContain(field.strategicGoal);
    expect(html).toContain(goal.text);
    expect(html).toContain(measure.title);
    expect(html).toContain(measure.responsibilities[0]!.organisationName);
    expect(html).toContain(`href="/concepts/${conceptId}/fields"`);
  });

  it("shows a viewer the concept without edit controls and refuses the edit page with 403", async () => {
    const viewer = await signedIn(VIEWER);
    const html = await (await viewer.fetch(`/concepts/${conceptId}`)).text();
    expect(html).toContain("Handlungsfelder");
    expect(html).not.toContain(`href="/concepts/${conceptId}/fields"`);
    expect(html).not.toContain(`href="/concepts/${conceptId}/members"`);
    expect((await viewer.fetch(`/concepts/${conceptId}/fields`)).status).toBe(403);
    expect((await viewer.fetch(`/concepts/${conceptId}/members`)).status).toBe(403);
    expect((await viewer.fetch("/concepts/new")).status).toBe(403);
  });

  it("answers an unknown concept with 404", async () => {
    const viewer = await signedIn(VIEWER);
    expect((await viewer.fetch(`/concepts/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await viewer.fetch("/concepts/kein-konzept")).status).toBe(404);
    expect((await viewer.fetch(`/api/concepts/${crypto.randomUUID()}`)).status).toBe(404);
  });

  it("refuses a viewer's direct server-action call and changes nothing", async () => {
    const viewer = await signedIn(VIEWER);
    const before = await content(viewer);
    const field = before.fields[0]!;
    const form = new FormData();
    form.set("conceptId", conceptId);
    form.set("fieldId", field.id);
    form.set("title", "Vom Rat überschrieben");
    form.set("strategicGoal", "");
    const reply = await viewer.callAction(
      `/concepts/${conceptId}/fields`,
      serverActionId("app/(main)/concepts/[conceptId]/fields/actions.ts", "saveFieldAction"),
      [{ status: "idle" }, form],
    );
    expect(reply.body).toContain("forbidden:concept");
    expect((await content(viewer)).fields[0]!.title).toBe(field.title);
  });

  it("lets the moderator's own server-action call through, as the control for the test above", async () => {
    const moderator = await signedIn(MODERATOR);
    const field = (await content(moderator)).fields[0]!;
    const form = new FormData();
    form.set("conceptId", conceptId);
    form.set("fieldId", field.id);
    form.set("title", field.title);
    form.set("strategicGoal", `${field.strategicGoal} Ergänzt.`);
    const reply = await moderator.callAction(
      `/concepts/${conceptId}/fields`,
      serverActionId("app/(main)/concepts/[conceptId]/fields/actions.ts", "saveFieldAction"),
      [{ status: "idle" }, form],
    );
    expect(reply.body).toContain('"status":"ok"');
    expect((await content(moderator)).fields[0]!.strategicGoal).toBe(
      `${field.strategicGoal} Ergänzt.`,
    );
  });

  it("keeps a member of one concept out of another", async () => {
    const moderator = await signedIn(MODERATOR);
    const otherId = await createConceptViaAction(moderator, {
      title: "Integrationskonzept Nachbargemeinde",
      template: "lower_saxony",
    });
    expect((await content(moderator, otherId)).fields).toHaveLength(9);

    const editor = await signedIn(EDITOR);
    expect((await editor.fetch(`/concepts/${otherId}`)).status).toBe(403);
    expect((await editor.fetch(`/api/concepts/${otherId}`)).status).toBe(403);
    const dashboard = await (await editor.fetch("/")).text();
    expect(dashboard).not.toContain("Nachbargemeinde");

    const form2 = new FormData();
    form2.set("conceptId", otherId!);
    form2.set("title", "Neues Feld");
    form2.set("strategicGoal", "");
    const refused = await editor.callAction(
      `/concepts/${otherId}/fields`,
      serverActionId("app/(main)/concepts/[conceptId]/fields/actions.ts", "addFieldAction"),
      [{ status: "idle" }, form2],
    );
    expect(refused.body).toContain("forbidden:concept");
    expect((await content(moderator, otherId)).fields).toHaveLength(9);
  });

  it("names the wrong field in a server action's answer", async () => {
    const moderator = await signedIn(MODERATOR);
    const form = new FormData();
    form.set("conceptId", conceptId);
    form.set("title", "Ferienfreizeit");
    form.set("kind", "workshop");
    form.set("date", "kein Datum");
    form.set("facilitator", "");
    const reply = await moderator.callAction(
      `/concepts/${conceptId}/workshops`,
      serverActionId(
        "app/(main)/concepts/[conceptId]/workshops/actions.ts",
        "createWorkshopAction",
      ),
      [{ status: "idle" }, form],
    );
    expect(reply.body).toContain('"date":"invalid_date"');
    expect(reply.body).toContain('"facilitator":"required"');
  });
});
