/**
 * A join as a computation that pauses (yields) every few documents and finally returns its
 * result: a thread that must stay responsive (the language server's, answering the editor) runs it
 * in slices of time that give way to the event loop; any other caller runs it through.
 */
export type JoinSteps<T> = Generator<void, T, void>;

/** Documents a join reads between two pauses. */
export const STEP_DOCUMENTS = 16;
/** Items (claims, keys, the actor join's nodes) a pass over every one goes through between two pauses. */
export const STEP_ITEMS = 8192;

export function runToEnd<T>(steps: JoinSteps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export interface SliceOptions {
  /** Time a slice runs before giving way to the event loop. */
  sliceMs: number;
  /** Asked before each slice: false abandons the computation (its input changed, or someone else finished it). */
  stillWanted: () => boolean;
  /** Told the time each slice ran. */
  onSlice?: (ms: number) => void;
}

/** Runs the steps in slices of time with the event loop turning in between; undefined when abandoned. */
export async function runInSlices<T>(steps: JoinSteps<T>, options: SliceOptions): Promise<T | undefined> {
  for (;;) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (!options.stillWanted()) return undefined;
    const started = performance.now();
    let step = steps.next();
    while (!step.done && performance.now() - started < options.sliceMs) step = steps.next();
    options.onSlice?.(performance.now() - started);
    if (step.done) return step.value;
  }
}

/** Tells an asynchronous pass when to give way to the event loop: every `every` steps, or after `sliceMs` of work. */
export class PassSlices {
  private started = performance.now();
  private steps = 0;

  constructor(
    private readonly every: number,
    private readonly sliceMs: number,
  ) {}

  due(): boolean {
    return ++this.steps % this.every === 0 || performance.now() - this.started > this.sliceMs;
  }

  async next(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    this.started = performance.now();
  }
}
