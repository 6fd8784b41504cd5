import http from "node:http";
import type { JSONContent } from "@tiptap/core";
import { Node as PMNode } from "@tiptap/pm/model";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { chapterJSONOfDoc, chapterSchema } from "@/lib/chapter/content";
import { CHAPTER_FRAGMENT } from "@/lib/chapter/extensions";
import { DEMO, demoConcept, joinAsGuest, memberUserId, signedIn } from "../support/demo-fixture";
import { HttpClient } from "../support/http-client";
import { connectSyncClient, until, type SyncClient } from "../support/sync-client";
import { startTestServer, type TestServer } from "../support/test-server";

interface Summary {
  id: string;
  kind: string;
  title: string;
  status: string;
  fieldId: string | null;
  position: number;
  doc: string;
  openComments: number;
  latestVersion: number | null;
  lastEditedBy: string | null;
  lastEditedAt: string | null;
  review: { reviewId: string; version: number; reviewers: number; approved: number } | null;
}

const paragraph = (text: string): JSONContent => ({
  type: "paragraph",
  content: [{ type: "text", text }],
});

/** A paragraph of three runs of text (the last may be left out), the middle one commented. */
function commentedParagraph([before, marked, after]: string[], threadId: string): JSONContent {
  return {
    type: "paragraph",
    content: [
      { type: "text", text: before },
      { type: "text", text: marked, marks: [{ type: "comment", attrs: { threadId } }] },
      ...(after ? [{ type: "text", text: after }] : []),
    ],
  };
}

/** Writes content into a chapter's fragment the way an editor does (y-tiptap's own encoding). */
function write(client: SyncClient, json: JSONContent) {
  prosemirrorJSONToYXmlFragment(chapterSchema(), json, client.doc.getXmlFragment(CHAPTER_FRAGMENT));
}

/** The texts of the live document that carry the comment mark of `threadId`. */
function markedText(doc: Y.Doc, threadId: string): string {
  const out: string[] = [];
  const walk = (node: JSONContent) => {
    if (node.marks?.some((m) => m.type === "comment" && m.attrs?.threadId === threadId))
      out.push(node.text ?? "");
    node.content?.forEach(walk);
  };
  walk(chapterJSONOfDoc(doc));
  return out.join("");
}

/** ProseMirror positions of `text` in a version's JSON. */
function rangeOf(json: JSONContent, text: string): { from: number; to: number } {
  const doc = PMNode.fromJSON(chapterSchema(), json);
  let found: { from: number; to: number } | null = null;
  doc.descendants((node, pos) => {
    if (found || !node.isText) return;
    const index = node.text!.indexOf(text);
    if (index >= 0) found = { from: pos + index, to: pos + index + text.length };
  });
  if (!found) throw new Error(`no "${text}" in the version`);
  return found;
}

