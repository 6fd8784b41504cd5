import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addCard,
  addLane,
  cardsOf,
  getCardText,
  removeCard,
  setCardKind,
  moveCard,
} from "@/lib/board/board-doc";
import { addPrivateCard } from "@/lib/board/private-scope";
import { BOARD_CARDS_MAX } from "@/lib/board/board-schema";
import { buildDemoBoard } from "@/lib/demo/build-demo-board";
import { DEMO_FIELDS } from "@/lib/demo/deichhausen";
import { DEMO_BOARD_PARTICIPANTS } from "@/lib/demo/deichhausen-board";
import {
  boardProblems,
  checkBoardWrite,
  checkPrivateScopeWrite,
  WriteRejected,
  type Writer,
} from "@/lib/board/write-rules";

const anna: Writer = { identity: { id: "guest-anna", name: "Anna" }, moderator: false };
const ben: Writer = { identity: { id: "guest-ben", name: "Ben" }, moderator: false };
const moderation: Writer = {
  identity: { id: "user-mod", name: "Koordinierungsstelle" },
  moderator: true,
};

function board(): Y.Doc {
  const doc = new Y.Doc();
  addLane(doc, { title: "Stärken" }, { id: "lane-a" });
  addLane(doc, { title: "Lücken" }, { id: "lane-b" });
  addCard(doc, { laneId: "lane-a", text: "Sprachcafé", author: ben.identity }, { id: "ben-card" });
  return doc;
}

/**
 * What the server says to `change`, made by `writer` on a client that is in sync with
 * `server`: null if accepted, else the broken rule. The update is applied to a copy, as the
 * sync server does, and the rules look at that transaction.
 */
function verdict(
  server: Y.Doc,
  writer: Writer,
  change: (client: Y.Doc) => void,
  rules = checkBoardWrite,
): string | null {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(client);
  change(client);
  const update = Y.encodeStateAsUpdate(client, before);
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(server));
  let broken: string | null = null;
  copy.on("afterTransaction", (tr: Y.Transaction) => {
    if (tr.origin !== writer) return;
    try {
      rules(tr, writer);
    } catch (error) {
      if (!(error instanceof WriteRejected)) throw error;
      broken = error.message;
    }
  });
  Y.applyUpdate(copy, update, writer);
  return broken;
}

