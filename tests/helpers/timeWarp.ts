/**
 * A preload for server processes under test (node --import): runs the process's clock faster for a
 * while, so a test can see what a server does after ten minutes without waiting ten minutes.
 *
 * ATLAS_TIME_WARP="FACTOR:SPAN_MS": Date, setTimeout and setInterval run FACTOR times as fast until the
 * process's clock is SPAN_MS ahead of the real one, then at the real pace (still SPAN_MS ahead), so the
 * test can then talk to the server normally. "time warp: done" on stdout says the span has passed: the
 * test waits for that line (state), never for a duration.
 *
 * ATLAS_TIME_WARP="FACTOR:SPAN_MS:signal": the same, but the clock keeps the real pace until the process
 * receives SIGWINCH (ignored by default; Colyseus takes SIGUSR2 as "shut down"), so the span starts when
 * the test has set the scene (rooms made, players gone), not at start-up: on a loaded machine start-up
 * alone can outlast the span ("time warp: started" says the signal arrived).
 */
import FakeTimers from "@sinonjs/fake-timers";

const [rawFactor, rawSpan, trigger] = (process.env.ATLAS_TIME_WARP ?? "").split(":");
const [factor, span] = [Number(rawFactor ?? 0), Number(rawSpan ?? 0)];
let warping = trigger !== "signal";
if (!warping)
  process.once("SIGWINCH", () => {
    warping = true;
    console.log("time warp: started");
  });

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
    const warped = warping && ahead < span ? Math.min(real * factor, real + span - ahead) : real;
    const wasAhead = ahead;
    ahead += warped - real;
    clock.tick(warped);
    if (wasAhead < span && ahead >= span) console.log(`time warp: done, ${Math.round(ahead / 1000)} s ahead`);
  }, 10);
}
