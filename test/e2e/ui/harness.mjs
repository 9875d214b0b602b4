// A very small test harness for the Playwright UI tests: named tests, each with a time limit, run in order.
// Prints "ok"/"FAIL" lines as it goes; run-all.mjs adds the counts up.

export function createHarness(prefix = 'ui') {
  const results = [];
  return {
    results,
    /** Runs `fn` with a time limit; never throws (a failure is recorded and printed). */
    async test(name, fn, { timeoutMs = 120_000 } = {}) {
      const t = Date.now();
      let timer;
      try {
        await Promise.race([
          fn(),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`time limit of ${timeoutMs} ms reached`)), timeoutMs);
          }),
        ]);
        results.push({ name, ok: true, ms: Date.now() - t });
        console.log(`  ok   ${prefix}: ${name} (${Date.now() - t} ms)`);
        return true;
      } catch (e) {
        results.push({ name, ok: false, ms: Date.now() - t, error: e });
        console.log(`  FAIL ${prefix}: ${name} (${Date.now() - t} ms)\n${String(e?.stack || e).replace(/^/gm, '       ')}`);
        return false;
      } finally {
        clearTimeout(timer);
      }
    },
    /** Records a test as failed without running it (e.g. its set-up failed). */
    fail(name, error) {
      results.push({ name, ok: false, ms: 0, error });
      console.log(`  FAIL ${prefix}: ${name}\n${String(error?.stack || error).replace(/^/gm, '       ')}`);
    },
    get passed() {
      return results.filter((r) => r.ok).length;
    },
    get failed() {
      return results.filter((r) => !r.ok).length;
    },
  };
}
