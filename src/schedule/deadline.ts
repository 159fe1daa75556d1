/**
 * A platform call that takes longer than `ms` counts as failed. The adapters
 * give their clients timeouts of their own; this is the runner's backstop,
 * so even a call that never settles cannot hold a place's work for ever.
 * The call itself is not cancelled: whatever it did is found by the next
 * attempt's duplicate check.
 */
export function withDeadline<T>(call: Promise<T>, ms: number, onTimeout: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout()), ms);
    timer.unref?.();
  });
  return Promise.race([call, late]).finally(() => clearTimeout(timer));
}
