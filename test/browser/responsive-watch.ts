/**
 * A watch on the page's main thread, installed before the page's scripts (Playwright's init script): Chromium's
 * long tasks (PerformanceObserver 'longtask', buffered) and the longest gap between two animation frames. The page
 * answers `window.segmentkitBlockWatch()` with what it saw so far. Shared by the responsiveness test and the bench.
 */

/** What the watch saw since the page started. */
export interface BlockWatch {
  /** The longest long task (Chromium reports tasks over 50 ms), in ms. */
  readonly longestTaskMs: number;
  /** The longest gap between two animation frames, in ms. */
  readonly longestGapMs: number;
  /** The larger of the two. */
  readonly longestMs: number;
  /** Long tasks over 200 ms. */
  readonly tasksOver200: number;
  /** Frames drawn. */
  readonly frames: number;
  /** The long tasks over 100 ms: when they started (ms since the page began) and how long they took. */
  readonly tasks: readonly (readonly [number, number])[];
}

/** The init script (plain JavaScript: it runs in the page as is). */
export const BLOCK_WATCH = `
(() => {
  let longestTask = 0;
  let over = 0;
  const tasks = [];
  let longestGap = 0;
  let frames = 0;
  let last;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        longestTask = Math.max(longestTask, entry.duration);
        if (entry.duration > 200) over++;
        if (entry.duration > 100) tasks.push([Math.round(entry.startTime), Math.round(entry.duration)]);
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const frame = (now) => {
    if (last !== undefined) longestGap = Math.max(longestGap, now - last);
    last = now;
    frames++;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  window.segmentkitBlockWatch = () => ({
    longestTaskMs: longestTask,
    longestGapMs: longestGap,
    longestMs: Math.max(longestTask, longestGap),
    tasksOver200: over,
    frames,
    tasks: [...tasks],
  });
})();
`;
