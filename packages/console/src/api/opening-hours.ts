import type { AddOpeningExceptionBody, OpeningException, OpeningExceptionsResponse } from '@ward/protocol';
import { deleteJson, getJson, postJson, segment } from './http.ts';

/** Closures and special hours set in the console that are not over yet, and the departments (ADR 47). */
export function fetchOpeningExceptions(): Promise<OpeningExceptionsResponse> {
  return getJson<OpeningExceptionsResponse>('/api/opening-hours/exceptions');
}

export async function addOpeningException(body: AddOpeningExceptionBody): Promise<OpeningException> {
  return (await postJson<{ exception: OpeningException }>('/api/opening-hours/exceptions', body)).exception;
}

export async function removeOpeningException(id: string): Promise<void> {
  await deleteJson<unknown>(`/api/opening-hours/exceptions/${segment(id)}`);
}
