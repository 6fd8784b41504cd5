import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCard, addLane, linkMeasureToGoal, setMeasureFields } from "@/lib/board/board-doc";
import { identityOf } from "../support/board-cards";
import { DEMO, demoConcept, signedIn } from "../support/demo-fixture";
import type { HttpClient } from "../support/http-client";
import { connectSyncClient, until, type SyncClient } from "../support/sync-client";
import { startTestServer, type TestServer } from "../support/test-server";

/** The commit, history, diff, revision and catalogue APIs over HTTP, as members of each role. */
describe("concept store API", () => {
  let server: TestServer;
  let moderator: HttpClient;
  let editor: HttpClient;
  let viewer: HttpClient;
  let conceptId: string;
  let workshopId: string;
  let board: SyncClient;

  const post = (client: HttpClient, body: unknown) =>
    client.fetch(`/api/workshops/${workshopId}/commit`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    server = await startTestServer();
    [moderator, editor, viewer] = await Promise.all([
      signedIn(server.url, DEMO.moderator),
      signedIn(server.url, DEMO.editor),
      signedIn(server.url, DEMO.viewer),
    ]);
    const demo = await demoConcept(moderator);
    conceptId = demo.conceptId;
    workshopId = demo.workshops[0]!.id;
    const content = (await (await moderator.fetch(`/api/concepts/${conceptId}`)).json()) as {
      fields: Array<{ id: string; number: number }>;
    };
    board = connectSyncClient({
      baseUrl: server.url,
      docName: demo.workshops[0]!.boardDoc,
      cookie: moderator.cookieHeader,
    });
    await board.synced;
    const fieldId = content.fields.find((f) => f.number === 5)!.id;
    const author = await identityOf(moderator);
    addLane(board.doc, { title: "5 Bildung", fieldId }, { id: "lane-5" });
    addCard(
      board.doc,
      { laneId: "lane-5", kind: "goal", text: "Jedes Kind hat einen Kitaplatz", author },
      { id: "g1" },
    );
    addCard(
      board.doc,
      { laneId: "lane-5", kind: "measure", text: "Brückenkita; am Markt", author },
      { id: "m1" },
    );
    linkMeasureToGoal(board.doc, "m1", "g1");
    setMeasureFields(board.doc, "m1", {
      responsibilities: [{ organisation: "Fachbereich Jugend", role: "lead" }],
      target: "=1+1",
      priority: "quick_win",
    });
    // Durable once a second client sees it.
    const check = connectSyncClient({
      baseUrl: server.url,
      docName: demo.workshops[0]!.boardDoc,
      cookie: moderator.cookieHeader,
    });
    await until(() => check.doc.getMap("cards").has("m1"), 5_000, "board stored");
    check.destroy();
  });

  afterAll(async () => {
    board.destroy();
    expect(await server.stop()).toBe(0);
  });

  it("lets only moderators commit, answers stale bases with 409 and the current revision", async () => {
    expect((await post(editor, { cardIds: ["g1"], message: "x", baseRevision: 0 })).status).toBe(
      403,
    );
    expect((await post(viewer, { cardIds: ["g1"], message: "x", baseRevision: 0 })).status).toBe(
      403,
    );
    const noMessage = await post(moderator, { cardIds: ["g1", "m1"], message: "" });
    expect(noMessage.status).toBe(400);
    expect(await noMessage.json()).toMatchObject({ fields: { message: "required" } });
    const noBase = await post(moderator, { cardIds: ["g1", "m1"], message: "AG Bildung" });
    expect(await noBase.json()).toMatchObject({ fields: { baseRevision: "required" } });

    const preview = (await (
      await post(moderator, { cardIds: ["g1", "m1"], message: "AG Bildung", dryRun: true })
    ).json()) as { revision: number };
    const committed = await post(moderator, {
      cardIds: ["g1", "m1"],
      message: "AG Bildung",
      baseRevision: preview.revision - 1,
    });
    expect(committed.status).toBe(201);
    const stale = await post(moderator, {
      cardIds: ["g1"],
      message: "y",
      baseRevision: preview.revision - 1,
    });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toEqual({
      error: "conflict:revision",
      currentRevision: preview.revision,
    });
  });

  it("shows history, diffs and any revision to every member", async () => {
    const revisions = (await (
      await viewer.fetch(`/api/concepts/${conceptId}/revisions`)
    ).json()) as Array<{
      number: number;
      message: string;
      authorName: string;
      workshop: { id: string } | null;
    }>;
    const latest = revisions[0]!;
    expect(latest).toMatchObject({ message: "AG Bildung", workshop: { id: workshopId } });
    const diff = (await (
      await editor.fetch(
        `/api/concepts/${conceptId}/diff?from=${latest.number - 1}&to=${latest.number}`,
      )
    ).json()) as { items: Array<{ kind: string; change: string; number: string }> };
    expect(diff.items.map((i) => [i.kind, i.change])).toEqual([
      ["goal", "added"],
      ["measure", "added"],
    ]);
    expect(diff.items[1]!.number).toMatch(/^5\.\d+\.1$/);
    const before = (await (
      await viewer.fetch(`/api/concepts/${conceptId}?revision=${latest.number - 1}`)
    ).json()) as { fields: Array<{ goals: Array<{ text: string }> }> };
    expect(JSON.stringify(before)).not.toContain("Jedes Kind hat einen Kitaplatz");
    expect(
      (await viewer.fetch(`/api/concepts/${conceptId}/revisions/${latest.number}`)).status,
    ).toBe(200);
    const badNumber = await viewer.fetch(`/api/concepts/${conceptId}/diff?from=x&to=1`);
    expect(badNumber.status).toBe(400);
    expect(await badNumber.json()).toMatchObject({ fields: { from: "invalid_revision" } });
    expect((await viewer.fetch(`/api/concepts/${conceptId}/revisions/999`)).status).toBe(404);
  });

  it("exports the catalogue as CSV for spreadsheets, filtered, with formulas defused", async () => {
    const response = await editor.fetch(
      `/api/concepts/${conceptId}/measures?format=csv&priority=quick_win&q=Brückenkita`,
    );
    expect(response.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: Excel reads UTF-8
    const csv = new TextDecoder().decode(bytes);
    expect(csv.startsWith("Nr.;Handlungsfeld;Ziel;Maßnahme;Zuständig;Status;")).toBe(true);
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"Brückenkita; am Markt"');
    expect(lines[1]).toContain("Fachbereich Jugend (Federführend)");
    expect(lines[1]).toContain("'=1+1"); // a cell starting with = is not run as a formula
    const rows = (await (
      await viewer.fetch(`/api/concepts/${conceptId}/measures?budget=yes`)
    ).json()) as unknown[];
    expect(rows.length).toBeGreaterThan(0);
    const bad = await viewer.fetch(`/api/concepts/${conceptId}/measures?status=bogus`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ fields: { status: "invalid_choice" } });
  });
});
