/** Messages between the main thread and the PGlite worker. */
export type WorkerRequest =
  | {
      id: number;
      kind: "query";
      sql: string;
      params: unknown[];
      rowMode?: "array" | "object";
      /** Type OIDs to hand back as raw strings (drizzle parses dates itself). */
      rawTypes: number[];
      transaction?: number;
    }
  | { id: number; kind: "begin" }
  | { id: number; kind: "end"; transaction: number; commit: boolean }
  | { id: number; kind: "close" };

export type WorkerReply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: Record<string, unknown> };