describe("chapters API", () => {
  let server: TestServer;
  let moderator: HttpClient;
  let editor: HttpClient;
  let viewer: HttpClient;
  let conceptId: string;
  let workshopId: string;
  let editorId: string;
  let fieldChapters: Summary[];
  const clients: SyncClient[] = [];

  const json = (method: string, body: unknown): RequestInit => ({
    method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const base = () => `/api/concepts/${conceptId}/chapters`;
  const list = async (as: HttpClient) => (await (await as.fetch(base())).json()) as Summary[];
  function open(docName: string, as: HttpClient) {
    const c = connectSyncClient({ baseUrl: server.url, docName, cookie: as.cookieHeader });
    clients.push(c);
    return c;
  }

  /** Resolves once `text` is stored: another client sees it only after it is durable. */
  async function stored(docName: string, text: string) {
    const observer = open(docName, moderator);
    await until(
      () => observer.doc.getXmlFragment(CHAPTER_FRAGMENT).toString().includes(text),
      5_000,
      `"${text}" stored`,
    );
    observer.destroy();
  }

  beforeAll(async () => {
    server = await startTestServer({ env: { JOIN_LIMIT_PER_ADDRESS: "0" } });
    [moderator, editor, viewer] = await Promise.all([
      signedIn(server.url, DEMO.moderator),
      signedIn(server.url, DEMO.editor),
      signedIn(server.url, DEMO.viewer),
    ]);
    const demo = await demoConcept(moderator);
    conceptId = demo.conceptId;
    workshopId = demo.workshops[0]!.id;
    editorId = await memberUserId(moderator, conceptId, DEMO.editor);
    fieldChapters = (await list(moderator)).filter((c) => c.kind === "field");
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.stop();
  });

  it("lists chapters in order with the contract's fields; viewers see final ones only", async () => {
    const chapters = await list(moderator);
    expect(chapters.slice(0, 3).map((c) => [c.kind, c.title])).toEqual([
      ["mission", "Leitbild"],
      ["context", "Ausgangslage und Zahlen"],
      ["process", "Prozess"],
    ]);
    expect(chapters.filter((c) => c.kind === "field")).toHaveLength(9);
    for (const c of chapters) {
      expect(c.doc).toBe(`chapter:${c.id}`);
      expect(Object.keys(c).sort()).toEqual(
        [
          "id",
          "kind",
          "title",
          "status",
          "fieldId",
          "position",
          "doc",
          "openComments",
          "latestVersion",
          "lastEditedBy",
          "lastEditedAt",
          "review",
        ].sort(),
      );
    }
    // The demo: one chapter final with its version, one in check-back, one reviewer signed off.
    expect(chapters.find((c) => c.status === "final")).toMatchObject({
      title: "Deutschförderung",
      latestVersion: 1,
    });
    expect(chapters.find((c) => c.status === "in_review")).toMatchObject({
      latestVersion: 1,
      review: { version: 1, reviewers: 2, approved: 1, changesRequested: 0 },
    });
    const seen = await list(viewer);
    expect(seen.every((c) => c.status === "final")).toBe(true);
    expect(seen.length).toBe(chapters.filter((c) => c.status === "final").length);
    const { client: guest } = await joinAsGuest(moderator, { workshopId, displayName: "Gast" });
    expect((await guest.fetch(base())).status).toBe(401);
    expect((await new HttpClient(server.url).fetch(base())).status).toBe(401);
  });

  it("records the last writer, finalises into versions, reopens, and refuses illegal transitions", async () => {
    const chapter = fieldChapters[0]!;
    const url = `${base()}/${chapter.id}`;
    const author = open(chapter.doc, editor);
    await author.synced;
    write(author, {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Steuerung" }] },
        paragraph("Die Koordinierungsstelle bündelt die Arbeit."),
        { type: "conceptItem", attrs: { kind: "measure", id: crypto.randomUUID() } },
      ],
    });
    await until(
      async () =>
        (await list(moderator)).find((c) => c.id === chapter.id)?.lastEditedBy ===
        "Steuerungsgruppe",
      10_000,
      "last edit recorded",
    );

    expect((await editor.fetch(url, json("PATCH", { status: "final" }))).status).toBe(403);
    const wrong = await moderator.fetch(url, json("PATCH", { status: "in_review" }));
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ fields: { status: "invalid_choice" } });
    expect(await (await moderator.fetch(url, json("PATCH", { status: "draft" }))).json()).toEqual({
      error: "conflict:status",
    });

    const final = await moderator.fetch(url, json("PATCH", { status: "final" }));
    expect(final.status).toBe(200);
    const { version } = (await final.json()) as { version: number };
    expect((await moderator.fetch(url, json("PATCH", { status: "final" }))).status).toBe(409);
    await until(() => author.permissionDenied.includes("read-only"), 5_000, "editor read-only");

    const frozen = (await (await viewer.fetch(`${url}/versions/${version}`)).json()) as {
      kind: string;
      html: string;
      text: string;
      json: JSONContent;
      revision: number;
    };
    expect(frozen.kind).toBe("final");
    expect(frozen.html).toContain("<h2>Steuerung</h2>");
    expect(frozen.html).toContain("data-missing");
    expect(frozen.text).toContain("Die Koordinierungsstelle bündelt die Arbeit.");
    expect(frozen.revision).toBeGreaterThanOrEqual(1);
    expect(frozen.json.content?.[0]?.type).toBe("heading");
    expect((await list(viewer)).map((c) => c.id)).toContain(chapter.id);
    expect((await list(moderator)).find((c) => c.id === chapter.id)?.latestVersion).toBe(version);

    const reopened = await moderator.fetch(url, json("PATCH", { status: "draft" }));
    expect(await reopened.json()).toEqual({ id: chapter.id, status: "draft" });
    expect((await list(viewer)).map((c) => c.id)).not.toContain(chapter.id);
    expect((await viewer.fetch(`${url}/versions/${version}`)).status).toBe(200);
    const again = await moderator.fetch(url, json("PATCH", { status: "final" }));
    expect(((await again.json()) as { version: number }).version).toBe(version + 1);
    await moderator.fetch(url, json("PATCH", { status: "draft" }));
  });

  it("diffs two versions by paragraph and word, and restores one for open editors", async () => {
    const chapter = fieldChapters[3]!;
    const url = `${base()}/${chapter.id}`;
    const author = open(chapter.doc, editor);
    await author.synced;
    write(author, {
      type: "doc",
      content: [paragraph("Kitas öffnen sich für Familien."), paragraph("Schulen beraten Eltern.")],
    });
    await stored(chapter.doc, "Schulen beraten Eltern.");
    const first = (await (await moderator.fetch(`${url}/check-back`, json("POST", {}))).json()) as {
      version: number;
    };
    write(author, {
      type: "doc",
      content: [
        paragraph("Kitas öffnen sich früh für Familien."),
        paragraph("Schulen beraten Eltern."),
        paragraph("Neu: Elterncafés."),
      ],
    });
    await until(
      async () => {
        const diff = (await (
          await editor.fetch(`${url}/diff?from=${first.version}&to=current`)
        ).json()) as {
          blocks: Array<{ kind: string; parts: Array<{ kind: string; text: string }> }>;
        };
        return diff.blocks.length === 3;
      },
      5_000,
      "diff sees the edit",
    );
    const diff = (await (
      await editor.fetch(`${url}/diff?from=${first.version}&to=current`)
    ).json()) as { blocks: Array<{ kind: string; parts: Array<{ kind: string; text: string }> }> };
    expect(diff.blocks.map((b) => b.kind)).toEqual(["changed", "same", "added"]);
    expect(
      diff.blocks[0]!.parts.filter((p) => p.kind === "added").map((p) => p.text.trim()),
    ).toEqual(["früh"]);
    expect((await editor.fetch(`${url}/diff?from=x&to=current`)).status).toBe(400);
    expect((await viewer.fetch(`${url}/diff?from=1&to=current`)).status).toBe(403);

    const restored = await editor.fetch(
      `${url}/versions/${first.version}/restore`,
      json("POST", {}),
    );
    expect(restored.status).toBe(200);
    const { kept } = (await restored.json()) as { kept: number };
    await until(
      () => !author.doc.getXmlFragment(CHAPTER_FRAGMENT).toString().includes("Elterncafés"),
      5_000,
      "open editor sees the restored content",
    );
    expect(author.doc.getXmlFragment(CHAPTER_FRAGMENT).toString()).toContain(
      "Kitas öffnen sich für Familien.",
    );
    const versions = (await (await editor.fetch(`${url}/versions`)).json()) as Array<{
      version: number;
      kind: string;
    }>;
    expect(versions.find((v) => v.version === kept)?.kind).toBe("draft");
    const keptText = (await (await editor.fetch(`${url}/versions/${kept}`)).json()) as {
      text: string;
    };
    expect(keptText.text).toContain("Neu: Elterncafés.");
    expect((await viewer.fetch(`${url}/versions`)).status).toBe(200);
    expect(await (await viewer.fetch(`${url}/versions`)).json()).toEqual([]);
    expect((await viewer.fetch(`${url}/versions/${kept}`)).status).toBe(404);
  });

  it("keeps comment threads; detached once their text is gone; marks never reach versions", async () => {
    const chapter = fieldChapters[4]!;
    const url = `${base()}/${chapter.id}`;
    const author = open(chapter.doc, editor);
    await author.synced;
    const threadId = crypto.randomUUID();
    write(author, {
      type: "doc",
      content: [commentedParagraph(["Die Sprechstunde ", "läuft dienstags"], threadId)],
    });
    await stored(chapter.doc, "dienstags");
    const created = await editor.fetch(
      `${url}/comments`,
      json("POST", { id: threadId, quote: "läuft dienstags", body: "Auch donnerstags?" }),
    );
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ id: threadId, status: "open", detached: false });
    expect(
      (await editor.fetch(`${url}/comments`, json("POST", { id: threadId, quote: "", body: "x" })))
        .status,
    ).toBe(409);
    const bad = await editor.fetch(
      `${url}/comments`,
      json("POST", { id: "nope", quote: "", body: "" }),
    );
    expect(await bad.json()).toMatchObject({ fields: { id: "invalid", body: "required" } });
    await editor.fetch(
      `${url}/comments/${threadId}/replies`,
      json("POST", { body: "Ja, ab Mai." }),
    );
    expect((await list(moderator)).find((c) => c.id === chapter.id)?.openComments).toBe(1);
    expect((await viewer.fetch(`${url}/comments`)).status).toBe(403);

    const frozen = (await (
      await moderator.fetch(`${url}/check-back`, json("POST", {}))
    ).json()) as { version: number };
    const version = (await (await editor.fetch(`${url}/versions/${frozen.version}`)).json()) as {
      html: string;
      json: JSONContent;
    };
    expect(version.html).not.toContain(threadId);
    expect(JSON.stringify(version.json)).not.toContain("comment");

    author.doc.getXmlFragment(CHAPTER_FRAGMENT).delete(0, 1);
    await until(
      async () => {
        const threads = (await (await moderator.fetch(`${url}/comments`)).json()) as Array<{
          detached: boolean;
        }>;
        return threads[0]?.detached === true;
      },
      5_000,
      "thread detached",
    );
    const threads = (await (await moderator.fetch(`${url}/comments`)).json()) as Array<{
      quote: string;
      comments: Array<{ authorName: string; body: string }>;
    }>;
    expect(threads[0]!.quote).toBe("läuft dienstags");
    expect(threads[0]!.comments.map((c) => [c.authorName, c.body])).toEqual([
      ["Steuerungsgruppe", "Auch donnerstags?"],
      ["Steuerungsgruppe", "Ja, ab Mai."],
    ]);
    const resolved = await moderator.fetch(
      `${url}/comments/${threadId}`,
      json("PATCH", { status: "resolved" }),
    );
    expect(await resolved.json()).toMatchObject({ status: "resolved" });
    expect((await list(moderator)).find((c) => c.id === chapter.id)?.openComments).toBe(0);
  });

  it("runs a check-back round: link reviewers join, comment with server marks, and decide", async () => {
    const chapter = fieldChapters[5]!;
    const url = `${base()}/${chapter.id}`;
    const author = open(chapter.doc, editor);
    await author.synced;
    write(author, {
      type: "doc",
      content: [
        paragraph("Gesundheitsmediatorinnen begleiten Familien zu Ärztinnen und Ärzten."),
        paragraph("Die psychosoziale Anlaufstelle öffnet 2026."),
      ],
    });
    await stored(chapter.doc, "Anlaufstelle");

    expect((await editor.fetch(`${url}/check-back`, json("POST", {}))).status).toBe(403);
    const badReviewer = await moderator.fetch(
      `${url}/check-back`,
      json("POST", { reviewerIds: [crypto.randomUUID()] }),
    );
    expect(await badReviewer.json()).toMatchObject({ fields: { reviewerIds: "invalid" } });
    const started = await moderator.fetch(
      `${url}/check-back`,
      json("POST", { reviewerIds: [editorId], link: { expiresInHours: 48 } }),
    );
    expect(started.status).toBe(201);
    const round = (await started.json()) as {
      reviewId: string;
      version: number;
      link: { id: string; url: string; expiresAt: string };
    };
    expect(round.link.url).toMatch(/\/review\/join\/[\w-]+$/);
    // The link names the host the moderator used, not the server's own listening address.
    expect(new URL(round.link.url).origin).toBe(server.url);
    expect((await list(moderator)).find((c) => c.id === chapter.id)).toMatchObject({
      status: "in_review",
      review: { reviewId: round.reviewId, version: round.version, reviewers: 1, approved: 0 },
    });

    const token = new URL(round.link.url).pathname.split("/").pop()!;
    const reviewer = new HttpClient(server.url);
    expect((await reviewer.fetch(`/api/reviews/${round.reviewId}`)).status).toBe(401);
    const badJoin = await reviewer.fetch(
      `/api/review-links/${token}/join`,
      json("POST", { name: "" }),
    );
    expect(await badJoin.json()).toMatchObject({
      fields: { name: "required", organisation: "required" },
    });
    const joined = await reviewer.fetch(
      `/api/review-links/${token}/join`,
      json("POST", { name: "Leyla Demir", organisation: "Elternverein Hafenviertel" }),
    );
    expect(await joined.json()).toEqual({ reviewId: round.reviewId });
    expect(reviewer.cookieHeader).toContain("kw-reviewer=");
    expect((await reviewer.fetch(base())).status).toBe(401);

    const view = (await (await reviewer.fetch(`/api/reviews/${round.reviewId}`)).json()) as {
      version: { version: number; html: string; json: JSONContent };
      me: { name: string; decision: null };
      chapter: { id: string };
    };
    expect(view.chapter.id).toBe(chapter.id);
    expect(view.version.html).toContain("Gesundheitsmediatorinnen");
    expect(view.me).toMatchObject({ name: "Leyla Demir", decision: null });

    // Writing goes on meanwhile: text before and inside the quoted words.
    const first = author.doc.getXmlFragment(CHAPTER_FRAGMENT).get(0) as Y.XmlElement;
    (first.get(0) as Y.XmlText).insert(0, "Seit 2025: ");
    const anchor = rangeOf(view.version.json, "begleiten Familien");
    (first.get(0) as Y.XmlText).insert(
      "Seit 2025: Gesundheitsmediatorinnen begleiten".length,
      " mehrsprachig",
    );
    await until(
      async () => {
        const r = (await (
          await editor.fetch(`${url}/diff?from=${round.version}&to=current`)
        ).json()) as {
          blocks: Array<{ kind: string }>;
        };
        return r.blocks.some((b) => b.kind === "changed");
      },
      5_000,
      "edit stored",
    );
    const commented = await reviewer.fetch(
      `/api/reviews/${round.reviewId}/comments`,
      json("POST", { quote: "egal", body: "Auch zu Therapeut*innen?", anchor }),
    );
    expect(commented.status).toBe(201);
    const thread = (await commented.json()) as { id: string; quote: string; detached: boolean };
    expect(thread).toMatchObject({ quote: "begleiten Familien", detached: false });
    await until(() => markedText(author.doc, thread.id) !== "", 5_000, "mark reaches the editor");
    expect(markedText(author.doc, thread.id)).toBe("begleiten mehrsprachig Familien");
    const badAnchor = await reviewer.fetch(
      `/api/reviews/${round.reviewId}/comments`,
      json("POST", { quote: "", body: "x", anchor: { from: 0, to: 100_000 } }),
    );
    expect(await badAnchor.json()).toMatchObject({ fields: { anchor: "invalid" } });
    expect(
      (
        await reviewer.fetch(
          `/api/reviews/${round.reviewId}/comments/${thread.id}/replies`,
          json("POST", { body: "Danke!" }),
        )
      ).status,
    ).toBe(201);

    const noComment = await reviewer.fetch(
      `/api/reviews/${round.reviewId}/decision`,
      json("POST", { decision: "changes_requested" }),
    );
    expect(await noComment.json()).toMatchObject({ fields: { comment: "required" } });
    await reviewer.fetch(
      `/api/reviews/${round.reviewId}/decision`,
      json("POST", { decision: "changes_requested", comment: "Bitte Therapie ergänzen." }),
    );
    const approved = await editor.fetch(
      `/api/reviews/${round.reviewId}/decision`,
      json("POST", { decision: "approved" }),
    );
    expect(await approved.json()).toMatchObject({ decision: "approved", name: "Steuerungsgruppe" });

    const checkBack = (await (await editor.fetch(`${url}/check-back`)).json()) as {
      reviewId: string;
      reviewers: Array<{
        name: string;
        organisation: string | null;
        kind: string;
        decision: string | null;
      }>;
      links: Array<{ id: string; revokedAt: string | null }>;
    };
    expect(checkBack.reviewers.map((r) => [r.name, r.kind, r.decision])).toEqual([
      ["Steuerungsgruppe", "member", "approved"],
      ["Leyla Demir", "link", "changes_requested"],
    ]);
    expect((await viewer.fetch(`${url}/check-back`)).status).toBe(403);
    expect((await viewer.fetch(`/api/reviews/${round.reviewId}`)).status).toBe(403);
    expect((await moderator.fetch(`/api/reviews/${round.reviewId}`)).status).toBe(403);

    expect(
      (await moderator.fetch(`${url}/check-back/links/${round.link.id}`, { method: "DELETE" }))
        .status,
    ).toBe(204);
    const late = new HttpClient(server.url);
    const refused = await late.fetch(
      `/api/review-links/${token}/join`,
      json("POST", { name: "Zu spät", organisation: "AWO" }),
    );
    expect(refused.status).toBe(404);
    const more = await moderator.fetch(
      `${url}/check-back/links`,
      json("POST", { expiresInHours: 1 }),
    );
    expect(more.status).toBe(201);

    // A new round closes this one: its reviewers can read but no longer comment or decide.
    const next = (await (await moderator.fetch(`${url}/check-back`, json("POST", {}))).json()) as {
      reviewId: string;
    };
    expect(next.reviewId).not.toBe(round.reviewId);
    expect((await reviewer.fetch(`/api/reviews/${round.reviewId}`)).status).toBe(200);
    expect((await reviewer.fetch(`/api/reviews/${next.reviewId}`)).status).toBe(403);
    expect(
      (
        await reviewer.fetch(
          `/api/reviews/${round.reviewId}/decision`,
          json("POST", { decision: "approved" }),
        )
      ).status,
    ).toBe(409);
  });

  it("drops writes to other roots of a chapter document", async () => {
    const chapter = fieldChapters[6]!;
    const before =
      (
        (await (await moderator.fetch("/api/metrics")).json()) as {
          updatesRejected: Record<string, number>;
        }
      ).updatesRejected.unknown_root ?? 0;
    const rogue = open(chapter.doc, editor);
    await rogue.synced;
    rogue.doc.getMap("sidecar").set("x", "nicht erlaubt");
    await until(
      async () => {
        const now =
          (
            (await (await moderator.fetch("/api/metrics")).json()) as {
              updatesRejected: Record<string, number>;
            }
          ).updatesRejected.unknown_root ?? 0;
        return now > before;
      },
      5_000,
      "rejected",
    );
    expect(rogue.permissionDenied).toContain("rejected:unknown_root");
    const reader = open(chapter.doc, moderator);
    await reader.synced;
    expect(reader.doc.getMap("sidecar").size).toBe(0);
  });

  /** Chapters that are not final and no other test here writes to, one per test. */
  const spare = () => {
    const chapter = [1, 2, 7, 8, 0]
      .map((i) => fieldChapters[i])
      .find((c) => c && c.status !== "final" && !spareUsed.has(c.id));
    if (!chapter) throw new Error("no spare chapter in the demo");
    spareUsed.add(chapter.id);
    return chapter;
  };
  const spareUsed = new Set<string>();

  it("drops elements, attributes and links the chapter schema does not know; stores none of them", async () => {
    const chapter = spare();
    const paragraphWith = (fill: (p: Y.XmlElement) => void) => (f: Y.XmlFragment) => {
      const p = new Y.XmlElement("paragraph");
      fill(p);
      f.insert(0, [p]);
    };
    const attempts: Array<[string, (f: Y.XmlFragment) => void]> = [
      [
        "unknown_element",
        (f) => {
          const script = new Y.XmlElement("script");
          script.insert(0, [new Y.XmlText("alert('Skript')")]);
          f.insert(0, [script]);
        },
      ],
      [
        "unknown_attribute",
        paragraphWith((p) => {
          p.setAttribute("onclick", "alert(1)");
          p.insert(0, [new Y.XmlText("Harmloser Absatz")]);
        }),
      ],
      [
        "invalid_mark_attribute",
        paragraphWith((p) => {
          const text = new Y.XmlText();
          text.insert(0, "Hier klicken", { link: { href: "javascript:alert(1)" } });
          p.insert(0, [text]);
        }),
      ],
    ];
    for (const [reason, change] of attempts) {
      const rogue = open(chapter.doc, editor);
      await rogue.synced;
      change(rogue.doc.getXmlFragment(CHAPTER_FRAGMENT));
      await until(() => rogue.permissionDenied.includes(`rejected:${reason}`), 5_000, reason);
      rogue.destroy();
    }
    // An allowed link is stored, and nothing of the attempts before it.
    const author = open(chapter.doc, editor);
    await author.synced;
    paragraphWith((p) => {
      const text = new Y.XmlText();
      text.insert(0, "Stadtportal", { link: { href: "https://deichhausen.example" } });
      p.insert(0, [text]);
    })(author.doc.getXmlFragment(CHAPTER_FRAGMENT));
    await stored(chapter.doc, "Stadtportal");
    const reader = open(chapter.doc, moderator);
    await reader.synced;
    const content = reader.doc.getXmlFragment(CHAPTER_FRAGMENT).toString();
    for (const rogueText of ["script", "Skript", "onclick", "Harmloser", "javascript", "klicken"])
      expect(content).not.toContain(rogueText);
    expect(content).toContain("https://deichhausen.example");
  });

  it("two moderators finalising at once get one final version and a 409", async () => {
    const chapter = spare();
    const url = `${base()}/${chapter.id}`;
    const versions = async () =>
      (await (await moderator.fetch(`${url}/versions`)).json()) as Array<{ kind: string }>;
    const before = (await versions()).length;
    const colleague = await signedIn(server.url, DEMO.moderator);
    const answers = await Promise.all(
      [moderator, colleague].map((as) => as.fetch(url, json("PATCH", { status: "final" }))),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const refused = answers.find((a) => a.status === 409)!;
    expect(await refused.json()).toEqual({ error: "conflict:status" });
    const after = await versions();
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)?.kind).toBe("final");
    await moderator.fetch(url, json("PATCH", { status: "draft" }));
  });

  it("restoring a version brings back no comment marks; threads on the replaced text stay, detached", async () => {
    const chapter = spare();
    const url = `${base()}/${chapter.id}`;
    const author = open(chapter.doc, editor);
    await author.synced;
    write(author, { type: "doc", content: [paragraph("Die Beratung ist offen.")] });
    await stored(chapter.doc, "Beratung");
    const { version } = (await (
      await moderator.fetch(`${url}/check-back`, json("POST", {}))
    ).json()) as { version: number };
    const threadId = crypto.randomUUID();
    write(author, {
      type: "doc",
      content: [commentedParagraph(["Die ", "Beratung", " ist montags offen."], threadId)],
    });
    await stored(chapter.doc, "montags");
    await editor.fetch(
      `${url}/comments`,
      json("POST", { id: threadId, quote: "Beratung", body: "Welche Beratung?" }),
    );
    expect(markedText(author.doc, threadId)).toBe("Beratung");

    expect(
      (await editor.fetch(`${url}/versions/${version}/restore`, json("POST", {}))).status,
    ).toBe(200);
    await until(
      () => !author.doc.getXmlFragment(CHAPTER_FRAGMENT).toString().includes("montags"),
      5_000,
      "restored",
    );
    // The word is back, its mark is not: restored content carries no comment marks.
    expect(author.doc.getXmlFragment(CHAPTER_FRAGMENT).toString()).toContain("Beratung");
    expect(markedText(author.doc, threadId)).toBe("");
    expect(author.doc.getXmlFragment(CHAPTER_FRAGMENT).toString()).not.toContain("comment");
    // The thread is not lost: listed as detached, with its quote and its comment.
    const threads = (await (await editor.fetch(`${url}/comments`)).json()) as Array<{
      id: string;
      detached: boolean;
      quote: string;
      comments: Array<{ body: string }>;
    }>;
    expect(threads.find((t) => t.id === threadId)).toMatchObject({
      detached: true,
      quote: "Beratung",
      comments: [{ body: "Welche Beratung?" }],
    });
  });

  it("review links name PUBLIC_URL, else the host the moderator used", async () => {
    const chapter = spare();
    await moderator.fetch(`${base()}/${chapter.id}/check-back`, json("POST", {}));
    const body = JSON.stringify({ expiresInHours: 24 });
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(`${server.url}${base()}/${chapter.id}/check-back/links`, {
        method: "POST",
        headers: {
          host: "werkstatt.deichhausen.example",
          cookie: moderator.cookieHeader,
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
        },
      });
      request.on("response", (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
      });
      request.on("error", reject);
      request.end(body);
    });
    expect(answer.status).toBe(201);
    expect((JSON.parse(answer.body) as { url: string }).url).toMatch(
      /^http:\/\/werkstatt\.deichhausen\.example\/review\/join\/[\w-]+$/,
    );
  });
});
