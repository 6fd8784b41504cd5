import type { Db } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { CLOSE_CODES, type CloseCode } from "@/lib/sync/close-codes";
import { resolveDocAccess, type DocAccess } from "@/lib/sync/doc-access";
import type { Connection } from "./connection";

function closeCodeOf(error: AppError): CloseCode {
  if (error.status === 401) return CLOSE_CODES.unauthorized;
  if (error.status === 404) return CLOSE_CODES.notFound;
  return CLOSE_CODES.forbidden;
}

/**
 * Re-checks the access of open connections (after a membership, guest or chapter status
 * change): those who lost it are closed with 4401/4403/4404, so their client stops and says
 * why; those who may now only read are told so and their writes dropped from then on; those
 * who may write again reconnect (4000). Each person and document is asked once.
 */
export async function recheckAccess({
  db,
  connections,
}: {
  db: Db;
  connections: Iterable<Connection>;
}): Promise<void> {
  const verdicts = new Map<string, Promise<DocAccess | AppError>>();
  const verdictOf = (connection: Connection) => {
    const { principal, shared } = connection;
    const who = principal.kind === "user" ? principal.userId : principal.guestId;
    const key = `${principal.kind}.${who} ${shared.name}`;
    let verdict = verdicts.get(key);
    if (!verdict) {
      verdict = resolveDocAccess({ db, docName: shared.name, principal }).catch(
        (error: unknown) => {
          if (isAppError(error)) return error;
          throw error;
        },
      );
      verdicts.set(key, verdict);
    }
    return verdict;
  };
  await Promise.all(
    [...connections].map(async (connection) => {
      try {
        const verdict = await verdictOf(connection);
        if (verdict === "read") connection.restrictToRead();
        else if (verdict === "write") connection.allowWrite();
        else connection.close(closeCodeOf(verdict), verdict.code);
      } catch (error) {
        log.error("access not re-checked", { doc: connection.shared.name, error: String(error) });
      }
    }),
  );
}
