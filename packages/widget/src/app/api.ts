import type {
  OptInsBody,
  StartConversationBody,
  StartConversationResponse as StartResponse,
  SurveyBody,
  TranscriptRequestBody,
  WidgetConfig as Config,
} from '@ward/protocol';
import type { Language } from '@ward/protocol/resident-rules';
import { errorText, m } from './i18n.ts';

/** HTTP calls to Ward's JSON API on the app's own origin. Personal data only ever goes in bodies. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; message: string };

async function request<T>(
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; token?: string; parse?: (data: unknown) => T | null } = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method === 'POST') headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'omit',
      ...(method === 'POST' ? { body: JSON.stringify(options.body ?? {}) } : {}),
    });
  } catch {
    return { ok: false, status: 0, message: m.connectionProblem };
  }
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (data as { error?: { code?: unknown; reason?: unknown } } | null)?.error;
    return { ok: false, status: response.status, message: response.status < 500 ? errorText(error) : m.serviceProblem };
  }
  if (!options.parse) return { ok: true, data: undefined as T };
  const parsed = options.parse(data);
  return parsed === null
    ? { ok: false, status: response.status, message: m.serviceProblem }
    : { ok: true, data: parsed };
}

/**
 * Ward's own answers, checked for the shape the app relies on (not with the validation library,
 * which would triple the widget's weight): anything else is "a problem with the service".
 */
type Shape = Record<string, 'string' | 'boolean' | 'array' | 'object-or-null'>;
const hasShape =
  <T>(shape: Shape) =>
  (data: unknown): T | null => {
    if (typeof data !== 'object' || data === null) return null;
    const record = data as Record<string, unknown>;
    for (const [key, kind] of Object.entries(shape)) {
      const value = record[key];
      const fits =
        kind === 'array'
          ? Array.isArray(value)
          : kind === 'object-or-null'
            ? value === null || (typeof value === 'object' && !Array.isArray(value))
            : typeof value === kind;
      if (!fits) return null;
    }
    return data as T;
  };

const organisationPath = (organisation: string) => `/api/widget/${encodeURIComponent(organisation)}`;

/** The council's settings, its own texts in the resident's language (English where it gave no Welsh). */
export function fetchConfig(organisation: string, language: Language): Promise<ApiResult<Config>> {
  return request('GET', `${organisationPath(organisation)}/config?language=${language}`, {
    parse: hasShape<Config>({
      organisationName: 'string',
      topics: 'array',
      consent: 'object-or-null',
      optIns: 'array',
      transcriptsEnabled: 'boolean',
    }),
  });
}

export function startConversation(
  organisation: string,
  body: StartConversationBody,
): Promise<ApiResult<StartResponse>> {
  return request('POST', `${organisationPath(organisation)}/conversations`, {
    body,
    parse: hasShape<StartResponse>({ conversationId: 'string', caseReference: 'string', visitorToken: 'string' }),
  });
}

export function sendSurvey(token: string, body: SurveyBody): Promise<ApiResult<void>> {
  return request('POST', '/api/visitor/conversation/survey', { body, token });
}

export function requestTranscript(token: string, body: TranscriptRequestBody): Promise<ApiResult<void>> {
  return request('POST', '/api/visitor/conversation/transcript', { body, token });
}

export function saveOptIns(token: string, body: OptInsBody): Promise<ApiResult<void>> {
  return request('POST', '/api/visitor/conversation/opt-ins', { body, token });
}

/** The resident gives the consent the adviser asked for in the chat (ADR 37). */
export function giveConsent(token: string): Promise<ApiResult<void>> {
  return request('POST', '/api/visitor/conversation/consent', { body: {}, token });
}
