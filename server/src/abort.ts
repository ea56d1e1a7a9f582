/**
 * Resolves like `promise`, or rejects with the signal's reason once it aborts (the promise runs
 * on, its late failure ignored). No signal: the promise itself.
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.catch(() => {});
    return Promise.reject(signal.reason as Error);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      promise.catch(() => {});
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise
      .then(resolve, (err: unknown) => reject(err as Error))
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}