describe("board write rules", () => {
  it("accepts what the board UI does: own cards, shared text, moves, own deletes", () => {
    const doc = board();
    expect(
      verdict(doc, anna, (c) =>
        addCard(c, { laneId: "lane-b", text: "Lotsen", author: anna.identity }),
      ),
    ).toBeNull();
    expect(verdict(doc, anna, (c) => getCardText(c, "ben-card").insert(0, "Offenes "))).toBeNull();
    expect(
      verdict(doc, anna, (c) => moveCard(c, "ben-card", { laneId: "lane-b", index: 0 })),
    ).toBeNull();
    expect(verdict(doc, ben, (c) => removeCard(c, "ben-card"))).toBeNull();
    expect(verdict(doc, ben, (c) => setCardKind(c, "ben-card", "measure"))).toBeNull();
    expect(verdict(doc, moderation, (c) => removeCard(c, "ben-card"))).toBeNull();
    expect(verdict(doc, moderation, (c) => addLane(c, { title: "Angebote" }))).toBeNull();
  });

  it("refuses a card whose author is not its writer, and an authorless one", () => {
    const doc = board();
    expect(
      verdict(doc, anna, (c) =>
        addCard(c, {
          laneId: "lane-a",
          text: "Im Namen der Moderation",
          author: moderation.identity,
        }),
      ),
    ).toBe("card_author_forged");
    expect(
      verdict(doc, anna, (c) =>
        addCard(c, {
          laneId: "lane-a",
          text: "x",
          author: { id: anna.identity.id, name: "Bürgermeisterin" },
        }),
      ),
    ).toBe("card_author_forged");
    expect(
      verdict(doc, anna, (c) => addCard(c, { laneId: "lane-a", text: "anonym", author: null })),
    ).toBe("card_author_forged");
  });

  it("never lets anyone change a card's author, and only its author or a moderator delete or re-kind it", () => {
    const doc = board();
    const cardOf = (c: Y.Doc) => cardsOf(c).get("ben-card")!;
    expect(verdict(doc, anna, (c) => cardOf(c).set("author", anna.identity))).toBe(
      "card_author_fixed",
    );
    expect(verdict(doc, moderation, (c) => cardOf(c).set("author", null))).toBe(
      "card_author_fixed",
    );
    expect(verdict(doc, anna, (c) => cardOf(c).delete("author"))).toBe("card_author_fixed");
    expect(verdict(doc, anna, (c) => removeCard(c, "ben-card"))).toBe("card_delete_not_own");
    expect(verdict(doc, anna, (c) => setCardKind(c, "ben-card", "goal"))).toBe("card_kind_not_own");
    expect(
      verdict(doc, anna, (c) => {
        const replacement = new Y.Map<unknown>();
        replacement.set("id", "ben-card");
        cardsOf(c).set("ben-card", replacement);
      }),
    ).toBe("card_replaced");
  });

  it("keeps anonymous cards' text as the server published it", () => {
    const doc = board();
    // The server publishes anonymous cards (private-scope.ts); here as a plain server write.
    addCard(doc, { laneId: "lane-a", text: "Ohne Namen", author: null }, { id: "anon" });
    expect(verdict(doc, anna, (c) => getCardText(c, "anon").insert(0, "!"))).toBe(
      "anonymous_text_fixed",
    );
    expect(verdict(doc, moderation, (c) => getCardText(c, "anon").insert(0, "!"))).toBe(
      "anonymous_text_fixed",
    );
    expect(verdict(doc, anna, (c) => removeCard(c, "anon"))).toBe("card_delete_not_own");
    expect(
      verdict(doc, anna, (c) =>
        cardsOf(c)
          .get("anon")!
          .set("text", new Y.Text("Neu") as never),
      ),
    ).toBe("anonymous_text_fixed");
  });

  it("leaves lanes and their layout to moderators", () => {
    const doc = board();
    expect(verdict(doc, anna, (c) => addLane(c, { title: "Meine Spalte" }))).toBe(
      "lanes_moderators_only",
    );
    expect(
      verdict(doc, anna, (c) =>
        c.getMap<Y.Map<unknown>>("lanes").get("lane-a")!.set("position", "zz"),
      ),
    ).toBe("lanes_moderators_only");
    expect(verdict(doc, anna, (c) => c.getMap("lanes").delete("lane-b"))).toBe(
      "lanes_moderators_only",
    );
  });

  it("accepts only the schema's top-level types, keys, value types and sizes", () => {
    const doc = board();
    expect(
      verdict(doc, anna, (c) => {
        for (let i = 0; i < 1000; i++) c.getMap("junk").set(`k${i}`, "x");
      }),
    ).toBe("unknown_root:junk");
    expect(verdict(doc, anna, (c) => cardsOf(c).set("junk", "Müll" as never))).toBe(
      "card_not_a_map",
    );
    expect(verdict(doc, anna, (c) => c.getArray("cards").insert(0, [1]))).not.toBeNull();
    expect(verdict(doc, anna, (c) => cardsOf(c).get("ben-card")!.set("evil", "<script>"))).toBe(
      "card_invalid:evil",
    );
    expect(verdict(doc, anna, (c) => cardsOf(c).get("ben-card")!.set("colour", "neon"))).toBe(
      "card_invalid:colour",
    );
    expect(verdict(doc, anna, (c) => getCardText(c, "ben-card").insert(0, "x".repeat(1000)))).toBe(
      "card_invalid:text",
    );
    expect(verdict(doc, anna, (c) => getCardText(c, "ben-card").format(0, 3, { bold: true }))).toBe(
      "card_invalid:text",
    );
    expect(
      verdict(doc, anna, (c) =>
        cardsOf(c).get("ben-card")!.set("measure", { status: "bogus", responsibilities: [] }),
      ),
    ).toBe("card_invalid:measure");
    expect(
      verdict(doc, anna, (c) =>
        cardsOf(c)
          .get("ben-card")!
          .set("measure", new Y.Map() as never),
      ),
    ).toBe("card_invalid:measure");
    expect(
      verdict(doc, anna, (c) => {
        const nested = new Y.Map<unknown>();
        cardsOf(c).get("ben-card")!.set("clusterId", nested);
        nested.set("deep", "x");
      }),
    ).not.toBeNull();
  });

  it("holds the card limit per board", () => {
    const doc = new Y.Doc();
    addLane(doc, { title: "Ideen" }, { id: "lane-a" });
    doc.transact(() => {
      for (let i = 0; i < BOARD_CARDS_MAX; i++) {
        const card = new Y.Map<unknown>();
        card.set("id", `c${i}`);
        cardsOf(doc).set(`c${i}`, card);
      }
    });
    expect(
      verdict(doc, anna, (c) =>
        addCard(c, { laneId: "lane-a", text: "eine zu viel", author: anna.identity }),
      ),
    ).toBe("too_many_cards");
    expect(verdict(doc, moderation, (c) => removeCard(c, "c1"))).toBeNull();
  });
});

