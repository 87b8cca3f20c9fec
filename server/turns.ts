// Issue 13: Node 20's libuv accepts one new connection per turn of the event loop (libuv #3696),
// and a turn runs every request whose bytes have arrived. Under a rush of bookings a turn lasted
// tens of milliseconds, so the rush's later connections waited seconds to be accepted at all (the
// holds bench's p99 of 1–2 s). Booking requests therefore take turns: a few run per turn of the
// loop, the rest wait for the next, and new connections are accepted in between.
import type { MiddlewareHandler } from 'hono';

export class Turns {
  readonly #waiting: (() => void)[] = [];
  #scheduled = false;

  constructor(readonly perTurn: number) {}

  /** Resolves in a turn of the event loop where fewer than `perTurn` others went ahead. */
  take(): Promise<void> {
    return new Promise((resolve) => {
      this.#waiting.push(resolve);
      this.#schedule();
    });
  }

  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    // Queued from a setImmediate callback, the next batch runs in the loop's next turn, after its poll for I/O.
    setImmediate(() => {
      this.#scheduled = false;
      for (const admit of this.#waiting.splice(0, this.perTurn)) admit();
      if (this.#waiting.length > 0) this.#schedule();
    });
  }

  middleware(): MiddlewareHandler {
    return async (_c, next) => {
      await this.take();
      await next();
    };
  }
}
