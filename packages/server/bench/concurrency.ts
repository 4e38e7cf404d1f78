/**
 * Runs `task(0)` … `task(count - 1)`, at most `concurrency` at a time, and returns the results
 * in order. After the first failure no new task starts; once the running ones settle, `discard`
 * gets every result obtained (to close what was opened) and the first error is thrown.
 */
export async function mapLimited<T>(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<T>,
  discard: (result: T) => void = () => {},
): Promise<T[]> {
  const results: Array<T | undefined> = Array.from({ length: count });
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    while (failure === null && next < count) {
      const index = next++;
      try {
        results[index] = await task(index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
  if (failure !== null) {
    for (const result of results) if (result !== undefined) discard(result);
    throw (failure as { error: unknown }).error;
  }
  return results as T[];
}
