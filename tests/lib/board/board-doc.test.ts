import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addCard,
  addLane,
  applyLaneTemplate,
  clusterCards,
  getCard,
  getCardText,
  getCards,
  getClusters,
  getLanes,
  linkMeasureToGoal,
  moveCard,
  removeCard,
  removeCluster,
  removeLane,
  renameLane,
  setCardCluster,
  setCardKind,
  setCardText,
  setMeasureFields,
} from "@/lib/board/board-doc";
import { AppError } from "@/lib/errors";
import { codeOf } from "../../support/app-error";

const author = { id: "user-1", name: "Koordinierungsstelle" };
const labels = {
  strengths: "Stärken",
  gaps: "Lücken",
  offers: "Bestehende Angebote",
  free: "Spalte",
};
const fields = [
  { id: "00000000-0000-4000-8000-000000000001", number: 2, title: "Ankommen erleichtern" },
  { id: "00000000-0000-4000-8000-000000000002", number: 3, title: "Deutschförderung" },
];

function board() {
  const doc = new Y.Doc();
  const lane = addLane(doc, { title: "Ideen" }, { id: "lane-a" });
  const other = addLane(doc, { title: "Fragen" }, { id: "lane-b" });
  return { doc, lane, other };
}

/** Two replicas exchanging updates, as two browsers through the server would. */
function replicas() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on(
    "update",
    (u: Uint8Array, origin: unknown) => origin !== "peer" && Y.applyUpdate(b, u, "peer"),
  );
  b.on(
    "update",
    (u: Uint8Array, origin: unknown) => origin !== "peer" && Y.applyUpdate(a, u, "peer"),
  );
  return { a, b };
}

describe("board lanes", () => {
  it("lays out templates and keeps lanes that already hold cards", () => {
    const doc = new Y.Doc();
    applyLaneTemplate(doc, { template: "goals_measures", fields, labels });
    expect(getLanes(doc).map((l) => l.title)).toEqual([
      "2 Ankommen erleichtern",
      "3 Deutschförderung",
    ]);
    addCard(doc, { laneId: getLanes(doc)[0]!.id, text: "Willkommensmappe", author });

    applyLaneTemplate(doc, { template: "stock_take", fields, labels });
    const titles = getLanes(doc).map((l) => l.title);
    expect(titles[0]).toBe("2 Ankommen erleichtern"); // kept: it holds a card
    expect(titles.slice(1)).toEqual([
      "2 Ankommen erleichtern: Stärken",
      "2 Ankommen erleichtern: Lücken",
      "2 Ankommen erleichtern: Bestehende Angebote",
      "3 Deutschförderung: Stärken",
      "3 Deutschförderung: Lücken",
      "3 Deutschförderung: Bestehende Angebote",
    ]);
    expect(getLanes(doc)[2]).toMatchObject({ fieldId: fields[0]!.id, column: "gaps" });
  });

  it("renames lanes, refuses empty titles, and keeps cards when a lane is removed", () => {
    const { doc, lane, other } = board();
    renameLane(doc, lane.id, "Stärken");
    expect(getLanes(doc)[0]!.title).toBe("Stärken");
    expect(codeOf(() => renameLane(doc, lane.id, "  "))).toBe("bad_request:input");
    const card = addCard(doc, {
      laneId: other.id,
      text: "Wer finanziert das?",
      kind: "question",
      author,
    });
    removeLane(doc, other.id);
    expect(getCard(doc, card.id)?.laneId).toBe(lane.id);
    expect(codeOf(() => removeLane(doc, lane.id))).toBe("conflict:last_lane");
  });
});

