/**
 * Keeps the process alive while something the caller awaits is under way:
 * all SDK timers are unref'd, so an awaited flush that sits in a backoff wait
 * would otherwise let Node exit with the promise unsettled. Nested holds are
 * counted; the last release lets the process go.
 */
let holds = 0;
let handle: ReturnType<typeof setInterval> | undefined;

export function holdOpen(): () => void {
  holds++;
  handle ??= setInterval(() => {}, 1 << 30);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holds === 0 && handle) {
      clearInterval(handle);
      handle = undefined;
    }
  };
}

export async function whileHeldOpen<T>(work: () => Promise<T>): Promise<T> {
  const release = holdOpen();
  try {
    return await work();
  } finally {
    release();
  }
}
