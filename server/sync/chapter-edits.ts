import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { chapters } from "@/lib/db/schema";
import { log } from "@/lib/log";
import { parseDocName } from "@/lib/sync/doc-names";

/** At most one "last edited" write per chapter this often. */
const THROTTLE_MS = 10_000;

/**
 * Records who last wrote to a chapter and when (the chapters list shows it), from the accepted
 * updates the sync server makes durable. Throttled per document, so a typing author costs one
 * small write every 10 s, not one per keystroke; the last writer of a burst is recorded when the
 * window ends.
 */
export class ChapterEdits {
  private readonly lastWrite = new Map<string, number>();
  private readonly pending = new Map<string, { userId: string; at: Date; timer: NodeJS.Timeout }>();

  constructor(
    private readonly db: Db,
    private readonly throttleMs = THROTTLE_MS,
  ) {}

  /** A user's accepted write to a document (anything but a chapter is ignored). */
  note(docName: string, userId: string, at = new Date()) {
    const parsed = parseDocName(docName);
    if (parsed?.kind !== "chapter") return;
    const pending = this.pending.get(docName);
    if (pending) {
      pending.userId = userId;
      pending.at = at;
      return;
    }
    const wait = (this.lastWrite.get(docName) ?? 0) + this.throttleMs - at.getTime();
    if (wait <= 0) return void this.write(parsed.id, docName, userId, at);
    const timer = setTimeout(() => {
      const entry = this.pending.get(docName);
      this.pending.delete(docName);
      if (entry) void this.write(parsed.id, docName, entry.userId, entry.at);
    }, wait);
    timer.unref();
    this.pending.set(docName, { userId, at, timer });
  }

  private async write(chapterId: string, docName: string, userId: string, at: Date) {
    this.lastWrite.set(docName, at.getTime());
    try {
      await this.db
        .update(chapters)
        .set({ lastEditedBy: userId, lastEditedAt: at })
        .where(eq(chapters.id, chapterId));
    } catch (error) {
      log.warn("last edit not recorded", { doc: docName, error: String(error) });
    }
  }

  /** Writes what is still waiting (on shutdown). */
  async flush() {
    const entries = [...this.pending.entries()];
    this.pending.clear();
    await Promise.all(
      entries.map(([docName, entry]) => {
        clearTimeout(entry.timer);
        const parsed = parseDocName(docName);
        return parsed ? this.write(parsed.id, docName, entry.userId, entry.at) : undefined;
      }),
    );
  }
}
