import { describe, expect, it } from 'vitest';
import { matchPath, pathTo, paths, safeReturnPath } from '../src/route-match.ts';

describe('matchPath', () => {
  it('matches fixed paths, with or without a trailing slash', () => {
    expect(matchPath(paths.chats, '/console/chats')).toEqual({});
    expect(matchPath(paths.chats, '/console/chats/')).toEqual({});
    expect(matchPath(paths.chats, '/console/chat')).toBeNull();
    expect(matchPath(paths.home, '/console/')).toEqual({});
  });

  it('reads and decodes params', () => {
    expect(matchPath(paths.conversation, '/console/conversations/4K7M-9P2X')).toEqual({ caseReference: '4K7M-9P2X' });
    expect(matchPath(paths.invitation, '/console/invitations/abc%2Fdef')).toEqual({ token: 'abc/def' });
    expect(matchPath(paths.conversation, '/console/conversations/')).toBeNull();
    expect(matchPath(paths.conversation, '/console/conversations/%E0%A4%A')).toBeNull();
  });

  it('builds paths with encoded params', () => {
    expect(pathTo(paths.conversation, { caseReference: '4K7M-9P2X' })).toBe('/console/conversations/4K7M-9P2X');
    expect(pathTo(paths.invitation, { token: 'a/b' })).toBe('/console/invitations/a%2Fb');
  });
});

describe('safeReturnPath', () => {
  it('allows only console paths', () => {
    expect(safeReturnPath('/console/staff')).toBe('/console/staff');
    expect(safeReturnPath('/console/conversations/4K7M-9P2X')).toBe('/console/conversations/4K7M-9P2X');
    expect(safeReturnPath('https://evil.example/console/')).toBeNull();
    expect(safeReturnPath('//evil.example/console/')).toBeNull();
    expect(safeReturnPath('/api/outbox')).toBeNull();
    expect(safeReturnPath('/console/sign-in')).toBeNull();
    expect(safeReturnPath(null)).toBeNull();
  });
});
