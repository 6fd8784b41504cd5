import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/principal";
import { chapters, guests, invites, workshops } from "@/lib/db/schema";
import { resolveDocAccess } from "@/lib/sync/doc-access";
import { formatDocName, scopeOwner } from "@/lib/sync/doc-names";
import { buildConcept, buildUser } from "../../support/factories";
import { openTestDatabase } from "../../support/test-database";

describe("access to real-time documents", () => {
  let handle: Awaited<ReturnType<typeof openTestDatabase>>;
  const users: Record<"moderator" | "editor" | "viewer" | "outsider", Principal> = {} as never;
  let board: string;
  let otherBoard: string;
  let chapter: string;
  let chapterId: string;
  let participant: Extract<Principal, { kind: "guest" }>;
  let guestViewer: Principal;

  beforeAll(async () => {
    handle = await openTestDatabase();
    const db = handle.db;
    for (const name of ["moderator", "editor", "viewer", "outsider"] as const) {
      users[name] = { kind: "user", userId: (await buildUser(db)).id };
    }
    const userId = (p: Principal) => (p.kind === "user" ? p.userId : "");
    const concept = await buildConcept(db, {
      members: [
        { userId: userId(users.moderator), role: "moderator" },
        { userId: userId(users.editor), role: "editor" },
        { userId: userId(users.viewer), role: "viewer" },
      ],
    });
    const [w1, w2] = await db
      .insert(workshops)
      .values([
        {
          conceptId: concept.id,
          title: "AG 1",
          kind: "working_group",
          date: "2026-05-06",
          facilitator: "KMuT",
        },
        {
          conceptId: concept.id,
          title: "AG 2",
          kind: "working_group",
          date: "2026-06-06",
          facilitator: "KMuT",
        },
      ])
      .returning({ id: workshops.id });
    board = formatDocName({ kind: "board", id: w1!.id });
    otherBoard = formatDocName({ kind: "board", id: w2!.id });
    const [c] = await db
      .insert(chapters)
      .values({
        conceptId: concept.id,
        kind: "field",
        title: "Wohnen",
        fieldId: concept.fields[0]!.id,
      })
      .returning({ id: chapters.id });
    chapterId = c!.id;
    chapter = formatDocName({ kind: "chapter", id: chapterId });
    const [invite] = await db
      .insert(invites)
      .values({
        workshopId: w1!.id,
        tokenHash: "x",
        role: "participant",
        expiresAt: new Date(Date.now() + 3600_000),
      })
      .returning({ id: invites.id });
    const made = await db
      .insert(guests)
      .values([
        { workshopId: w1!.id, inviteId: invite!.id, displayName: "Amira", role: "participant" },
        { workshopId: w1!.id, inviteId: invite!.id, displayName: "Rat", role: "viewer" },
      ])
      .returning({ id: guests.id, role: guests.role });
    participant = { kind: "guest", guestId: made[0]!.id, workshopId: w1!.id, role: "participant" };
    guestViewer = { kind: "guest", guestId: made[1]!.id, workshopId: w1!.id, role: "viewer" };
  });
  afterAll(() => handle.close());

  const access = (docName: string, principal: Principal | null) =>
    resolveDocAccess({ db: handle.db, docName, principal }).catch((e: { code: string }) => e.code);

  it("gives members access by role and refuses everyone else", async () => {
    expect(await access(board, users.moderator)).toBe("write");
    expect(await access(board, users.editor)).toBe("write");
    expect(await access(board, users.viewer)).toBe("read");
    expect(await access(board, users.outsider)).toBe("forbidden:document");
    expect(await access(board, null)).toBe("unauthorized:session");
    expect(await access(`board:${crypto.randomUUID()}`, users.moderator)).toBe(
      "not_found:document",
    );
    expect(await access("board:nonsense", users.moderator)).toBe("not_found:document");
  });

  it("lets only moderators write the facilitator's control document", async () => {
    const control = board.replace("board:", "board-control:");
    expect(await access(control, users.moderator)).toBe("write");
    expect(await access(control, users.editor)).toBe("read");
    expect(await access(control, users.viewer)).toBe("read");
    expect(await access(control, participant)).toBe("read");
    expect(await access(control, users.outsider)).toBe("forbidden:document");
    expect(await access(otherBoard.replace("board:", "board-control:"), participant)).toBe(
      "forbidden:document",
    );
  });

  it("keeps guests to the board of their own workshop, with their invite's role", async () => {
    expect(await access(board, participant)).toBe("write");
    expect(await access(board, guestViewer)).toBe("read");
    expect(await access(otherBoard, participant)).toBe("forbidden:document");
    expect(await access(chapter, participant)).toBe("forbidden:document");
    // A guest whose record is gone (e.g. the workshop was cleaned up) is no one.
    expect(await access(board, { ...participant, guestId: crypto.randomUUID() })).toBe(
      "unauthorized:guest",
    );
  });

  it("opens a private scope only for its owner, writable if they may write the board", async () => {
    const workshopId = board.slice("board:".length);
    const scopeOf = (p: Principal, workshop = workshopId) =>
      formatDocName({ kind: "board-private", id: workshop, owner: scopeOwner(p) });
    expect(await access(scopeOf(participant), participant)).toBe("write");
    expect(await access(scopeOf(users.editor), users.editor)).toBe("write");
    expect(await access(scopeOf(users.viewer), users.viewer)).toBe("read");
    expect(await access(scopeOf(guestViewer), guestViewer)).toBe("read");
    // Nobody else opens it: not another participant, not even the moderator.
    expect(await access(scopeOf(participant), users.moderator)).toBe("forbidden:document");
    expect(await access(scopeOf(participant), users.editor)).toBe("forbidden:document");
    expect(await access(scopeOf(users.editor), participant)).toBe("forbidden:document");
    expect(await access(scopeOf(users.outsider), users.outsider)).toBe("forbidden:document");
    const otherWorkshop = otherBoard.slice("board:".length);
    expect(await access(scopeOf(participant, otherWorkshop), participant)).toBe(
      "forbidden:document",
    );
  });

  it("makes a final chapter read-only for everyone, the moderator included", async () => {
    expect(await access(chapter, users.moderator)).toBe("write");
    await handle.db.update(chapters).set({ status: "final" }).where(eq(chapters.id, chapterId));
    expect(await access(chapter, users.moderator)).toBe("read");
    expect(await access(chapter, users.editor)).toBe("read");
    expect(await access(chapter, users.viewer)).toBe("read");
  });
});
