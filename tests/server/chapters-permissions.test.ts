import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, demoConcept, joinAsGuest, signedIn } from "../support/demo-fixture";
import { HttpClient } from "../support/http-client";
import { startTestServer, type TestServer } from "../support/test-server";

type Who = "anonymous" | "guest" | "viewer" | "editor" | "moderator";

/**
 * Who reaches which chapter route, over plain HTTP against the real server: moderators
 * everything, editors drafts, comments and restores but no finalising or check-back, viewers
 * final versions only, workshop guests and anonymous callers nothing.
 */
describe("chapter permissions", () => {
  let server: TestServer;
  const as = {} as Record<Who, HttpClient>;
  let base: string;
  let draftUrl: string;
  let finalUrl: string;
  let finalVersion: number;
  let draftVersion: number;

  const send = (who: Who, path: string, method = "GET", body?: unknown) =>
    as[who]
      .fetch(path, {
        method,
        ...(body === undefined
          ? {}
          : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
      })
      .then((r) => r.status);

  beforeAll(async () => {
    server = await startTestServer({ env: { JOIN_LIMIT_PER_ADDRESS: "0" } });
    const [moderator, editor, viewer] = await Promise.all([
      signedIn(server.url, DEMO.moderator),
      signedIn(server.url, DEMO.editor),
      signedIn(server.url, DEMO.viewer),
    ]);
    const demo = await demoConcept(moderator);
    const { client: guest } = await joinAsGuest(moderator, {
      workshopId: demo.workshops[0]!.id,
      displayName: "Gast",
    });
    Object.assign(as, { moderator, editor, viewer, guest, anonymous: new HttpClient(server.url) });
    base = `/api/concepts/${demo.conceptId}/chapters`;
    const chapters = (await (await moderator.fetch(base)).json()) as Array<{
      id: string;
      status: string;
      kind: string;
      latestVersion: number | null;
    }>;
    const final = chapters.find((c) => c.status === "final")!;
    const draft = chapters.find((c) => c.status === "in_review")!;
    finalUrl = `${base}/${final.id}`;
    draftUrl = `${base}/${draft.id}`;
    finalVersion = final.latestVersion!;
    draftVersion = draft.latestVersion!;
  });
  afterAll(async () => {
    await server?.stop();
  });

  const everyone: Who[] = ["anonymous", "guest", "viewer", "editor", "moderator"];
  const expectStatuses = async (
    request: (who: Who) => Promise<number>,
    expected: Record<Who, number>,
  ) => {
    const got = Object.fromEntries(
      await Promise.all(everyone.map(async (w) => [w, await request(w)])),
    );
    expect(got).toEqual(expected);
  };

  it("lists chapters for members only", async () => {
    await expectStatuses((w) => send(w, base), {
      anonymous: 401,
      guest: 401,
      viewer: 200,
      editor: 200,
      moderator: 200,
    });
  });

  it("shows final versions to viewers, other versions to editors and moderators", async () => {
    await expectStatuses((w) => send(w, `${finalUrl}/versions/${finalVersion}`), {
      anonymous: 401,
      guest: 401,
      viewer: 200,
      editor: 200,
      moderator: 200,
    });
    await expectStatuses((w) => send(w, `${draftUrl}/versions/${draftVersion}`), {
      anonymous: 401,
      guest: 401,
      viewer: 404,
      editor: 200,
      moderator: 200,
    });
  });

  it("keeps comments, diffs and check-back details from viewers", async () => {
    for (const path of [
      `${draftUrl}/comments`,
      `${draftUrl}/diff?from=1&to=current`,
      `${draftUrl}/check-back`,
    ])
      await expectStatuses((w) => send(w, path), {
        anonymous: 401,
        guest: 401,
        viewer: 403,
        editor: 200,
        moderator: 200,
      });
  });

  it("lets editors comment and restore, only moderators finalise or start check-back", async () => {
    await expectStatuses(
      (w) =>
        send(w, `${draftUrl}/comments`, "POST", {
          id: crypto.randomUUID(),
          quote: "",
          body: "Frage",
        }),
      { anonymous: 401, guest: 401, viewer: 403, editor: 201, moderator: 201 },
    );
    // A final chapter takes no restore (409) from those who may restore at all.
    await expectStatuses(
      (w) => send(w, `${finalUrl}/versions/${finalVersion}/restore`, "POST", {}),
      {
        anonymous: 401,
        guest: 401,
        viewer: 403,
        editor: 409,
        moderator: 409,
      },
    );
    // Invalid bodies: the role check comes first, so only moderators learn about the body.
    await expectStatuses((w) => send(w, draftUrl, "PATCH", { status: "nope" }), {
      anonymous: 401,
      guest: 401,
      viewer: 403,
      editor: 403,
      moderator: 400,
    });
    await expectStatuses((w) => send(w, `${draftUrl}/check-back`, "POST", { reviewerIds: ["x"] }), {
      anonymous: 401,
      guest: 401,
      viewer: 403,
      editor: 403,
      moderator: 400,
    });
    await expectStatuses(
      (w) => send(w, `${draftUrl}/check-back/links`, "POST", { expiresInHours: 0 }),
      {
        anonymous: 401,
        guest: 401,
        viewer: 403,
        editor: 403,
        moderator: 400,
      },
    );
  });

  it("opens a review only to its reviewers", async () => {
    const round = (await (await as.moderator.fetch(`${draftUrl}/check-back`)).json()) as {
      reviewId: string;
    };
    // The demo's member reviewer is the editor (steering group).
    await expectStatuses((w) => send(w, `/api/reviews/${round.reviewId}`), {
      anonymous: 401,
      guest: 401,
      viewer: 403,
      editor: 200,
      moderator: 403,
    });
    expect(await send("editor", `/api/reviews/${crypto.randomUUID()}`)).toBe(404);
  });
});
