import { describe, expect, it } from 'vitest';
import { launcherName, parseAppMessage, parseLoaderMessage, parseParentOrigin } from '../src/shared/post-message.ts';

describe('messages from the app to the loader', () => {
  it('accepts the known shapes', () => {
    expect(parseAppMessage({ ward: 1, type: 'ready' })).toEqual({ ward: 1, type: 'ready' });
    expect(parseAppMessage({ ward: 1, type: 'close' })).toEqual({ ward: 1, type: 'close' });
    expect(parseAppMessage({ ward: 1, type: 'language', language: 'cy' })).toEqual({
      ward: 1,
      type: 'language',
      language: 'cy',
    });
    expect(parseAppMessage({ ward: 1, type: 'language', language: 'fr' })).toBeNull();
    expect(parseAppMessage({ ward: 1, type: 'unread', count: 2 })).toEqual({ ward: 1, type: 'unread', count: 2 });
    expect(parseAppMessage({ ward: 1, type: 'chat', active: true })).toEqual({ ward: 1, type: 'chat', active: true });
    expect(parseAppMessage({ ward: 1, type: 'exit', url: 'https://www.bbc.co.uk/weather' })).toEqual({
      ward: 1,
      type: 'exit',
      url: 'https://www.bbc.co.uk/weather',
    });
  });

  it('drops extra fields', () => {
    expect(parseAppMessage({ ward: 1, type: 'close', html: '<img>' })).toEqual({ ward: 1, type: 'close' });
  });

  it.each([
    null,
    undefined,
    'close',
    42,
    [],
    { type: 'close' },
    { ward: 2, type: 'close' },
    { ward: '1', type: 'close' },
    { ward: 1, type: 'open' },
    { ward: 1, type: 'unread' },
    { ward: 1, type: 'unread', count: -1 },
    { ward: 1, type: 'unread', count: 1.5 },
    { ward: 1, type: 'unread', count: '3' },
    { ward: 1, type: 'unread', count: 1e9 },
    { ward: 1, type: 'chat', active: 'yes' },
    { ward: 1, type: 'exit' },
    { ward: 1, type: 'exit', url: 'javascript:alert(1)' },
    { ward: 1, type: 'exit', url: 'data:text/html,<p>hi</p>' },
    { ward: 1, type: 'exit', url: '/relative' },
    { ward: 1, type: 'exit', url: 42 },
    { ward: 1, type: 'quick-exit' },
    { ward: 1, type: 'quick-exit', url: 'javascript:alert(1)' },
  ])('ignores %j', (data) => {
    expect(parseAppMessage(data)).toBeNull();
  });
});

describe('arming the quick exit on the council’s page', () => {
  it('passes a checked address, or null when the exit is not offered', () => {
    expect(parseAppMessage({ ward: 1, type: 'quick-exit', url: 'https://www.bbc.co.uk/weather' })).toEqual({
      ward: 1,
      type: 'quick-exit',
      url: 'https://www.bbc.co.uk/weather',
    });
    expect(parseAppMessage({ ward: 1, type: 'quick-exit', url: null })).toEqual({
      ward: 1,
      type: 'quick-exit',
      url: null,
    });
    expect(parseLoaderMessage({ ward: 1, type: 'exit-now', extra: 1 })).toEqual({ ward: 1, type: 'exit-now' });
  });
});

describe('messages from the loader to the app', () => {
  it('accepts open and hidden', () => {
    expect(parseLoaderMessage({ ward: 1, type: 'open', focus: false })).toEqual({
      ward: 1,
      type: 'open',
      focus: false,
    });
    expect(parseLoaderMessage({ ward: 1, type: 'open' })).toEqual({ ward: 1, type: 'open', focus: true });
    expect(parseLoaderMessage({ ward: 1, type: 'hidden' })).toEqual({ ward: 1, type: 'hidden' });
    expect(parseLoaderMessage({ ward: 1, type: 'focus', edge: 'first' })).toEqual({
      ward: 1,
      type: 'focus',
      edge: 'first',
    });
    expect(parseLoaderMessage({ ward: 1, type: 'focus', edge: 'last' })).toEqual({
      ward: 1,
      type: 'focus',
      edge: 'last',
    });
  });

  it('ignores anything else', () => {
    expect(parseLoaderMessage({ ward: 1, type: 'close' })).toBeNull();
    expect(parseLoaderMessage({ type: 'open' })).toBeNull();
    expect(parseLoaderMessage('open')).toBeNull();
    expect(parseLoaderMessage({ ward: 1, type: 'focus' })).toBeNull();
    expect(parseLoaderMessage({ ward: 1, type: 'focus', edge: 'middle' })).toBeNull();
  });
});

describe('parent origin', () => {
  it('accepts a bare http(s) origin only', () => {
    expect(parseParentOrigin('https://www.council.gov.uk')).toBe('https://www.council.gov.uk');
    expect(parseParentOrigin('http://localhost:3000')).toBe('http://localhost:3000');
    expect(parseParentOrigin('https://www.council.gov.uk/')).toBeNull();
    expect(parseParentOrigin('https://www.council.gov.uk/page')).toBeNull();
    expect(parseParentOrigin('*')).toBeNull();
    expect(parseParentOrigin('null')).toBeNull();
    expect(parseParentOrigin('javascript:alert(1)')).toBeNull();
    expect(parseParentOrigin(null)).toBeNull();
  });
});

describe('launcher name', () => {
  it('adds the unread count to the accessible name', () => {
    expect(launcherName('Chat with us', 0)).toBe('Chat with us');
    expect(launcherName('Chat with us', 1)).toBe('Chat with us, 1 new message');
    expect(launcherName('Chat with us', 2)).toBe('Chat with us, 2 new messages');
    expect(launcherName('Sgwrsiwch â ni', 2, 'cy')).toBe('Sgwrsiwch â ni, 2 neges newydd');
  });
});
