/**
 * Ward's limits on its public doors (ADR 20): how many of each thing one key may do in a window.
 * Pure: the defaults, the `WARD_RATE_LIMITS` setting's syntax, and the wording of a refusal.
 */

export type LimitName =
  | 'chat-starts'
  | 'visitor-messages-per-second'
  | 'visitor-messages-per-minute'
  | 'transcript-emails'
  | 'form-submissions'
  | 'email-replies'
  | 'sign-in-failures'
  | 'api-key-requests';

/** `points` allowed per `seconds`, counted per key (an address, a chat, a case, an account). */
export type Limit = { points: number; seconds: number };
export type RateLimitSettings = { enabled: false } | { enabled: true; limits: Record<LimitName, Limit> };

const minute = 60;
const hour = 60 * minute;
const day = 24 * hour;

/** What each limit counts, for messages and documentation. */
export const limitKeys: Record<LimitName, string> = {
  'chat-starts': 'chats started per address',
  'visitor-messages-per-second': 'messages a resident sends per chat, per second',
  'visitor-messages-per-minute': 'messages a resident sends per chat, per minute',
  'transcript-emails': 'transcript emails per chat (the first and one resend)',
  'form-submissions': 'online forms sent per address',
  'email-replies': 'email replies sent per case',
  'sign-in-failures': 'failed sign-ins per account and per address before a temporary lock',
  'api-key-requests': 'requests per integration API key',
};

export const defaultLimits: Record<LimitName, Limit> = {
  'chat-starts': { points: 5, seconds: 10 * minute },
  'visitor-messages-per-second': { points: 10, seconds: 1 },
  'visitor-messages-per-minute': { points: 60, seconds: minute },
  // A chat's visitor token stops working soon after it ends, so a month is "per chat".
  'transcript-emails': { points: 2, seconds: 30 * day },
  'form-submissions': { points: 10, seconds: 10 * minute },
  'email-replies': { points: 20, seconds: hour },
  'sign-in-failures': { points: 10, seconds: 15 * minute },
  // A council's system syncing cases: generous, but one leaked key cannot flood Ward.
  'api-key-requests': { points: 600, seconds: minute },
};

const units: Record<string, number> = { s: 1, m: minute, h: hour, d: day };

/**
 * `off`, or overrides of the defaults: `chat-starts=20/10m,form-submissions=30/1h` (points per
 * duration, in s, m, h or d). Returns the settings, or a message saying what to fix.
 */
export function parseRateLimits(value: string | undefined): RateLimitSettings | { error: string } {
  const text = (value ?? '').trim();
  if (text.toLowerCase() === 'off') return { enabled: false };
  const limits = { ...defaultLimits };
  if (text === '' || text.toLowerCase() === 'on') return { enabled: true, limits };
  for (const part of text.split(',').map((p) => p.trim())) {
    if (part === '') continue;
    const match = /^([a-z-]+)=(\d{1,7})\/(\d{1,5})([smhd])$/.exec(part);
    if (!match)
      return { error: `"${part.slice(0, 40)}" should look like chat-starts=5/10m (points/duration in s, m, h or d)` };
    const [, name, points, amount, unit] = match as unknown as [string, string, string, string, string];
    if (!(name in defaultLimits))
      return {
        error: `"${name.slice(0, 40)}" is not a limit; the limits are ${Object.keys(defaultLimits).join(', ')}`,
      };
    const seconds = Number(amount) * units[unit]!;
    if (Number(points) < 1 || seconds < 1 || seconds > 90 * day)
      return { error: `${name}: allow at least 1, over a duration from 1s to 90d` };
    limits[name as LimitName] = { points: Number(points), seconds };
  }
  return { enabled: true, limits };
}

/** "30 seconds", "1 minute", "15 minutes", "2 hours": a wait, rounded up, in words. */
export function waitInWords(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  const [amount, unit] =
    s < 60 ? [s, 'second'] : s < 2 * hour ? [Math.ceil(s / minute), 'minute'] : [Math.ceil(s / hour), 'hour'];
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}

/** What the person is told when a limit refuses them; never says whose limit or what was sent. */
export function limitMessage(name: LimitName, retryAfterSeconds: number): string {
  const wait = waitInWords(retryAfterSeconds);
  switch (name) {
    case 'chat-starts':
      return `Too many chats have been started from your connection. Try again in ${wait}.`;
    case 'visitor-messages-per-second':
    case 'visitor-messages-per-minute':
      return `You are sending messages too quickly. Wait ${wait} and send it again.`;
    case 'transcript-emails':
      return 'The transcript of this chat has already been emailed twice, which is as many times as we send it.';
    case 'form-submissions':
      return `Too many forms have been sent from your connection. Try again in ${wait}.`;
    case 'email-replies':
      return `Too many email replies have been sent on this case. Try again in ${wait}.`;
    case 'sign-in-failures':
      return `Too many attempts to sign in. Try again in ${wait}.`;
    case 'api-key-requests':
      return `This API key has made too many requests. Try again in ${wait}.`;
  }
}
