/**
 * A preload for server processes under test (node --import): runs the process's clock faster for a
 * while, so a test can see what a server does after ten minutes without waiting ten minutes.
 *
 * ATLAS_TIME_WARP="FACTOR:SPAN_MS": Date, setTimeout and setInterval run FACTOR times as fast until the
 * process's clock is SPAN_MS ahead of the real one, then at the real pace (still SPAN_MS ahead), so the
 * test can then talk to the server normally. "time warp: done" on stdout says the span has passed: the
 * test waits for that line (state), never for a duration.
 */
import FakeTimers from "@sinonjs/fake-timers";

const [factor = 0, span = 0] = (process.env.ATLAS_TIME_WARP ?? "").split(":").map(Number);

if (factor > 1 && span > 0) {
  const realNow = Date.now;
  const realSetInterval = globalThis.setInterval;
  const clock = FakeTimers.install({
    now: realNow(),
    toFake: ["Date", "setTimeout", "clearTimeout", "setInterval", "clearInterval"],
  });
  let last = realNow();
  let ahead = 0;
  realSetInterval(() => {
    const now = realNow();
    const real = now - last;
    last = now;
    const warped = ahead < span ? Math.min(real * factor, real + span - ahead) : real;
    const wasAhead = ahead;
    ahead += warped - real;
    clock.tick(warped);
    if (wasAhead < span && ahead >= span) console.log(`time warp: done, ${Math.round(ahead / 1000)} s ahead`);
  }, 10);
}
