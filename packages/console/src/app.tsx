import { Suspense, type ReactNode } from 'react';
import { ChatsPage } from './features/chats/ChatsPage.tsx';
import { SignInPage } from './features/sign-in/SignInPage.tsx';
import { recordRoutes } from './features/records/record-routes.tsx';
import { caseRoutes } from './features/cases/case-routes.tsx';
import { webhookRoutes } from './features/webhooks/webhook-routes.tsx';
import { rightsRoutes } from './features/rights/rights-routes.tsx';
import { totalUnread } from './realtime/workspace-state.ts';
import { WorkspaceProvider, useWorkspace } from './realtime/workspace.tsx';
import { matchPath, paths } from './route-match.ts';
import { Redirect, useLocation } from './router.tsx';
import { SessionProvider, useSession, useStaff } from './session/session.tsx';
import { AnnouncerProvider } from './ui/Announcer.tsx';
import type { NavItem } from './ui/Layout.tsx';
import { Layout } from './ui/Layout.tsx';
import { Loading } from './ui/Loading.tsx';
import { ForbiddenPage, NotFoundPage, ServiceProblemPage } from './ui/ProblemPages.tsx';
import {
  administers,
  answersChats,
  doesPrivacyWork,
  mayOpen,
  readsReports,
  watchesWallboard,
  type PageDuty,
} from './session/roles.ts';
import { lazyPage } from './ui/lazy-page.ts';
import { LanguageProvider } from './i18n/language.tsx';
import { useShellTexts } from './i18n/shell.ts';

const RecordOfProcessingPage = lazyPage(() =>
  import('./features/processing/RecordOfProcessingPage.tsx').then((m) => m.RecordOfProcessingPage),
);
const DisclosureLogPage = lazyPage(() =>
  import('./features/processing/DisclosureLogPage.tsx').then((m) => m.DisclosureLogPage),
);
const ConsentsPage = lazyPage(() => import('./features/consents/ConsentsPage.tsx').then((m) => m.ConsentsPage));
const PrivacyNoticesPage = lazyPage(() =>
  import('./features/consents/PrivacyNoticesPage.tsx').then((m) => m.PrivacyNoticesPage),
);
const AuditPage = lazyPage(() => import('./features/audit/AuditPage.tsx').then((m) => m.AuditPage));
const AcceptInvitationPage = lazyPage(() =>
  import('./features/invitations/AcceptInvitationPage.tsx').then((m) => m.AcceptInvitationPage),
);
const ConversationPage = lazyPage(() =>
  import('./features/conversations/ConversationPage.tsx').then((m) => m.ConversationPage),
);
const ConversationsPage = lazyPage(() =>
  import('./features/conversations/ConversationsPage.tsx').then((m) => m.ConversationsPage),
);
const CannedRepliesPage = lazyPage(() =>
  import('./features/canned-replies/CannedRepliesPage.tsx').then((m) => m.CannedRepliesPage),
);
const OutboxPage = lazyPage(() => import('./features/outbox/OutboxPage.tsx').then((m) => m.OutboxPage));
const RetentionPage = lazyPage(() => import('./features/retention/RetentionPage.tsx').then((m) => m.RetentionPage));
const MfaPage = lazyPage(() => import('./features/mfa/MfaPage.tsx').then((m) => m.MfaPage));
const StaffPage = lazyPage(() => import('./features/staff/StaffPage.tsx').then((m) => m.StaffPage));
const OpeningHoursPage = lazyPage(() =>
  import('./features/opening-hours/OpeningHoursPage.tsx').then((m) => m.OpeningHoursPage),
);
const ReportsPage = lazyPage(() => import('./features/reports/ReportsPage.tsx').then((m) => m.ReportsPage));
const WallboardPage = lazyPage(() => import('./features/reports/WallboardPage.tsx').then((m) => m.WallboardPage));
const LiveViewPage = lazyPage(() => import('./features/supervision/LiveViewPage.tsx').then((m) => m.LiveViewPage));
const WatchChatPage = lazyPage(() => import('./features/supervision/WatchChatPage.tsx').then((m) => m.WatchChatPage));
const AccountPage = lazyPage(() => import('./features/account/AccountPage.tsx').then((m) => m.AccountPage));

