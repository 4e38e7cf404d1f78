import type { IntakeResponse, LoggedContactBody, SocialIntakeBody } from '@ward/protocol';
import { postJson } from './http.ts';

export function logContact(body: LoggedContactBody): Promise<IntakeResponse> {
  return postJson<IntakeResponse>('/api/intake/contacts', body);
}

export function transferSocialRequest(body: SocialIntakeBody): Promise<IntakeResponse> {
  return postJson<IntakeResponse>('/api/intake/social-media', body);
}
