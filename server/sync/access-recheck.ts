import type { Db } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { CLOSE_CODES, type CloseCode } from "@/lib/sync/close-codes";
import type { Principal } from "@/lib/auth/principal";
import { resolveDocAccess, type DocAccess } from "@/lib/sync/doc-access";
import { formatDocName, parseDocName } from "@/lib/sync/doc-names";
import type { Connection } from "./connection";

/**
 * The document name whose write access makes a writer a moderator of a board document: the
 * workshop's control document. Chapters have no moderator rules in the document.
 */
function moderationDocOf(docName: string): string | null {
  const parsed = parseDocName(docName);
  if (!parsed || parsed.kind === "chapter") return null;
  return formatDocName({ kind: "board-control", id: parsed.id });
}

/** Whether a writer moderates the board a document belongs to (the rules let them do more). */
export async function moderatesDoc({
  db,
  docName,
  principal,
}: {
  db: Db;
  docName: string;
  principal: Principal;
}): Promise<boolean> {
  const control = moderationDocOf(docName);
  if (!control) return false;
  const access = await resolveDocAccess({ db, docName: control, principal }).catch(() => "read");
  return access === "write";
}

function closeCodeOf(error: AppError): CloseCode {
  if (error.status === 401) return CLOSE_CODES.unauthorized;
  if (error.status === 404) return CLOSE_CODES.notFound;
  return CLOSE_CODES.forbidden;
}

/**
 * Re-checks the access of open connections (after a membership, guest or chapter status
 * change): those who lost it are closed with 4401/4403/4404, so their client stops and says
 * why; those who may now only read are told so and their writes dropped from then on; those
 * who may write again, or who became or stopped being a moderator, reconnect (4000), so the
 * board's rules see them as they now are. Each person and document is asked once.
 */
export async function recheckAccess({
  db,
  connections,
}: {
  db: Db;
  connections: Iterable<Connection>;
}): Promise<void> {
  const verdicts = new Map<string, Promise<DocAccess | AppError>>();
  const moderation = new Map<string, Promise<boolean>>();
  const once = <T>(
    cache: Map<string, Promise<T>>,
    connection: Connection,
    ask: () => Promise<T>,
  ) => {
    const { principal, shared } = connection;
    const who = principal.kind === "user" ? principal.userId : principal.guestId;
    const key = `${principal.kind}.${who} ${shared.name}`;
    let answer = cache.get(key);
    if (!answer) cache.set(key, (answer = ask()));
    return answer;
  };
  const verdictOf = (connection: Connection) =>
    once(verdicts, connection, () =>
      resolveDocAccess({
        db,
        docName: connection.shared.name,
        principal: connection.principal,
      }).catch((error: unknown) => {
        if (isAppError(error)) return error;
        throw error;
      }),
    );
  const moderatorOf = (connection: Connection) =>
    once(moderation, connection, () =>
      moderatesDoc({ db, docName: connection.shared.name, principal: connection.principal }),
    );
  await Promise.all(
    [...connections].map(async (connection) => {
      try {
        const verdict = await verdictOf(connection);
        if (verdict === "read") connection.restrictToRead();
        else if (verdict !== "write") connection.close(closeCodeOf(verdict), verdict.code);
        else if ((await moderatorOf(connection)) !== connection.moderator)
          connection.close(CLOSE_CODES.resync, "role changed");
        else connection.allowWrite();
      } catch (error) {
        log.error("access not re-checked", { doc: connection.shared.name, error: String(error) });
      }
    }),
  );
}
