import type * as Y from "yjs";
import { getControlState, setVoteResults } from "@/lib/board/board-control";
import { identityOf } from "@/lib/auth/identity";
import type { CardAuthor } from "@/lib/board/board-schema";
import {
  countDots,
  getMyDots,
  getPrivateCards,
  publishPrivateCards,
} from "@/lib/board/private-scope";
import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { formatDocName, parseDocName } from "@/lib/sync/doc-names";

/** What the scopes need from the sync server: loaded documents and server-made changes. */
export interface ScopeHost {
  /** Runs `read` on the loaded (durable) state of a document, keeping it loaded meanwhile. */
  withDoc<T>(docName: string, read: (doc: Y.Doc) => T | Promise<T>): Promise<T>;
  /**
   * Changes documents as the server: `change` gets a working copy of each, the resulting
   * updates are persisted in the order given, then applied and forwarded like any other.
   */
  change(docNames: string[], change: (...docs: Y.Doc[]) => void): Promise<void>;
  /** Names of every private scope of a workshop that has ever been written. */
  scopeNames(workshopId: string): Promise<string[]>;
}

/**
 * The server's side of private writing and dot voting. After a client's change to a board's
 * control document or to a private scope, `reconcile` makes the shared board match the
 * facilitator's state:
 * - private mode off: private cards are published onto the board (every scope's at the moment
 *   private mode ends: the reveal; after that, a scope's as soon as it holds one)
 * - a round revealed: everyone's dots are counted into the control document
 * Every step is idempotent, so running it again (or on two instances) changes nothing more.
 * Runs are serialised per workshop.
 */
export class BoardScopes {
  private readonly running = new Map<string, Promise<void>>();
  /** Private mode as last seen per workshop, so control changes only sweep scopes at the reveal. */
  private readonly lastPrivateMode = new Map<string, boolean>();

  constructor(
    private readonly db: Db,
    private readonly host: ScopeHost,
  ) {}

  /** A client changed `docName`; returns when the board is reconciled (errors are logged). */
  afterClientChange(docName: string): Promise<void> {
    const parsed = parseDocName(docName);
    if (!parsed || (parsed.kind !== "board-control" && parsed.kind !== "board-private"))
      return Promise.resolve();
    const workshopId = parsed.id;
    const scope = parsed.kind === "board-private" ? docName : null;
    const previous = this.running.get(workshopId) ?? Promise.resolve();
    const next = previous
      .then(() => this.reconcile(workshopId, scope))
      .catch((error: unknown) =>
        log.error("board not reconciled", { workshopId, error: String(error) }),
      )
      .finally(() => {
        if (this.running.get(workshopId) === next) this.running.delete(workshopId);
      });
    this.running.set(workshopId, next);
    return next;
  }

  /** Resolves when no reconciliation is running. */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.all(this.running.values());
  }

  private async reconcile(workshopId: string, changedScope: string | null) {
    const controlName = formatDocName({ kind: "board-control", id: workshopId });
    const boardName = formatDocName({ kind: "board", id: workshopId });
    const control = await this.host.withDoc(controlName, getControlState);

    const wasPrivate = this.lastPrivateMode.get(workshopId);
    this.lastPrivateMode.set(workshopId, control.privateMode);
    if (!control.privateMode) {
      if (changedScope) await this.publish(boardName, changedScope);
      else if (wasPrivate !== false)
        for (const scope of await this.host.scopeNames(workshopId))
          await this.publish(boardName, scope);
    }

    const { voting, results } = control;
    if (voting.status === "revealed" && results?.round !== voting.round) {
      await this.countRound(workshopId, voting.round);
    }
  }

  private async publish(boardName: string, scopeName: string) {
    const due = await this.host.withDoc(scopeName, (scope) => getPrivateCards(scope).length);
    if (due === 0) return;
    const author = await this.authorOf(scopeName);
    if (!author) return;
    let published: string[] = [];
    await this.host.change([boardName, scopeName], (board, scope) => {
      published = publishPrivateCards({ scope: scope!, board: board!, author });
    });
    log.info("private cards published", { scope: scopeName, count: published.length });
  }

  private async countRound(workshopId: string, round: number) {
    const names = await this.host.scopeNames(workshopId);
    const ballots = await Promise.all(
      names.map((name) => this.host.withDoc(name, (scope) => getMyDots(scope, round))),
    );
    const controlName = formatDocName({ kind: "board-control", id: workshopId });
    const boardName = formatDocName({ kind: "board", id: workshopId });
    await this.host.change([controlName, boardName], (control, board) => {
      const { voting, results } = getControlState(control!);
      if (voting.round !== round || voting.status !== "revealed" || results?.round === round)
        return;
      setVoteResults(control!, countDots({ ballots, board: board!, voting }));
    });
  }

  /** The owner of a scope as the board shows them: what the database says, not the client. */
  private authorOf(scopeName: string): Promise<CardAuthor | null> {
    const parsed = parseDocName(scopeName);
    if (parsed?.kind !== "board-private") return Promise.resolve(null);
    const [kind, id] = parsed.owner.split(".") as ["user" | "guest", string];
    return identityOf({
      db: this.db,
      principal: kind === "user" ? { kind, userId: id } : { kind, guestId: id },
    });
  }
}
