import { Redis } from "ioredis";
import { log } from "@/lib/log";
import { syncMetrics } from "@/lib/sync/metrics";
import type { Fanout, FanoutKind, FanoutMessage } from "./fanout";

/** Entries kept in the stream; a reader that falls further behind reloads from the database. */
const MAX_LENGTH = 100_000;

type Handler = Parameters<Fanout["subscribe"]>[0];

type ReadReply = Array<[Buffer, Array<[Buffer, Buffer[]]>]> | null;

/** What XINFO STREAM says about how many entries the stream holds and ever took. */
interface StreamCount {
  length: number;
  entriesAdded: number;
  lastGeneratedId: string;
}

/**
 * Fan-out through one Redis Stream. Unlike pub/sub, a stream keeps entries: a reader that
 * reconnects continues after the last id it saw, so no message is silently lost. The reader
 * counts every entry it reads; with each read it asks the stream how many entries were ever
 * added and how many are still kept. If more are unread than kept, entries it never saw were
 * trimmed away (it fell too far behind, or the stream was deleted): it reports a gap, and
 * documents are reloaded from Postgres, where every update already is before it is published.
 */
export class RedisFanout implements Fanout {
  private readonly writer: Redis;
  private readonly reader: Redis;
  private handler: Handler | undefined;
  private lastId = "0-0";
  /** Entries added before reading began plus every entry read since. */
  private accountedFor = 0;
  private stopped = false;
  private readLoop: Promise<void> | undefined;

  constructor(
    readonly instanceId: string,
    url: string,
    /** The stream's key; instances that work together share it. */
    private readonly stream: string,
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
    const count = await this.writer.xinfo("STREAM", this.stream).then(
      (reply) => parseStreamCount(reply),
      () => null, // no stream yet
    );
    this.resetTo(count);
    this.readLoop = this.read();
  }

  /** Reads on from the end of the stream as it is now. */
  private resetTo(count: StreamCount | null | undefined) {
    this.lastId = count?.lastGeneratedId ?? "0-0";
    this.accountedFor = count?.entriesAdded ?? 0;
  }

  async publish(docName: string, kind: FanoutKind, payload: Uint8Array): Promise<void> {
    await this.writer.xadd(
      this.stream,
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
    while (!this.stopped) {
      try {
        // XINFO runs right after the blocking XREAD returns, on the same connection.
        const [[readError, reply], [infoError, info]] = (await this.reader
          .pipeline()
          .xreadBuffer("COUNT", 1000, "BLOCK", 1000, "STREAMS", this.stream, this.lastId)
          .xinfo("STREAM", this.stream)
          .exec()) as [[Error | null, ReadReply], [Error | null, unknown]];
        if (readError) throw readError;
        const batch: FanoutMessage[] = [];
        for (const [, entries] of reply ?? []) {
          for (const [id, fields] of entries) {
            this.lastId = id.toString();
            this.accountedFor++;
            const message = this.parse(fields);
            if (message) batch.push(message);
          }
        }
        // An error here means there is no stream (any more).
        const count = infoError ? null : parseStreamCount(info);
        if (this.missedEntries(count)) {
          log.warn("redis stream entries missed; reloading documents", { stream: this.stream });
          this.resetTo(count);
          this.handler?.({ gap: true });
        }
        if (batch.length) this.handler?.(batch);
      } catch (error) {
        if (this.stopped) return;
        log.warn("redis stream read failed; retrying", { error: String(error) });
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  /**
   * Whether entries this reader never read are gone: more are unread than the stream keeps
   * (trimmed), fewer were ever added than we counted, or the stream itself is gone (deleted).
   * `undefined`: this Redis does not count (before 7.0), so nothing can be told.
   */
  private missedEntries(count: StreamCount | null | undefined): boolean {
    if (count === undefined) return false;
    if (count === null) return this.accountedFor > 0;
    const unread = count.entriesAdded - this.accountedFor;
    return unread < 0 || unread > count.length;
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

function parseStreamCount(reply: unknown): StreamCount | undefined {
  if (!Array.isArray(reply)) return undefined;
  const fields = new Map<string, unknown>();
  for (let i = 0; i + 1 < reply.length; i += 2) fields.set(String(reply[i]), reply[i + 1]);
  const length = Number(fields.get("length"));
  const entriesAdded = Number(fields.get("entries-added"));
  if (!Number.isFinite(length) || !Number.isFinite(entriesAdded)) return undefined;
  return { length, entriesAdded, lastGeneratedId: String(fields.get("last-generated-id")) };
}
