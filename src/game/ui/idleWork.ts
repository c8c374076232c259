// Work no one on screen waits for (a widget's first picture: picture.ts) runs in the page's idle time, and
// not before a screen has been up for a moment: right after a screen appears the player's first key or tap
// must be answered at once (issue 16: the menu answers its first key within 100 ms of `ready`), and baking
// every button's picture there took about 70 ms at 4x CPU throttling, in the way of that key. Until its
// picture exists a widget simply draws its children, exactly as it looks afterwards.

type IdleDeadline = { timeRemaining(): number };
type IdleWindow = Window & { requestIdleCallback?: (run: (deadline: IdleDeadline) => void, options: { timeout: number }) => number };

/** How long after the first queued job the queue starts to drain (ms). */
export const IDLE_WORK_DELAY_MS = 800;
/** The longest the queue then waits for an idle moment (ms). */
const IDLE_TIMEOUT_MS = 1000;

const queue: (() => void)[] = [];
let scheduled = false;

/** Runs `job` in idle time, at least IDLE_WORK_DELAY_MS after the queue was last empty. */
export function whenIdle(job: () => void): void {
  queue.push(job);
  if (scheduled) return;
  scheduled = true;
  setTimeout(requestDrain, IDLE_WORK_DELAY_MS);
}

/** Jobs queued and not yet run (the bench and tests wait for 0 before counting a screen's objects). */
export function pendingIdleJobs(): number {
  return queue.length;
}

function requestDrain(): void {
  const win = globalThis as unknown as IdleWindow;
  if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(drain, { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(() => drain({ timeRemaining: () => 8 }), 0);
}

/** Runs queued jobs while the idle period lasts (always at least one), and asks for another for the rest. */
function drain(deadline: IdleDeadline): void {
  let ran = 0;
  try {
    while (queue.length > 0 && (ran === 0 || deadline.timeRemaining() > 4)) {
      ran += 1;
      (queue.shift() as () => void)();
    }
  } finally {
    if (queue.length > 0) requestDrain();
    else scheduled = false;
  }
}
