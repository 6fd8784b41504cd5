/**
 * What one connection may cost the server. Every bound holds per socket on the server, whatever
 * the client is: messages and bytes per second, bytes waiting to be handled, bytes waiting to be
 * sent, a document's size, and the time until the sync handshake.
 */
export interface ConnectionLimits {
  /** Sustained messages per second; the bucket holds `burst`. */
  messagesPerSecond: number;
  burst: number;
  /** Sustained bytes per second received; the bucket holds `byteBurst`. */
  bytesPerSecond: number;
  byteBurst: number;
  /** Bytes received and not yet handled (while the document loads or the database is slow). */
  maxQueuedBytes: number;
  /** Bytes waiting in the socket to be sent: a client that reads slower is closed. */
  maxBufferedBytes: number;
  /** Largest size a document may grow to (durable state plus pending updates). */
  maxDocBytes: number;
  /** A socket that has not asked for the document (sync step 1) by then is closed. */
  handshakeTimeoutMs: number;
}

/** A token bucket: `rate` tokens a second, at most `capacity` saved up. */
export class TokenBucket {
  private tokens: number;
  private last = performance.now();

  constructor(
    private readonly rate: number,
    private readonly capacity: number,
  ) {
    this.tokens = capacity;
  }

  take(amount = 1): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    if (this.tokens < amount) return false;
    this.tokens -= amount;
    return true;
  }
}

/**
 * Open sockets counted by key (a principal, a sync token): opening one more than allowed is
 * refused. `open` returns the release function, or null when the cap is reached.
 */
export class SocketCaps {
  private readonly counts = new Map<string, number>();

  open(keys: Array<{ key: string; max: number }>): (() => void) | null {
    if (keys.some(({ key, max }) => (this.counts.get(key) ?? 0) >= max)) return null;
    for (const { key } of keys) this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const { key } of keys) {
        const left = (this.counts.get(key) ?? 1) - 1;
        if (left > 0) this.counts.set(key, left);
        else this.counts.delete(key);
      }
    };
  }
}
