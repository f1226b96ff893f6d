import { describe, expect, it } from "vitest";
import { CloseGuard, flushAll, registerFlush } from "./saving";

describe("flushAll", () => {
  it("waits for every registered save and reports a failed one", async () => {
    const saved: string[] = [];
    const offA = registerFlush(async () => {
      await new Promise((r) => setTimeout(r, 5));
      saved.push("deadline");
      return true;
    });
    const offB = registerFlush(async () => false);
    expect(await flushAll()).toBe(false);
    expect(saved).toEqual(["deadline"]);
    offB();
    expect(await flushAll()).toBe(true);
    offA();
  });

  it("treats a save that throws as not saved", async () => {
    const off = registerFlush(() => Promise.reject(new Error("schijf vol")));
    expect(await flushAll()).toBe(false);
    off();
  });
});

describe("CloseGuard", () => {
  it("closes after the saves, keeps the window once when a save failed, then closes", async () => {
    const answers: boolean[] = [];
    let ok = false;
    const guard = new CloseGuard(
      async () => ok,
      async (close) => {
        answers.push(close);
      },
    );
    expect(await guard.request()).toBe(false);
    expect(await guard.request()).toBe(true);
    ok = true;
    expect(await guard.request()).toBe(true);
    expect(answers).toEqual([false, true, true]);
  });
});

describe("SaveQueue", () => {
  it("runs overlapping saves one at a time, in order, and an undo waits for them", async () => {
    const { SaveQueue } = await import("./saving");
    const queue = new SaveQueue();
    const log: string[] = [];
    const slow = (name: string, ms: number) => () =>
      new Promise<string>((resolve) =>
        setTimeout(() => {
          log.push(name);
          resolve(name);
        }, ms),
      );
    // The autosave of a typed text is slow; the status key right after it is fast.
    const autosave = queue.run(slow("autosave", 20));
    const statusKey = queue.run(slow("status", 1));
    await queue.idle();
    log.push("undo");
    expect(await autosave).toBe("autosave");
    expect(await statusKey).toBe("status");
    expect(log).toEqual(["autosave", "status", "undo"]);
  });

  it("goes on after a save that failed", async () => {
    const { SaveQueue } = await import("./saving");
    const queue = new SaveQueue();
    const failed = queue.run(() => Promise.reject(new Error("schijf vol")));
    const next = queue.run(async () => "opgeslagen");
    await expect(failed).rejects.toThrow("schijf vol");
    expect(await next).toBe("opgeslagen");
  });
});
