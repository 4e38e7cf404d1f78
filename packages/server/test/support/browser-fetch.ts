/**
 * Tests call Ward as the console does from a browser: a browser sends `Origin` with every request
 * that is not a GET or HEAD, and Ward refuses a staff session's state-changing request without it.
 * Node's fetch sends none, so this adds the target's own origin when a test did not set one.
 * Tests about a missing Origin use `node:http` (see origin-checks.test.ts).
 */
const nodeFetch = globalThis.fetch;

globalThis.fetch = (input: string | URL | Request, init?: RequestInit) => {
  const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
  if (method === 'GET' || method === 'HEAD') return nodeFetch(input, init);
  const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
  if (!headers.has('origin')) {
    const url = input instanceof Request ? input.url : String(input);
    headers.set('origin', new URL(url).origin);
  }
  return nodeFetch(input, { ...init, headers });
};
