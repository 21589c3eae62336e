/**
 * Runs `pass` at once, then `intervalMs` after each pass ends, until the returned function is
 * called; that function resolves once a pass in flight has ended. The timer never keeps the
 * process alive on its own: the server does. The instances' small periodic jobs (the purge of
 * expired rows, the calls' reminders) run on it.
 */
export const repeatEvery = (
  intervalMs: number,
  pass: () => Promise<void>,
): (() => Promise<void>) => {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  const start = (delayMs: number) => {
    timer = setTimeout(tick, delayMs);
    timer.unref();
  };
  const tick = () => {
    timer = undefined;
    current = pass().then(() => {
      if (!stopped) start(intervalMs);
    });
  };

  start(0);
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await current;
  };
};
