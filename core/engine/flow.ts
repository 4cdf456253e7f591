/**
 * One engine flow, two ways to run it: a generator yields each port call's answer (a value or a promise) and
 * gets the settled value back. `runAsync` awaits promises (Excel, the playground); `runSync` requires plain values
 * (the Sheets server, whose calls must finish before they return: a promise cannot cross `google.script.run`).
 */
export type Flow<T> = Generator<unknown, T, unknown>;

/** Yields a port call's answer and returns it settled: `const rows = yield* step$(io.readValues(rect))`. */
export function* step$<T>(answer: T | Promise<T>): Generator<unknown, Awaited<T>, unknown> {
  return (yield answer) as Awaited<T>;
}

function isPromise(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

export async function runAsync<T>(flow: Flow<T>): Promise<T> {
  let next = flow.next();
  while (!next.done) {
    let settled: unknown;
    try {
      settled = await next.value;
    } catch (error) {
      next = flow.throw(error);
      continue;
    }
    next = flow.next(settled);
  }
  return next.value;
}

export function runSync<T>(flow: Flow<T>): T {
  let next = flow.next();
  while (!next.done) {
    if (isPromise(next.value)) throw new Error('a synchronous run was given a promise');
    next = flow.next(next.value);
  }
  return next.value;
}
