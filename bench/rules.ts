/**
 * `npm run bench:rules`: what the sync server's board rules cost per update. A board of 500
 * cards; a participant's client makes card text edits, moves and new cards; each update is
 * applied to the server's working copy twice over: once plainly, once with the rules checking
 * the transaction (as server/sync/doc-guard.ts does). Prints the extra time per update.
 *
 * Options: --cards 500 --updates 3000
 */
import * as Y from "yjs";
import { addCard, addLane, getCardText, getLanes, moveCard } from "@/lib/board/board-doc";
import { checkBoardWrite, type Writer } from "@/lib/board/write-rules";
import { median, numberArg, printTable, writeResults } from "./report";

const CARDS = numberArg("--cards", 500);
const UPDATES = numberArg("--updates", 3000);

const writer: Writer = { identity: { id: "guest-1", name: "Amira Haddad" }, moderator: false };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const server = new Y.Doc();
for (let i = 0; i < 9; i++) addLane(server, { title: `${i + 1} Handlungsfeld` });
const lanes = getLanes(server);
for (let i = 0; i < CARDS; i++)
  addCard(server, {
    laneId: lanes[i % lanes.length]!.id,
    text: `Karte ${i}: Vorschlag aus der Arbeitsgruppe`,
    author: writer.identity,
  });

// The client's updates, made up front: mostly text edits, some moves and new cards.
const client = new Y.Doc();
Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
const updates: Array<{ kind: string; update: Uint8Array }> = [];
client.on("update", (update: Uint8Array) => updates.push({ kind: current, update }));
let current = "";
const ids = [...client.getMap("cards").keys()];
for (let i = 0; i < UPDATES; i++) {
  const id = ids[i % ids.length]!;
  if (i % 10 === 9) {
    current = "new card";
    addCard(client, { laneId: lanes[i % lanes.length]!.id, text: "Neu", author: writer.identity });
  } else if (i % 10 === 8) {
    current = "move";
    moveCard(client, id, { laneId: lanes[(i + 1) % lanes.length]!.id, index: 0 });
  } else {
    current = "text edit";
    getCardText(client, id).insert(0, "x");
  }
}

function run(withRules: boolean): Map<string, number[]> {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(server));
  const inspect = (tr: Y.Transaction) => {
    if (tr.origin === writer) checkBoardWrite(tr, writer);
  };
  if (withRules) copy.on("afterTransaction", inspect);
  const times = new Map<string, number[]>();
  for (const { kind, update } of updates) {
    const started = performance.now();
    Y.applyUpdate(copy, update, writer);
    const list = times.get(kind) ?? [];
    list.push((performance.now() - started) * 1000);
    times.set(kind, list);
  }
  return times;
}

run(true); // warm-up
const plain = run(false);
const checked = run(true);
const header = [
  "update",
  "count",
  "apply p50 µs",
  "with rules p50 µs",
  "apply p99 µs",
  "with rules p99 µs",
];
const rows = [...plain.keys()].map((kind) => {
  const a = [...plain.get(kind)!].sort((x, y) => x - y);
  const b = [...checked.get(kind)!].sort((x, y) => x - y);
  return [
    kind,
    String(a.length),
    ...[median(a), median(b), percentile(a, 99), percentile(b, 99)].map((v) => v.toFixed(0)),
  ];
});
printTable(header, rows);
writeResults("rules", { cards: CARDS, updates: UPDATES, header, rows });
