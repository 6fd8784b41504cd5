/**
 * The real server for benchmarks (production build, PGlite in a temp data folder, port 0) and
 * y-websocket board clients that time each other's edits; shared by bench:signin and bench:export.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { CardAuthor } from "@/lib/board/board-schema";
import { ownCard, timeArrivals } from "./timed-card";

const ROOT = path.resolve(import.meta.dirname, "..");

export async function startBenchServer({
  prefix,
  env = {},
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix)),
}: {
  prefix: string;
  env?: Record<string, string>;
  /** A prepared data folder (default: a new empty one, seeded with the demo at start). */
  dataDir?: string;
}): Promise<{
  child: ChildProcess;
  baseUrl: string;
  stop(): Promise<void>;
}> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      REDIS_URL: "",
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start:\n${output}`)), 180_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"msg":"listening".*?"port":(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`exited ${code}:\n${output}`)));
  });
  return {
    child,
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await new Promise((resolve) => child.once("exit", resolve));
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface BoardClient {
  edit(seq: number): void;
  close(): void;
}

/** A y-websocket client on the board that timestamps its edits and times the others' arrival. */
export async function boardClient(
  wsBase: string,
  docName: string,
  cookie: string,
  author: CardAuthor,
  latencies: number[],
): Promise<BoardClient> {
  class CookieWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsBase, docName, doc, {
    WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  timeArrivals(doc, (ms) => latencies.push(ms));
  await new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    provider.on("sync", (synced: boolean) => synced && resolve());
  });
  return {
    edit: ownCard(doc, author),
    close: () => provider.destroy(),
  };
}
