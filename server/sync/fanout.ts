/**
 * Passing updates and awareness between server instances. Without REDIS_URL there is one
 * instance and nothing to pass.
 */
/** "access": membership of a concept changed (docName is `concept:<id>`); re-check connections. */
export type FanoutKind = "update" | "awareness" | "access";

export interface FanoutMessage {
  docName: string;
  kind: FanoutKind;
  payload: Uint8Array;
}

export interface Fanout {
  readonly instanceId: string;
  /** Sends to the other instances; resolves once the message is stored for them. */
  publish(docName: string, kind: FanoutKind, payload: Uint8Array): Promise<void>;
  /**
   * Messages from other instances, in batches as they were read; `gap` means some may be
   * missing: reload from the database.
   */
  subscribe(handler: (batch: FanoutMessage[] | { gap: true }) => void): void;
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}

export class LocalFanout implements Fanout {
  constructor(readonly instanceId: string) {}
  async publish(): Promise<void> {}
  subscribe(): void {}
  async healthy(): Promise<boolean> {
    return true;
  }
  async close(): Promise<void> {}
}
