import type { StartConversationResponse, WidgetConfig } from '@ward/protocol';

/** HTTP steps a real agent and resident take before chatting, against a running Ward. */

const json = { 'content-type': 'application/json' };
const timeout = () => AbortSignal.timeout(30_000);

/** Accepts an invitation like a new member of staff would; returns the `ward_session` cookie. */
export async function signUpAgent(url: string, token: string, index: number): Promise<string> {
  const response = await fetch(`${url}/api/invitations/${encodeURIComponent(token)}/accept`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      firstName: 'Agent',
      lastName: `Number ${index + 1}`,
      password: 'correct horse battery staple',
    }),
    signal: timeout(),
  });
  if (response.status !== 200)
    throw new Error(`accepting an invitation failed: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (!cookie.startsWith('ward_session=')) throw new Error('accepting an invitation gave no ward_session cookie');
  return cookie;
}

export async function firstTopic(url: string, organisation: string): Promise<string> {
  const response = await fetch(`${url}/api/widget/${organisation}/config`, { signal: timeout() });
  if (response.status !== 200) throw new Error(`reading the widget config failed: ${response.status}`);
  const topic = ((await response.json()) as WidgetConfig).topics[0];
  if (!topic) throw new Error('the organisation has no topics');
  return topic.id;
}

/** The widget's pre-chat form: starts a conversation waiting in the queue. */
export async function startChat(
  url: string,
  organisation: string,
  topic: string,
  index: number,
): Promise<StartConversationResponse> {
  const response = await fetch(`${url}/api/widget/${organisation}/conversations`, {
    method: 'POST',
    headers: {
      ...json,
      'user-agent':
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
    },
    body: JSON.stringify({ name: `Resident ${index + 1}`, email: '', topic, consent: true }),
    signal: timeout(),
  });
  if (response.status !== 201)
    throw new Error(`starting a conversation failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as StartConversationResponse;
}
