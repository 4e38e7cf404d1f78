import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { WebhookErrorKind } from '@ward/protocol';
import { classifyAddress, isAddressLiteral } from './webhook-address.rules.ts';

export type SendOutcome = {
  ok: boolean;
  statusCode: number | null;
  errorKind: WebhookErrorKind | null;
  durationMs: number;
};

export const webhookTimeoutMs = 10_000;
const maxRedirects = 3;

class Refused extends Error {
  readonly kind: WebhookErrorKind;
  constructor(kind: WebhookErrorKind) {
    super(kind);
    this.kind = kind;
  }
}

/**
 * The address to connect to for `host`, checked (ADR 24): every address the name resolves to must
 * be allowed, and the connection then goes to the address that was checked, with no second lookup
 * (a name that answers differently the second time, DNS rebinding, gains nothing).
 */
async function checkedAddress(host: string, allowedNetworks: readonly string[], signal: AbortSignal) {
  const bare = host.startsWith('[') ? host.slice(1, -1) : host;
  const timedOut = new Promise<never>((_, reject) => {
    if (signal.aborted) reject(new Refused('timeout'));
    signal.addEventListener('abort', () => reject(new Refused('timeout')), { once: true });
  });
  timedOut.catch(() => undefined);
  const addresses = isAddressLiteral(bare)
    ? [{ address: bare, family: bare.includes(':') ? 6 : 4 }]
    : await Promise.race([
        lookup(bare, { all: true, verbatim: true }).catch(() => {
          throw new Refused('network');
        }),
        timedOut,
      ]);
  const [first] = addresses;
  if (!first || addresses.some((a) => !classifyAddress(a.address, allowedNetworks).allowed))
    throw new Refused('address-not-allowed');
  return first;
}

/** One POST to one checked address; resolves with the status (the body is read and thrown away). */
function post(
  url: URL,
  pinned: { address: string; family: number },
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal,
) {
  const pin: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<{ status: number; location: string | null }>((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: pin,
        signal,
        agent: false,
      },
      (response) => {
        // The status and Location are all Ward needs: the answer's body is never read or kept.
        resolve({ status: response.statusCode ?? 0, location: response.headers.location ?? null });
        response.destroy();
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * Sends a signed body to `url`, following at most 3 redirects by hand (each hop checked like the
 * first), within 10 seconds in all. Never throws: the outcome says what happened.
 */
export async function sendWebhook(
  target: string,
  headers: Record<string, string>,
  body: string,
  options: { allowedNetworks: readonly string[]; timeoutMs?: number },
): Promise<SendOutcome> {
  const started = performance.now();
  const signal = AbortSignal.timeout(options.timeoutMs ?? webhookTimeoutMs);
  const done = (statusCode: number | null, errorKind: WebhookErrorKind | null): SendOutcome => ({
    ok: errorKind === null,
    statusCode,
    errorKind,
    durationMs: Math.round(performance.now() - started),
  });
  let url = new URL(target);
  try {
    for (let hop = 0; ; hop++) {
      if (url.protocol !== 'https:' && url.protocol !== 'http:') return done(null, 'bad-redirect');
      const pinned = await checkedAddress(url.hostname, options.allowedNetworks, signal);
      if (signal.aborted) return done(null, 'timeout');
      const { status, location } = await post(url, pinned, headers, body, signal);
      if (status >= 200 && status < 300) return done(status, null);
      if ([301, 302, 303, 307, 308].includes(status) && location) {
        if (hop >= maxRedirects) return done(status, 'too-many-redirects');
        try {
          url = new URL(location, url);
        } catch {
          return done(status, 'bad-redirect');
        }
        continue;
      }
      return done(status, 'http-status');
    }
  } catch (error) {
    if (error instanceof Refused) return done(null, error.kind);
    if (signal.aborted) return done(null, 'timeout');
    return done(null, 'network');
  }
}
