/**
 * Requests waiting for the server's answer: each message with a `ref` resolves on its answer (`ack`, or
 * a reply carrying a value such as `preview`) and rejects on `error` carrying the same ref (with the
 * reason in English and Chinese), or after a timeout.
 */
export interface Bilingual {
  en: string;
  zh: string;
}

export class RequestError extends Error {
  constructor(
    readonly code: string,
    readonly reason: Bilingual,
  ) {
    super(reason.en);
    this.name = "RequestError";
  }
}

interface Waiting {
  resolve: (value: unknown) => void;
  reject: (e: RequestError) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** A few random characters, so that refs from two page loads never coincide (the server remembers refs). */
function pageNonce(): string {
  return (globalThis.crypto.getRandomValues(new Uint32Array(1))[0] as number).toString(36);
}

export class PendingRequests {
  private next = 0;
  private readonly nonce = pageNonce();
  private readonly waiting = new Map<string, Waiting>();

  constructor(private readonly timeoutMs = 10_000) {}

  /**
   * A fresh ref (short: the protocol allows 32 characters) and the promise of its answer. The server
   * answers a ref it has seen from this connection as it did before, without doing it again.
   */
  open<T = void>(): { ref: string; done: Promise<T> } {
    const ref = `${this.nonce}.${(++this.next).toString(36)}`;
    const done = new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(ref);
        reject(
          new RequestError("TIMEOUT", {
            en: "The server did not answer in time.",
            zh: "服务器未及时响应。",
          }),
        );
      }, this.timeoutMs);
      this.waiting.set(ref, { resolve: resolve as (value: unknown) => void, reject, timer });
    });
    return { ref, done };
  }

  /** Resolves the request with this ref (with the reply's body, for requests that expect one). */
  ack(ref: string, value?: unknown): boolean {
    const w = this.waiting.get(ref);
    if (!w) return false;
    clearTimeout(w.timer);
    this.waiting.delete(ref);
    w.resolve(value);
    return true;
  }

  /** Rejects the request with this ref; false when nobody waits for it (then it is a general error). */
  fail(ref: string | undefined, code: string, reason: Bilingual): boolean {
    const w = ref === undefined ? undefined : this.waiting.get(ref);
    if (!w || ref === undefined) return false;
    clearTimeout(w.timer);
    this.waiting.delete(ref);
    w.reject(new RequestError(code, reason));
    return true;
  }

  rejectAll(code: string, reason: Bilingual): void {
    for (const ref of [...this.waiting.keys()]) this.fail(ref, code, reason);
  }

  get size(): number {
    return this.waiting.size;
  }
}
