import * as Y from "yjs";
import {
  checkBoardWrite,
  checkPrivateScopeWrite,
  WriteRejected,
  type Writer,
} from "@/lib/board/write-rules";
import { checkRoots } from "@/lib/board/write-rules";
import { checkChapterWrite } from "@/lib/chapter/write-rules";
import { log } from "@/lib/log";
import { parseDocName } from "@/lib/sync/doc-names";
import type { SharedDoc } from "./shared-doc";

type Rules = (tr: Y.Transaction, writer: Writer) => void;

const CONTROL_ROOTS = new Set(["control"]);

/** The rules of a kind of document. */
function rulesFor(docName: string): Rules | null {
  switch (parseDocName(docName)?.kind) {
    case "board":
      return checkBoardWrite;
    case "board-private":
      return checkPrivateScopeWrite;
    case "board-control":
      return (tr) => checkRoots(tr, CONTROL_ROOTS);
    case "chapter":
      return checkChapterWrite;
    default:
      return null;
  }
}

/** A working copy unused this long is dropped; the next write builds it again. */
const IDLE_COPY_MS = 30_000;

export type GuardVerdict = { ok: true } | { ok: false; reason: string; malformed: boolean };

/**
 * Checks a client's update against the document's rules before it is stored or forwarded.
 * The update is applied to a working copy (the durable state plus the updates accepted and
 * still on their way to the database), and the rules look at exactly what that transaction
 * inserted and deleted. An update that breaks a rule leaves the copy behind it, so the copy is
 * rebuilt from the durable state; the loaded document itself never sees the update.
 */
export class DocGuard {
  private copy: Y.Doc | null = null;
  private readonly accepted = new Set<Uint8Array>();
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly mirror = (update: Uint8Array) => {
    if (this.copy) Y.applyUpdate(this.copy, update, "durable");
  };

  private constructor(
    private readonly shared: SharedDoc,
    private readonly rules: Rules,
  ) {
    shared.doc.on("update", this.mirror);
  }

  /** A guard for documents with rules, null for the others. */
  static for(shared: SharedDoc): DocGuard | null {
    const rules = rulesFor(shared.name);
    return rules ? new DocGuard(shared, rules) : null;
  }

  check(update: Uint8Array, writer: Writer): GuardVerdict {
    const copy = this.workingCopy();
    const hadPending = copy.store.pendingStructs !== null || copy.store.pendingDs !== null;
    let verdict: GuardVerdict = { ok: true };
    const inspect = (tr: Y.Transaction) => {
      if (tr.origin !== writer || !verdict.ok) return;
      try {
        this.rules(tr, writer);
      } catch (error) {
        if (!(error instanceof WriteRejected))
          log.warn("write rules failed", { doc: this.shared.name, error: String(error) });
        verdict = {
          ok: false,
          reason: error instanceof WriteRejected ? error.message : "invalid",
          malformed: false,
        };
      }
    };
    copy.on("afterTransaction", inspect);
    try {
      Y.applyUpdate(copy, update, writer);
    } catch {
      verdict = { ok: false, reason: "bad update", malformed: true };
    } finally {
      copy.off("afterTransaction", inspect);
    }
    if (
      verdict.ok &&
      !hadPending &&
      (copy.store.pendingStructs !== null || copy.store.pendingDs !== null)
    )
      verdict = { ok: false, reason: "missing_dependencies", malformed: false };
    if (!verdict.ok) this.discardCopy();
    else this.accepted.add(update);
    return verdict;
  }

  /** The accepted update is durable (and so in the loaded document), or was lost. */
  settled(update: Uint8Array) {
    this.accepted.delete(update);
  }

  private workingCopy(): Y.Doc {
    if (this.idleTimer) this.idleTimer.refresh();
    else this.idleTimer = setTimeout(() => this.discardCopy(), IDLE_COPY_MS).unref();
    if (this.copy) return this.copy;
    const copy = new Y.Doc({ gc: true });
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.shared.doc));
    for (const update of this.accepted) Y.applyUpdate(copy, update);
    this.copy = copy;
    return copy;
  }

  private discardCopy() {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.copy?.destroy();
    this.copy = null;
  }

  destroy() {
    this.shared.doc.off("update", this.mirror);
    this.discardCopy();
  }
}