describe("board cards", () => {
  it("adds cards in order, with validated input and no author for anonymous cards", () => {
    const { doc, lane } = board();
    addCard(doc, { laneId: lane.id, text: "Sprachcafé", author }, { id: "c1", now: 1000 });
    const anonymous = addCard(doc, {
      laneId: lane.id,
      text: "Diskriminierung bei der Wohnungssuche",
      author: null,
    });
    expect(getCards(doc).map((c) => c.text)).toEqual([
      "Sprachcafé",
      "Diskriminierung bei der Wohnungssuche",
    ]);
    expect(getCard(doc, "c1")).toMatchObject({
      kind: "idea",
      colour: "yellow",
      author,
      createdAt: 1000,
    });
    expect(anonymous.author).toBeNull();
    const stored = (doc.getMap("cards").get(anonymous.id) as Y.Map<unknown>).toJSON();
    expect(stored.author).toBeNull();
    expect(JSON.stringify(stored)).not.toContain(author.id);
    expect(codeOf(() => addCard(doc, { laneId: "nope", text: "x", author }))).toBe(
      "not_found:lane",
    );
    expect(codeOf(() => addCard(doc, { laneId: lane.id, text: "x".repeat(1001), author }))).toBe(
      "bad_request:input",
    );
    expect(codeOf(() => addCard(doc, { laneId: lane.id, kind: "wish" as never, author }))).toBe(
      "bad_request:input",
    );
  });

  it("edits text inline as Y.Text, so two people typing in one card both keep their words", () => {
    const { a, b } = replicas();
    addLane(a, { title: "Ideen" }, { id: "lane" });
    addCard(a, { laneId: "lane", text: "lotsen", author }, { id: "card" });
    getCardText(a, "card").insert(0, "Integrations");
    getCardText(b, "card").insert(getCardText(b, "card").length, " gewinnen");
    expect(getCard(a, "card")?.text).toBe("Integrationslotsen gewinnen");
    expect(getCard(b, "card")?.text).toBe("Integrationslotsen gewinnen");
    setCardText(a, "card", "Integrationslots*innen gewinnen");
    expect(getCard(b, "card")?.text).toBe("Integrationslots*innen gewinnen");
  });

  it("moves cards between lanes and within a lane by index", () => {
    const { doc, lane, other } = board();
    for (const text of ["A", "B", "C"])
      addCard(doc, { laneId: lane.id, text, author }, { id: text });
    moveCard(doc, "C", { laneId: lane.id, index: 0 });
    expect(getCards(doc, { laneId: lane.id }).map((c) => c.text)).toEqual(["C", "A", "B"]);
    moveCard(doc, "A", { laneId: other.id, index: 5 });
    expect(getCards(doc, { laneId: other.id }).map((c) => c.text)).toEqual(["A"]);
    moveCard(doc, "B", { laneId: other.id, index: 0 });
    expect(getCards(doc).map((c) => c.text)).toEqual(["C", "B", "A"]);
  });

  it("lets two people move different cards at the same time without disturbing each other", () => {
    const a = new Y.Doc();
    addLane(a, { title: "Ideen" }, { id: "lane" });
    for (const text of ["A", "B", "C", "D"])
      addCard(a, { laneId: "lane", text, author }, { id: text });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    moveCard(a, "A", { laneId: "lane", index: 3 }); // A to the end
    moveCard(b, "D", { laneId: "lane", index: 0 }); // D to the front, concurrently
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const order = getCards(a).map((c) => c.text);
    expect(getCards(b).map((c) => c.text)).toEqual(order);
    expect(order).toEqual(["D", "B", "C", "A"]);
  });

  it("links measures to goals and carries measure fields", () => {
    const { doc, lane } = board();
    const goal = addCard(doc, {
      laneId: lane.id,
      kind: "goal",
      text: "Neuzugewanderte finden schnell Beratung",
      author,
    });
    const measure = addCard(doc, {
      laneId: lane.id,
      kind: "measure",
      text: "Ankunftsbroschüre",
      author,
    });
    const idea = addCard(doc, { laneId: lane.id, text: "Idee", author });
    expect(measure.measure).toEqual({
      responsibilities: [],
      target: "",
      timeframe: "",
      priority: null,
      status: "new",
    });
    linkMeasureToGoal(doc, measure.id, goal.id);
    expect(getCard(doc, measure.id)?.goalCardId).toBe(goal.id);
    expect(codeOf(() => linkMeasureToGoal(doc, measure.id, idea.id))).toBe("bad_request:card");
    expect(codeOf(() => linkMeasureToGoal(doc, idea.id, goal.id))).toBe("bad_request:card");

    setMeasureFields(doc, measure.id, {
      responsibilities: [
        { organisation: "Koordinierungsstelle MuT", role: "lead" },
        { organisation: "Bürgerbüro", role: "involved" },
      ],
      target: "mehrsprachig, per QR-Code",
      timeframe: "2026",
      priority: "quick_win",
      status: "planned",
    });
    expect(getCard(doc, measure.id)?.measure?.responsibilities).toHaveLength(2);
    expect(codeOf(() => setMeasureFields(doc, measure.id, { priority: "sehr hoch" }))).toBe(
      "bad_request:input",
    );

    // A goal card that is deleted leaves no dangling link; a measure turned into an idea drops it.
    removeCard(doc, goal.id);
    expect(getCard(doc, measure.id)?.goalCardId).toBeNull();
    setCardKind(doc, measure.id, "idea");
    expect(getCard(doc, measure.id)?.kind).toBe("idea");
  });

  it("groups cards into titled clusters within a lane", () => {
    const { doc, lane, other } = board();
    addCard(doc, { laneId: lane.id, text: "Kita", author }, { id: "k" });
    addCard(doc, { laneId: other.id, text: "Schule", author }, { id: "s" });
    const cluster = clusterCards(
      doc,
      { laneId: lane.id, title: "Bildung", cardIds: ["k", "s"] },
      { id: "cl" },
    );
    expect(getClusters(doc)).toEqual([{ id: "cl", laneId: lane.id, title: "Bildung" }]);
    expect(getCards(doc, { laneId: lane.id }).map((c) => [c.id, c.clusterId])).toEqual([
      ["k", cluster.id],
      ["s", cluster.id],
    ]);
    moveCard(doc, "s", { laneId: other.id, index: 0 });
    expect(getCard(doc, "s")?.clusterId).toBeNull(); // leaving the lane leaves the cluster
    expect(() => setCardCluster(doc, "s", cluster.id)).toThrowError(AppError); // other lane
    moveCard(doc, "s", { laneId: lane.id, index: 0 });
    setCardCluster(doc, "s", cluster.id);
    expect(getCard(doc, "s")?.clusterId).toBe(cluster.id);
    setCardCluster(doc, "s", null);
    expect(getCard(doc, "s")?.clusterId).toBeNull();
    removeCluster(doc, cluster.id);
    expect(getCard(doc, "k")?.clusterId).toBeNull();
  });
});