export function App() {
  return (
    <AnnouncerProvider>
      <SessionProvider>
        <InStaffLanguage>
          <Routes />
        </InStaffLanguage>
      </SessionProvider>
    </AnnouncerProvider>
  );
}

/** The console in the signed-in member of staff's language (ADR 51); English before sign-in. */
function InStaffLanguage({ children }: { children: ReactNode }) {
  const { session } = useSession();
  return (
    <LanguageProvider language={session.status === 'signed-in' ? session.staff.language : 'en'}>
      {children}
    </LanguageProvider>
  );
}

/** Pages that need a signed-in member of staff; `duty` pages also need that duty (session/roles.ts). */
type ProtectedPage = { render: (params: Record<string, string>) => ReactNode; duty?: PageDuty };

const protectedRoutes: [string, ProtectedPage][] = [
  [paths.chats, { render: () => <ChatsPage />, duty: 'chats' }],
  [paths.cannedReplies, { render: () => <CannedRepliesPage />, duty: 'chats' }],
  [paths.account, { render: () => <AccountPage /> }],
  [paths.conversations, { render: () => <ConversationsPage /> }],
  [paths.conversation, { render: (params) => <ConversationPage caseReference={params.caseReference ?? ''} /> }],
  ...recordRoutes,
  ...caseRoutes,
  ...webhookRoutes,
  ...rightsRoutes,
  [paths.staff, { render: () => <StaffPage />, duty: 'admin' }],
  [paths.outbox, { render: () => <OutboxPage />, duty: 'admin' }],
  [paths.openingHours, { render: () => <OpeningHoursPage />, duty: 'admin' }],
  [paths.retention, { render: () => <RetentionPage />, duty: 'privacy' }],
  [paths.audit, { render: () => <AuditPage />, duty: 'privacy' }],
  [paths.recordOfProcessing, { render: () => <RecordOfProcessingPage />, duty: 'privacy' }],
  [paths.disclosures, { render: () => <DisclosureLogPage />, duty: 'privacy' }],
  [paths.consents, { render: () => <ConsentsPage />, duty: 'privacy' }],
  [paths.privacyNotices, { render: () => <PrivacyNoticesPage />, duty: 'privacy' }],
  [paths.mfa, { render: () => <MfaPage /> }],
  [paths.reports, { render: () => <ReportsPage />, duty: 'reports' }],
  [paths.wallboard, { render: () => <WallboardPage />, duty: 'wallboard' }],
  [paths.liveView, { render: () => <LiveViewPage />, duty: 'wallboard' }],
  [
    paths.watchChat,
    { render: (params) => <WatchChatPage conversationId={params.conversationId ?? ''} />, duty: 'wallboard' },
  ],
];

function Routes() {
  const { pathname } = useLocation();
  const { session } = useSession();
  const staff = session.status === 'signed-in' ? session.staff : null;

  if (matchPath(paths.signIn, pathname)) {
    return (
      <Layout staff={null} navigation={null}>
        <SignInPage />
      </Layout>
    );
  }
  const invitation = matchPath(paths.invitation, pathname);
  if (invitation) {
    return (
      <Layout staff={null} navigation={null}>
        <Suspense fallback={<PageLoading />}>
          <AcceptInvitationPage token={invitation.token ?? ''} />
        </Suspense>
      </Layout>
    );
  }
  if (matchPath(paths.home, pathname) || pathname === '/console') return <Redirect to={paths.chats} />;

  for (const [pattern, page] of protectedRoutes) {
    const params = matchPath(pattern, pathname);
    if (params) return <SignedInArea page={page} params={params} />;
  }
  return (
    <Layout staff={staff} navigation={null}>
      <NotFoundPage />
    </Layout>
  );
}

