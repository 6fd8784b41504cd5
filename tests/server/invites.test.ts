import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, demoConcept, signedIn } from "../support/demo-fixture";
import { HttpClient } from "../support/http-client";
import { startTestServer, type TestServer } from "../support/test-server";

describe("workshop invites", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it("lets moderators create, list and revoke links; a revoked link no longer admits anyone", async () => {
    const moderator = await signedIn(server.url, DEMO.moderator);
    const editor = await signedIn(server.url, DEMO.editor);
    const workshopId = (await demoConcept(moderator)).workshops[0]!.id;
    const base = `/api/workshops/${workshopId}/invites`;
    const post = (client: HttpClient, body: unknown) =>
      client.fetch(base, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });

    expect((await post(editor, { role: "participant" })).status).toBe(403);
    const bad = await post(moderator, { role: "guest", expiresInHours: 0 });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      error: "bad_request:input",
      fields: { role: "invalid_choice", expiresInHours: "too_short" },
    });

    const created = (await (
      await post(moderator, { role: "viewer", expiresInHours: 2 })
    ).json()) as {
      id: string;
      token: string;
      joinPath: string;
    };
    const listed = (await (await moderator.fetch(base)).json()) as Array<{
      id: string;
      role: string;
    }>;
    expect(listed).toContainEqual(expect.objectContaining({ id: created.id, role: "viewer" }));
    expect((await editor.fetch(base)).status).toBe(403);

    const anonymous = new HttpClient(server.url);
    expect(await (await anonymous.fetch(created.joinPath)).text()).toContain(
      "Sie verfolgen das Board live mit",
    );

    expect((await editor.fetch(`${base}/${created.id}`, { method: "DELETE" })).status).toBe(403);
    expect((await moderator.fetch(`${base}/${created.id}`, { method: "DELETE" })).status).toBe(204);
    const page = await (await anonymous.fetch(created.joinPath)).text();
    expect(page).toContain("Dieser Einladungslink gilt nicht mehr");
    const join = await anonymous.fetch(`/api/invites/${created.token}/join`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ displayName: "Zu spät" }),
    });
    expect(join.status).toBe(404);
    expect(((await (await moderator.fetch(base)).json()) as unknown[]).length).toBe(
      listed.length - 1,
    );
  });

  it("lists each link with its creation time and how many guests joined through it", async () => {
    const moderator = await signedIn(server.url, DEMO.moderator);
    const workshopId = (await demoConcept(moderator)).workshops[0]!.id;
    const base = `/api/workshops/${workshopId}/invites`;
    const create = async () =>
      (await (
        await moderator.fetch(base, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ role: "participant", expiresInHours: 8 }),
        })
      ).json()) as { id: string; token: string };
    const used = await create();
    const unused = await create();
    for (const displayName of ["Amira", "Jonas"]) {
      const guest = new HttpClient(server.url);
      const join = await guest.fetch(`/api/invites/${used.token}/join`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ displayName }),
      });
      expect(join.status).toBe(201);
    }
    const listed = (await (await moderator.fetch(base)).json()) as Array<{
      id: string;
      createdAt: string;
      guestsJoined: number;
    }>;
    expect(listed.find((i) => i.id === used.id)?.guestsJoined).toBe(2);
    expect(listed.find((i) => i.id === unused.id)?.guestsJoined).toBe(0);
    expect(Number.isNaN(Date.parse(listed.find((i) => i.id === used.id)!.createdAt))).toBe(false);
  });
});