describe("boards the server writes itself", () => {
  it("the demo's stock-take board keeps the rules, so participants can go on editing it", () => {
    const { board } = buildDemoBoard({
      fields: DEMO_FIELDS.map((field, i) => ({
        id: crypto.randomUUID(),
        number: i + 1,
        title: field.title,
      })),
      guests: new Map(
        DEMO_BOARD_PARTICIPANTS.map((p) => [
          p.key,
          { id: crypto.randomUUID(), name: p.displayName },
        ]),
      ),
      moderator: moderation.identity,
      startsAt: Date.UTC(2026, 10, 3, 9),
    });
    expect(cardsOf(board).size).toBeGreaterThan(20);
    expect(boardProblems(board)).toEqual([]);
    // The check can fail: a card with a key no card has is a problem.
    cardsOf(board).values().next().value!.set("evil", 1);
    expect(boardProblems(board)).toHaveLength(1);
  });
});

describe("private scope write rules", () => {
  const rules = checkPrivateScopeWrite;

  it("accepts the owner's own and anonymous cards and whole dots", () => {
    const scope = new Y.Doc();
    expect(
      verdict(
        scope,
        anna,
        (c) =>
          addPrivateCard(c, {
            laneId: "l",
            text: "Still",
            author: anna.identity,
            anonymous: false,
          }),
        rules,
      ),
    ).toBeNull();
    expect(
      verdict(
        scope,
        anna,
        (c) =>
          addPrivateCard(c, {
            laneId: "l",
            text: "Anonym",
            author: anna.identity,
            anonymous: true,
          }),
        rules,
      ),
    ).toBeNull();
    expect(verdict(scope, anna, (c) => c.getMap("votes").set("1|card-1", 2), rules)).toBeNull();
  });

  it("refuses forged authors, odd vote keys and counts, and other top-level types", () => {
    const scope = new Y.Doc();
    expect(
      verdict(
        scope,
        anna,
        (c) =>
          addPrivateCard(c, { laneId: "l", text: "x", author: ben.identity, anonymous: false }),
        rules,
      ),
    ).toBe("card_author_forged");
    expect(verdict(scope, anna, (c) => c.getMap("votes").set("1|card-1", 1000), rules)).toBe(
      "vote_value",
    );
    expect(verdict(scope, anna, (c) => c.getMap("votes").set("1|card-1", 1.5), rules)).toBe(
      "vote_value",
    );
    expect(verdict(scope, anna, (c) => c.getMap("votes").set("alle", 1), rules)).toBe("vote_key");
    expect(verdict(scope, anna, (c) => c.getMap("lanes").set("x", 1), rules)).toBe(
      "unknown_root:lanes",
    );
  });
});
