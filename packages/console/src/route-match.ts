/** The console is served under this path; every route starts with it. */
export const basePath = '/console';

export const paths = {
  home: `${basePath}/`,
  signIn: `${basePath}/sign-in`,
  invitation: `${basePath}/invitations/:token`,
  chats: `${basePath}/chats`,
  conversations: `${basePath}/conversations`,
  conversation: `${basePath}/conversations/:caseReference`,
  staff: `${basePath}/staff`,
  outbox: `${basePath}/outbox`,
  openingHours: `${basePath}/opening-hours`,
  cannedReplies: `${basePath}/canned-replies`,
  retention: `${basePath}/retention`,
  audit: `${basePath}/audit`,
  records: `${basePath}/records`,
  newRecord: `${basePath}/records/new`,
  record: `${basePath}/records/:recordId`,
  recordAddDetail: `${basePath}/records/:recordId/add-detail`,
  recordChangeDetail: `${basePath}/records/:recordId/details/:detailId/change`,
  recordRemoveDetail: `${basePath}/records/:recordId/details/:detailId/remove`,
  recordMerge: `${basePath}/records/:recordId/merge`,
  recordUnmerge: `${basePath}/records/:recordId/unmerge`,
  cases: `${basePath}/cases`,
  case: `${basePath}/cases/:caseReference`,
  logContact: `${basePath}/contacts/log`,
  socialMediaTransfer: `${basePath}/contacts/social-media`,
  apiKeys: `${basePath}/api-keys`,
  webhooks: `${basePath}/webhooks`,
  webhook: `${basePath}/webhooks/:webhookId`,
  account: `${basePath}/account`,
  mfa: `${basePath}/account/two-step-sign-in`,
  rightsRequests: `${basePath}/requests`,
  logRightsRequest: `${basePath}/requests/new`,
  rightsRequest: `${basePath}/requests/:requestId`,
  recordOfProcessing: `${basePath}/record-of-processing`,
  disclosures: `${basePath}/disclosures`,
  consents: `${basePath}/consents`,
  privacyNotices: `${basePath}/privacy-notices`,
  reports: `${basePath}/reports`,
  wallboard: `${basePath}/wallboard`,
  liveView: `${basePath}/supervision`,
  watchChat: `${basePath}/supervision/chats/:conversationId`,
} as const;

/** Matches a pattern such as `/console/conversations/:caseReference`; returns the decoded params. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const trim = (path: string) => (path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path);
  const patternParts = trim(pattern).split('/');
  const pathParts = trim(pathname).split('/');
  if (patternParts.length !== pathParts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < patternParts.length; i++) {
    const expected = patternParts[i] ?? '';
    const actual = pathParts[i] ?? '';
    if (expected.startsWith(':')) {
      if (actual === '') return null;
      try {
        params[expected.slice(1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (expected !== actual) {
      return null;
    }
  }
  return params;
}

/** A path for a pattern with its params filled in (encoded). */
export function pathTo(pattern: string, params: Record<string, string> = {}): string {
  return pattern.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}

/** Only paths inside the console are allowed as a place to return to after signing in. */
export function safeReturnPath(value: string | null): string | null {
  if (!value || !value.startsWith(`${basePath}/`) || value.startsWith('//') || value.includes('\\')) return null;
  if (matchPath(paths.signIn, value.split('?')[0] ?? '')) return null;
  return value;
}
