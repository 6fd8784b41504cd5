import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, demoConcept, signedIn } from "../support/demo-fixture";
import { serverActionId, type HttpClient } from "../support/http-client";
import { startTestServer, type TestServer } from "../support/test-server";

interface Content {
  fields: Array<{ id: string; goals: Array<{ measures: Array<{ id: string; title: string }> }> }>;
}

/**
 * Two moderators saving the same concept at the same moment, through the real server actions of
 * the edit forms: one revision and a conflict, or two revisions in turn; never a 500.
 */
describe("concurrent direct edits through the server", () => {
  let server: TestServer;
  let moderator: HttpClient;
  let second: HttpClient;
  let conceptId: string;
  let measureIds: string[];

  const latestRevision = async () =>
    (
      (await (await moderator.fetch(`/api/concepts/${conceptId}/revisions`)).json()) as Array<{
        number: number;
      }>
    )[0]!.number;

  /** Saves the measure form as the browser's form submits it; returns the action's reply. */
  async function saveMeasure(
    client: HttpClient,
    measureId: string,
    fields: Record<string, string>,
  ) {
    const form = new FormData();
    for (const [key, value] of Object.entries({
      conceptId,
      measureId,
      status: "planned",
      ...fields,
    }))
      form.set(key, value);
    const reply = await client.callAction(
      `/concepts/${conceptId}/measures/${measureId}`,
      serverActionId("app/(main)/concepts/[conceptId]/measures/actions.ts", "saveMeasureAction"),
      [{ status: "idle" }, form],
    );
    return /"status":"ok"/.test(reply.body)
      ? "ok"
      : (/"error":"([a-z_]+:[a-z_]+)"/.exec(reply.body)?.[1] ?? reply.body.slice(0, 300));
  }

  beforeAll(async () => {
    server = await startTestServer();
    [moderator, second] = await Promise.all([
      signedIn(server.url, DEMO.moderator),
      signedIn(server.url, DEMO.moderator),
    ]);
    conceptId = (await demoConcept(moderator)).conceptId;
    const content = (await (await moderator.fetch(`/api/concepts/${conceptId}`)).json()) as Content;
    measureIds = content.fields.flatMap((f) => f.goals.flatMap((g) => g.measures.map((m) => m.id)));
  }, 120_000);

  afterAll(async () => {
    expect(await server.stop()).toBe(0);
  });

  it("saves of one measure on the same base revision give one revision and a conflict", async () => {
    const base = await latestRevision();
    const outcomes = await Promise.all([
      saveMeasure(moderator, measureIds[0]!, { title: "Sprachcafé A", baseRevision: String(base) }),
      saveMeasure(second, measureIds[0]!, { title: "Sprachcafé B", baseRevision: String(base) }),
    ]);
    expect(outcomes.sort()).toEqual(["conflict:revision", "ok"]);
    expect(await latestRevision()).toBe(base + 1);
    expect(server.output()).not.toMatch(/action failed/);
  });

  it("saves of different measures without a base become consecutive revisions", async () => {
    const base = await latestRevision();
    const outcomes = await Promise.all(
      measureIds
        .slice(1, 7)
        .map((id, i) => saveMeasure(i % 2 ? second : moderator, id, { title: `Maßnahme ${i}` })),
    );
    expect(outcomes).toEqual(Array(6).fill("ok"));
    expect(await latestRevision()).toBe(base + 6);
    expect(server.output()).not.toMatch(/action failed/);
  });
});
