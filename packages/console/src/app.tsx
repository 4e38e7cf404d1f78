import type { ReactNode } from 'react';
import { AuditPage } from './features/audit/AuditPage.tsx';
import { AcceptInvitationPage } from './features/invitations/AcceptInvitationPage.tsx';
import { ChatsPage } from './features/chats/ChatsPage.tsx';
import { ConversationPage } from './features/conversations/ConversationPage.tsx';
import { ConversationsPage } from './features/conversations/ConversationsPage.tsx';
import { OutboxPage } from './features/outbox/OutboxPage.tsx';
import { RetentionPage } from './features/retention/RetentionPage.tsx';
import { SignInPage } from './features/sign-in/SignInPage.tsx';
import { StaffPage } from './features/staff/StaffPage.tsx';
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
import { administers, answersChats, doesPrivacyWork, mayOpen, type PageDuty } from './session/roles.ts';
import { AccountPage } from './features/account/AccountPage.tsx';

export function App() {
  return (
    <AnnouncerProvider>
      <SessionProvider>
        <Routes />
      </SessionProvider>
    </AnnouncerProvider>
  );
}

/** Pages that need a signed-in member of staff; `duty` pages also need that duty (session/roles.ts). */
type ProtectedPage = { render: (params: Record<string, string>) => ReactNode; duty?: PageDuty };

const protectedRoutes: [string, ProtectedPage][] = [
  [paths.chats, { render: () => <ChatsPage />, duty: 'chats' }],
  [paths.account, { render: () => <AccountPage /> }],
  [paths.conversations, { render: () => <ConversationsPage /> }],
  [paths.conversation, { render: (params) => <ConversationPage caseReference={params.caseReference ?? ''} /> }],
  ...recordRoutes,
  ...caseRoutes,
  ...webhookRoutes,
  ...rightsRoutes,
  [paths.staff, { render: () => <StaffPage />, duty: 'admin' }],
  [paths.outbox, { render: () => <OutboxPage />, duty: 'admin' }],
  [paths.retention, { render: () => <RetentionPage />, duty: 'privacy' }],
  [paths.audit, { render: () => <AuditPage />, duty: 'privacy' }],
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
        <AcceptInvitationPage token={invitation.token ?? ''} />
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

/** Stays mounted across signed-in pages, so the socket and open chats live on between them. */
function SignedInArea({ page, params }: { page: ProtectedPage; params: Record<string, string> }) {
  const { session, retry } = useSession();
  const { pathname, search } = useLocation();

  if (session.status === 'loading') {
    return (
      <Layout staff={null} navigation={null}>
        <Loading text="Checking you are signed in…" />
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
  return (
    <WorkspaceProvider>
      <SignedInLayout>
        {mayOpen(session.staff.role, page.duty) ? (
          page.render(params)
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
  const unread = totalUnread(state);
  const navigation: NavItem[] = [];
  if (answersChats(staff.role)) {
    navigation.push({
      href: paths.chats,
      text: (
        <>
          Chats{' '}
          {unread > 0 ? (
            <span className="moj-notification-badge">
              {unread}
              <span className="govuk-visually-hidden"> unread</span>
            </span>
          ) : null}
        </>
      ),
    });
  }
  navigation.push(
    { href: paths.conversations, text: 'Conversations' },
    { href: paths.records, text: 'Residents' },
    { href: paths.cases, text: 'Cases' },
  );
  if (administers(staff.role))
    navigation.push({ href: paths.staff, text: 'Staff' }, { href: paths.outbox, text: 'Outbox' });
  if (doesPrivacyWork(staff.role))
    navigation.push(
      { href: paths.rightsRequests, text: 'Requests' },
      { href: paths.retention, text: 'Retention' },
      { href: paths.audit, text: 'Audit trail' },
    );
  if (administers(staff.role))
    navigation.push({ href: paths.apiKeys, text: 'API keys' }, { href: paths.webhooks, text: 'Webhooks' });
  return (
    <Layout staff={staff} navigation={navigation}>
      {children}
    </Layout>
  );
}
