import { Redis } from "ioredis";
import { log } from "@/lib/log";
import { syncMetrics } from "@/lib/sync/metrics";
import type { Fanout, FanoutKind, FanoutMessage } from "./fanout";

const STREAM = "integrationskonzept:sync";
/** Entries kept in the stream; a reader that falls further behind reloads from the database. */
const MAX_LENGTH = 100_000;

type Handler = Parameters<Fanout["subscribe"]>[0];

/**
 * Fan-out through one Redis Stream. Unlike pub/sub, a stream keeps entries: a reader that
 * reconnects continues after the last id it saw, so no message is silently lost. If the entries
 * it needs were trimmed away, it reports a gap and documents are reloaded from Postgres,
 * where every update already is before it is published.
 */
export class RedisFanout implements Fanout {
  private readonly writer: Redis;
  private readonly reader: Redis;
  private handler: Handler | undefined;
  private lastId = "$";
  private stopped = false;
  private readLoop: Promise<void> | undefined;

  constructor(
    readonly instanceId: string,
    url: string,
  ) {
    const options = { maxRetriesPerRequest: null, lazyConnect: false } as const;
    this.writer = new Redis(url, options);
    this.reader = new Redis(url, options);
    const metrics = syncMetrics();
    metrics.redis.configured = true;
    for (const client of [this.writer, this.reader]) {
      client.on("error", (error) => log.warn("redis error", { error: String(error) }));
    }
    this.writer.on("ready", () => (metrics.redis.connected = true));
    this.writer.on("close", () => (metrics.redis.connected = false));
  }

  /** Resolves once reading has begun, so nothing published after start-up is missed. */
  async start(): Promise<void> {
    const [latest] = (await this.writer.xrevrange(STREAM, "+", "-", "COUNT", 1)) as Array<
      [string, string[]]
    >;
    this.lastId = latest?.[0] ?? "0-0";
    this.readLoop = this.read();
  }

  async publish(docName: string, kind: FanoutKind, payload: Uint8Array): Promise<void> {
    await this.writer.xadd(
      STREAM,
      "MAXLEN",
      "~",
      String(MAX_LENGTH),
      "*",
      "doc",
      docName,
      "from",
      this.instanceId,
      "kind",
      kind,
      "data",
      Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength),
    );
    syncMetrics().redis.published++;
  }

  subscribe(handler: Handler): void {
    this.handler = handler;
  }

  async healthy(): Promise<boolean> {
    try {
      return (await this.writer.ping()) === "PONG";
    } catch {
      return false;
    }
  }

  private async read(): Promise<void> {
    let lastGapCheck = 0;
    while (!this.stopped) {
      try {
        if (Date.now() - lastGapCheck > 5_000) {
          await this.checkForGap();
          lastGapCheck = Date.now();
        }
        const result = (await this.reader.xreadBuffer(
          "COUNT",
          1000,
          "BLOCK",
          1000,
          "STREAMS",
          STREAM,
          this.lastId,
        )) as Array<[Buffer, Array<[Buffer, Buffer[]]>]> | null;
        const batch: FanoutMessage[] = [];
        for (const [, entries] of result ?? []) {
          for (const [id, fields] of entries) {
            this.lastId = id.toString();
            const message = this.parse(fields);
            if (message) batch.push(message);
          }
        }
        if (batch.length) this.handler?.(batch);
      } catch (error) {
        if (this.stopped) return;
        log.warn("redis stream read failed; retrying", { error: String(error) });
        lastGapCheck = 0;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  /** If the oldest entry still kept is newer than the next one we need, something was trimmed. */
  private async checkForGap() {
    if (this.lastId === "0-0") return;
    const [oldest] = (await this.reader.xrange(STREAM, "-", "+", "COUNT", 1)) as Array<
      [string, string[]]
    >;
    if (oldest && compareIds(oldest[0], this.lastId) > 0 && !(await this.hasEntry(this.lastId))) {
      this.lastId = oldest[0];
      this.handler?.({ gap: true });
    }
  }

  private async hasEntry(id: string): Promise<boolean> {
    const entries = (await this.reader.xrange(STREAM, id, id)) as unknown[];
    return entries.length > 0;
  }

  /** A stream entry from another instance, or null for our own and for anything unreadable. */
  private parse(fields: Buffer[]): FanoutMessage | null {
    const map = new Map<string, Buffer>();
    for (let i = 0; i + 1 < fields.length; i += 2) map.set(fields[i]!.toString(), fields[i + 1]!);
    if (map.get("from")?.toString() === this.instanceId) return null;
    const docName = map.get("doc")?.toString();
    const kind = map.get("kind")?.toString();
    const data = map.get("data");
    if (!docName || !data || (kind !== "update" && kind !== "awareness" && kind !== "access"))
      return null;
    return { docName, kind, payload: new Uint8Array(data) };
  }

  async close(): Promise<void> {
    this.stopped = true;
    this.reader.disconnect();
    await this.readLoop;
    await this.writer.quit().catch(() => undefined);
  }
}

function compareIds(a: string, b: string): number {
  const [am = 0, as = 0] = a.split("-").map(Number);
  const [bm = 0, bs = 0] = b.split("-").map(Number);
  return am !== bm ? am - bm : as - bs;
}
