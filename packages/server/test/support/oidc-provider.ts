import type { Server } from 'node:http';
import Provider from 'oidc-provider';
import { freePort } from '../../src/shared/free-port.ts';

/** A person the test identity provider knows: their id there and the claims their ID token carries. */
export type TestIdentity = {
  email?: string;
  email_verified?: boolean;
  given_name?: string;
  family_name?: string;
  groups?: string[];
};

export type TestIdentityProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Adds (or replaces) a person; the id is what they "type" at the provider's login form. */
  addPerson: (id: string, claims: TestIdentity) => void;
  close: () => Promise<void>;
};

/**
 * A real OpenID provider (oidc-provider) on a free port of 127.0.0.1, with one confidential client
 * for Ward and its development login and consent pages, which `signInAt` fills in over plain HTTP.
 */
export async function startTestIdentityProvider(redirectUri: string): Promise<TestIdentityProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'ward';
  const clientSecret = 'a-client-secret-for-the-tests-only-0123456789';
  const people = new Map<string, TestIdentity>();
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    // Entra ID sends groups (and the profile) in the ID token itself.
    conformIdTokenClaims: false,
    claims: {
      openid: ['sub', 'groups'],
      email: ['email', 'email_verified'],
      profile: ['given_name', 'family_name', 'name'],
    },
    findAccount: async (_ctx, id) => {
      const person = people.get(id);
      if (!person) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...person }) };
    },
    // Under Vitest, fetch adds an Origin header to Ward's token request (plain Node sends none), which the
    // provider would take for a browser's cross-origin call: allowed here.
    clientBasedCORS: () => true,
    cookies: { keys: ['test-provider-cookie-key-0123456789'] },
  });
  const server: Server = await new Promise((resolve) => {
    const listening = provider.listen(port, '127.0.0.1', () => resolve(listening));
  });
  return {
    issuer,
    clientId,
    clientSecret,
    addPerson: (id, claims) => void people.set(id, claims),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Cookies by host, as a browser keeps them (paths and expiry do not matter for these tests). */
export class CookieJar {
  readonly #byHost = new Map<string, Map<string, string>>();
  header(url: URL): string {
    return [...(this.#byHost.get(url.host) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  get(url: URL, name: string): string | undefined {
    return this.#byHost.get(url.host)?.get(name);
  }
  set(url: URL, name: string, value: string): void {
    const jar = this.#byHost.get(url.host) ?? new Map<string, string>();
    jar.set(name, value);
    this.#byHost.set(url.host, jar);
  }
  store(url: URL, response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const cleared = value === '' || /expires=Thu, 01 Jan 1970/i.test(line) || /max-age=0(;|$)/i.test(line);
      const jar = this.#byHost.get(url.host) ?? new Map<string, string>();
      if (cleared) jar.delete(name);
      else jar.set(name, value);
      this.#byHost.set(url.host, jar);
    }
  }
}

/** One request as a browser makes it: the jar's cookies go with it, its Set-Cookie headers in; no redirect followed. */
export async function browse(jar: CookieJar, url: URL, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const cookie = jar.header(url);
  if (cookie) headers.set('cookie', cookie);
  const response = await fetch(url, { ...init, headers, redirect: 'manual' });
  jar.store(url, response);
  return response;
}

/**
 * Walks a browser from Ward's start address through the provider's login and consent pages as
 * `personId`, and stops at the address the provider sends it back to Ward with (not yet visited).
 */
export async function signInAt(jar: CookieJar, startUrl: URL, personId: string, callbackPrefix: string): Promise<URL> {
  let url = startUrl;
  for (let step = 0; step < 20; step++) {
    const response = await browse(jar, url);
    if (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get('location')!, url);
      if (url.href.startsWith(callbackPrefix)) return url;
      continue;
    }
    const page = await response.text();
    if (response.status !== 200) throw new Error(`unexpected ${response.status} at ${url.pathname}: ${page}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
    if (!action || !prompt) throw new Error(`no form at ${url.pathname}`);
    const body = new URLSearchParams({ prompt, ...(prompt === 'login' ? { login: personId, password: 'any' } : {}) });
    const submitted = await browse(jar, new URL(action, url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
    if (submitted.status < 300 || submitted.status >= 400)
      throw new Error(`form at ${url.pathname}: ${submitted.status}`);
    url = new URL(submitted.headers.get('location')!, url);
  }
  throw new Error('the provider never sent the browser back to Ward');
}