/** While a page's code arrives (every page but the chats is loaded when first opened). */
function PageLoading() {
  return <Loading text={useShellTexts().loadingPage} />;
}

/** Stays mounted across signed-in pages, so the socket and open chats live on between them. */
function SignedInArea({ page, params }: { page: ProtectedPage; params: Record<string, string> }) {
  const { session, retry } = useSession();
  const { pathname, search } = useLocation();
  const texts = useShellTexts();

  if (session.status === 'loading') {
    return (
      <Layout staff={null} navigation={null}>
        <Loading text={texts.checkingSignIn} />
      </Layout>
    );
  }
  if (session.status === 'error') {
    return (
      <Layout staff={null} navigation={null}>
        <ServiceProblemPage message={session.message} onRetry={retry} />
      </Layout>
    );
  }
  if (session.status === 'signed-out') {
    return <Redirect to={`${paths.signIn}?next=${encodeURIComponent(pathname + search)}`} />;
  }
  // Two-step sign-in is required of them and not set up: its set-up is all Ward opens (ADR 22).
  if (session.mfa.required && !session.mfa.enabled) {
    if (!matchPath(paths.mfa, pathname)) return <Redirect to={paths.mfa} />;
    return (
      <Layout staff={session.staff} navigation={null}>
        <Suspense fallback={<PageLoading />}>
          <MfaPage />
        </Suspense>
      </Layout>
    );
  }
  return (
    <WorkspaceProvider>
      <SignedInLayout>
        {mayOpen(session.staff.role, page.duty) ? (
          <Suspense fallback={<PageLoading />}>{page.render(params)}</Suspense>
        ) : page.duty === 'chats' ? (
          // Home for those who do not answer chats (privacy officers): the contacts.
          <Redirect to={paths.conversations} />
        ) : (
          <ForbiddenPage />
        )}
      </SignedInLayout>
    </WorkspaceProvider>
  );
}

function SignedInLayout({ children }: { children: ReactNode }) {
  const staff = useStaff();
  const { state } = useWorkspace();
  const { navigation: says, unread: unreadWord } = useShellTexts();
  const unread = totalUnread(state);
  const navigation: NavItem[] = [];
  if (answersChats(staff.role)) {
    navigation.push({
      href: paths.chats,
      text: (
        <>
          {says.chats}{' '}
          {unread > 0 ? (
            <span className="moj-notification-badge">
              {unread}
              <span className="govuk-visually-hidden">{unreadWord}</span>
            </span>
          ) : null}
        </>
      ),
    });
  }
  navigation.push(
    { href: paths.conversations, text: says.conversations },
    { href: paths.records, text: says.residents },
    { href: paths.cases, text: says.cases },
  );
  if (readsReports(staff.role))
    navigation.push({ href: paths.reports, text: staff.role === 'agent' ? says.yourFigures : says.reports });
  if (watchesWallboard(staff.role))
    navigation.push({ href: paths.wallboard, text: says.wallboard }, { href: paths.liveView, text: says.liveView });
  if (administers(staff.role))
    navigation.push(
      { href: paths.staff, text: says.staff },
      { href: paths.openingHours, text: says.openingHours },
      { href: paths.outbox, text: says.outbox },
    );
  if (doesPrivacyWork(staff.role))
    navigation.push(
      { href: paths.rightsRequests, text: says.requests },
      { href: paths.retention, text: says.retention },
      { href: paths.audit, text: says.auditTrail },
      { href: paths.consents, text: says.consents },
      { href: paths.disclosures, text: says.disclosures },
      { href: paths.recordOfProcessing, text: says.recordOfProcessing },
    );
  if (administers(staff.role))
    navigation.push({ href: paths.apiKeys, text: says.apiKeys }, { href: paths.webhooks, text: says.webhooks });
  return (
    <Layout staff={staff} navigation={navigation}>
      {children}
    </Layout>
  );
}
