// Every edit is saved before the UI lets go of it. A screen with edits in progress registers a
// flush; switching screens and closing the window wait for all of them, and stay where they are
// when one fails (the field then shows why it was not saved).

/** Saves what is in progress; resolves to false when a save failed. */
export type Flush = () => Promise<boolean>;

const flushes = new Set<Flush>();

/** Registers `flush` until the returned function is called (on the screen's destroy). */
export function registerFlush(flush: Flush): () => void {
  flushes.add(flush);
  return () => flushes.delete(flush);
}

/** Runs every registered flush; true when all of them saved. */
export async function flushAll(): Promise<boolean> {
  const results = await Promise.all([...flushes].map((flush) => flush().catch(() => false)));
  return results.every(Boolean);
}

/** The event the app sends to the page when the user closes the window (src-tauri closing.rs). */
export const CLOSE_EVENT = "avg-borging-sluiten";

/**
 * What to do with a close request: save everything, then close. When a save failed, the window
 * stays open once so the user sees which field was not saved and why; a second close request
 * closes anyway.
 */
export class CloseGuard {
  private refusedOnce = false;

  constructor(
    private readonly flush: () => Promise<boolean>,
    private readonly finish: (close: boolean) => Promise<void>,
  ) {}

  /** Handles one close request; resolves to whether the window was let go. */
  async request(): Promise<boolean> {
    const saved = await this.flush();
    const close = saved || this.refusedOnce;
    this.refusedOnce = !close;
    await this.finish(close);
    return close;
  }
}

/**
 * Runs saves one after another, in the order they were asked for. An undo waits for the saves
 * before it (`idle`): otherwise it could take back an older change while a newer one is still on
 * its way, and the newer one would land after the undo.
 */
export class SaveQueue {
  private last: Promise<unknown> = Promise.resolve();

  /** Runs `task` after every task queued before it; resolves with its result. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.last.then(task, task);
    this.last = next.catch(() => undefined);
    return next;
  }

  /** Resolves once every task queued so far has finished. */
  idle(): Promise<void> {
    return this.last.then(() => undefined);
  }
}
