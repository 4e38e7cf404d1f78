import { ApiError, errorFromBody, networkErrorMessage } from './errors.ts';

/**
 * Same-origin JSON calls to the Ward API. Every POST and PUT sends `content-type:
 * application/json` and a body (`{}` when there is nothing to send).
 */

let onUnauthenticated: (() => void) | null = null;

/** Called when a call that needs a session gets 401 (the session expired or was revoked). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

interface RequestOptions {
  /** Set false where 401 is an expected answer (signing in, checking the session). */
  sessionRequired?: boolean;
}

async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body: unknown,
  options: RequestOptions,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const init: RequestInit = { method, credentials: 'same-origin', headers };
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body ?? {});
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, 'network', networkErrorMessage);
  }
  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    if (response.status === 401 && options.sessionRequired !== false) onUnauthenticated?.();
    throw errorFromBody(response.status, data);
  }
  return data as T;
}

export function getJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return request<T>('GET', path, undefined, options);
}

export function postJson<T>(path: string, body: unknown = {}, options: RequestOptions = {}): Promise<T> {
  return request<T>('POST', path, body, options);
}

export function putJson<T>(path: string, body: unknown = {}, options: RequestOptions = {}): Promise<T> {
  return request<T>('PUT', path, body, options);
}

/** DELETE sends `{}` as its JSON body too, like POST and PUT. */
export function deleteJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return request<T>('DELETE', path, {}, options);
}

/** A path segment, encoded. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}
