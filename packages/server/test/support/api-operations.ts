import { randomUUID } from 'node:crypto';
import {
  type Operation,
  everyone,
  PUBLIC,
  ADMIN,
  PRIVACY,
  VISITOR,
  STAFF,
  OBJECT,
  LIVE_CHAT,
  LIST,
  CHAT_LIST,
  MY_CASES,
  INTAKE,
} from './api-callers.ts';

export { callers, resident, type Caller, type Fixture, type Operation, type Outcome } from './api-callers.ts';
import { resident } from './api-callers.ts';
import { rightsOperations } from './api-operations-rights.ts';
import { contactCentreOperations } from './api-operations-contact-centre.ts';

/**
 * Every operation of the OpenAPI document, with a valid request for it and who may make it, and
 * every realtime event. Used by the authorisation matrix and the hostile-input sweep (with
 * api-matrix.ts, which sets up the objects and sends), so both cover every operation and fail when
 * one is added without a row here.
 */
const reason = 'Matrix check';

export const operations: Record<string, Operation> = {
  'GET /api/widget/{organisation}/config': { path: () => '/api/widget/demo/config', expect: PUBLIC },
  'POST /api/widget/{organisation}/conversations': {
    path: () => '/api/widget/demo/conversations',
    body: () => ({ name: 'Bob Resident', topic: 'bins', consent: true }),
    expect: PUBLIC,
  },
  'POST /api/visitor/conversation/survey': {
    path: () => '/api/visitor/conversation/survey',
    body: () => ({ rating: 5 }),
    expect: VISITOR,
  },
  'POST /api/visitor/conversation/transcript': {
    path: () => '/api/visitor/conversation/transcript',
    body: () => ({ email: resident.email }),
    expect: VISITOR,
  },
  'POST /api/visitor/conversation/opt-ins': {
    path: () => '/api/visitor/conversation/opt-ins',
    body: () => ({ optIns: [] }),
    expect: VISITOR,
  },
  // Nobody asked the fixture's resident: the visitor gets through to a 409.
  'POST /api/visitor/conversation/consent': {
    path: () => '/api/visitor/conversation/consent',
    body: () => ({}),
    expect: VISITOR,
  },
  'GET /api/forms/{organisation}': { path: () => '/api/forms/demo', expect: PUBLIC },
  'POST /api/forms/{organisation}/{formId}/submissions': {
    path: () => '/api/forms/demo/leave-details/submissions',
    body: () => ({ answers: {} }),
    expect: PUBLIC,
  },
  'GET /api/invitations/{token}': {
    path: () => '/api/invitations/not-a-real-token',
    expect: PUBLIC,
    missingObject: true,
  },
  'POST /api/invitations/{token}/accept': {
    path: () => '/api/invitations/not-a-real-token/accept',
    body: () => ({ firstName: 'Sam', lastName: 'Okafor', password: 'correct horse battery staple' }),
    expect: PUBLIC,
    missingObject: true,
  },
  'POST /api/auth/login': {
    path: () => '/api/auth/login',
    body: (f) => ({ email: f.hereEmail, password: 'correct horse battery staple' }),
    expect: PUBLIC,
  },
  'GET /api/auth/me': { path: () => '/api/auth/me', expect: STAFF },
  // The current password is wrong on purpose: the matrix checks who reaches the operation, not the change.
  'POST /api/auth/password': {
    path: () => '/api/auth/password',
    body: () => ({ currentPassword: 'not the password', newPassword: 'a new password for the matrix' }),
    expect: STAFF,
  },
  // Their own console's language (ADR 51): English, as every member of staff has it already.
  'PUT /api/auth/language': { path: () => '/api/auth/language', body: () => ({ language: 'en' }), expect: STAFF },
  ...contactCentreOperations,
  'GET /api/departments': { path: () => '/api/departments', expect: STAFF },
  'GET /api/staff/directory': { path: () => '/api/staff/directory', expect: STAFF },
  'GET /api/staff': { path: () => '/api/staff', expect: ADMIN },
  'PUT /api/staff/{id}/departments': {
    // A spare colleague: changing someone's departments ends their sessions.
    path: (f) => `/api/staff/${f.staffIds.spare}/departments`,
    body: () => ({ departments: ['parking'] }),
    expect: ADMIN,
  },
  'PUT /api/staff/{id}/role': {
    path: (f) => `/api/staff/${f.staffIds.spare}/role`,
    body: () => ({ role: 'supervisor' }),
    expect: ADMIN,
  },
  'POST /api/staff/invitations': {
    path: () => '/api/staff/invitations',
    body: () => ({ email: `matrix-${randomUUID()}@council.example`, role: 'agent' }),
    expect: ADMIN,
  },
  'GET /api/outbox': { path: () => '/api/outbox', expect: ADMIN },
  'POST /api/api-keys': {
    path: () => '/api/api-keys',
    body: () => ({ name: 'Matrix', scopes: ['intake'] }),
    expect: ADMIN,
  },
  'GET /api/api-keys': { path: () => '/api/api-keys', expect: ADMIN },
  'POST /api/api-keys/{id}/revoke': {
    path: () => `/api/api-keys/${randomUUID()}/revoke`,
    body: () => ({}),
    expect: ADMIN,
    missingObject: true,
  },
  'GET /api/audit': { path: () => '/api/audit', expect: PRIVACY },
  'GET /api/audit.csv': { path: () => '/api/audit.csv', expect: PRIVACY },
  'POST /api/retention/holds': {
    path: () => '/api/retention/holds',
    body: (f) => ({ caseReference: f.chat.caseReference, reason }),
    expect: PRIVACY,
  },
  'GET /api/retention/holds': { path: () => '/api/retention/holds', expect: PRIVACY },
  'POST /api/retention/holds/{id}/lift': {
    path: () => `/api/retention/holds/${randomUUID()}/lift`,
    body: () => ({}),
    expect: PRIVACY,
    missingObject: true,
  },
  'GET /api/retention/upcoming': { path: () => '/api/retention/upcoming', expect: PRIVACY },
  'GET /api/retention/destruction-log': { path: () => '/api/retention/destruction-log', expect: PRIVACY },
  'POST /api/intake/social-media': {
    path: () => '/api/intake/social-media',
    body: () => ({
      platform: 'facebook',
      handle: '@matrix',
      request: 'The street light is out',
      receivedAt: new Date(Date.now() - 60_000).toISOString(),
    }),
    expect: INTAKE,
  },
  'GET /api/integrations/cases/{caseReference}': {
    path: (f) => `/api/integrations/cases/${f.chat.caseReference}`,
    expect: INTAKE,
  },
  'POST /api/intake/contacts': {
    path: () => '/api/intake/contacts',
    body: () => ({ channel: 'phone', summary: 'Asked about opening hours', name: 'Bob Resident' }),
    expect: STAFF,
  },

  'GET /api/conversations': { path: () => '/api/conversations', expect: CHAT_LIST },
  'POST /api/conversations/search': {
    path: () => '/api/conversations/search',
    body: () => ({ email: resident.email }),
    expect: CHAT_LIST,
  },
  'GET /api/conversations/by-reference/{caseReference}': {
    path: (f) => `/api/conversations/by-reference/${f.chat.caseReference}`,
    expect: LIVE_CHAT,
  },
  'GET /api/conversations/{id}': { path: (f) => `/api/conversations/${f.chat.conversationId}`, expect: LIVE_CHAT },
  'GET /api/conversations/{id}/quoted-cases': {
    path: (f) => `/api/conversations/${f.chat.conversationId}/quoted-cases`,
    expect: LIVE_CHAT,
  },
  'PUT /api/conversations/{id}/summary': {
    path: (f) => `/api/conversations/${f.chat.conversationId}/summary`,
    body: () => ({ summary: 'Matrix summary' }),
    expect: LIVE_CHAT,
  },

  'GET /api/cases/mine': { path: () => '/api/cases/mine', expect: MY_CASES },
  'GET /api/cases/departments/{departmentId}': { path: () => '/api/cases/departments/council-tax', expect: OBJECT },
  'POST /api/cases/lookup': {
    path: () => '/api/cases/lookup',
    body: (f) => ({ caseReference: f.chat.caseReference }),
    expect: LIST,
  },
  'GET /api/cases/{id}': { path: (f) => `/api/cases/${f.caseId}`, expect: OBJECT },
  'PUT /api/cases/{id}/status': {
    path: (f) => `/api/cases/${f.caseId}/status`,
    body: () => ({ status: 'open' }),
    expect: OBJECT,
  },
  'PUT /api/cases/{id}/owner': {
    path: (f) => `/api/cases/${f.caseId}/owner`,
    body: (f) => ({ ownerStaffId: f.staffIds.agentHere }),
    expect: OBJECT,
  },
  'PUT /api/cases/{id}/department': {
    path: (f) => `/api/cases/${f.caseId}/department`,
    body: () => ({ departmentId: 'council-tax' }),
    expect: OBJECT,
  },
  'POST /api/cases/{id}/notes': {
    path: (f) => `/api/cases/${f.caseId}/notes`,
    body: () => ({ text: 'Matrix note' }),
    expect: OBJECT,
  },
  'POST /api/cases/{id}/links': {
    path: (f) => `/api/cases/${f.caseId}/links`,
    body: (f) => ({ caseReference: f.chat.caseReference }),
    expect: OBJECT,
  },
  'DELETE /api/cases/{id}/links/{linkedCaseId}': {
    path: (f) => `/api/cases/${f.caseId}/links/${randomUUID()}`,
    expect: OBJECT,
    missingObject: true,
  },
  'PUT /api/cases/{id}/summary': {
    path: (f) => `/api/cases/${f.caseId}/summary`,
    body: () => ({ summary: 'Matrix summary' }),
    expect: OBJECT,
  },
  'GET /api/cases/{id}/form-submission': {
    path: (f) => `/api/cases/${f.caseId}/form-submission`,
    expect: OBJECT,
    missingObject: true,
  },
  // The fixture has no form: staff get through to a 404 (who may correct is in forms-corrections.test.ts).
  'PUT /api/form-submissions/{id}/answers/{fieldId}': {
    path: () => `/api/form-submissions/${randomUUID()}/answers/description`,
    body: () => ({ value: 'The lamp is still out', reason }),
    expect: STAFF,
    missingObject: true,
  },
  'GET /api/cases/{caseId}/emails': { path: (f) => `/api/cases/${f.caseId}/emails`, expect: OBJECT },
  'POST /api/cases/{caseId}/emails': {
    path: (f) => `/api/cases/${f.caseId}/emails`,
    body: () => ({ body: 'Matrix reply' }),
    expect: OBJECT,
  },
  // Email attachments' department rule is tried with real emails in email-attachments.test.ts.
  'GET /api/emails/{emailId}/attachments/{attachmentId}': {
    path: () => `/api/emails/${randomUUID()}/attachments/${randomUUID()}`,
    expect: OBJECT,
    missingObject: true,
  },

  'POST /api/records': {
    path: () => '/api/records',
    body: () => ({ details: [{ kind: 'name', name: 'Bob Resident' }] }),
    expect: STAFF,
  },
  'POST /api/records/search': {
    path: () => '/api/records/search',
    body: () => ({ email: resident.email }),
    expect: LIST,
  },
  'POST /api/records/matches': {
    path: () => '/api/records/matches',
    body: (f) => ({ conversationId: f.chat.conversationId }),
    expect: LIVE_CHAT,
  },
  'POST /api/records/from-chat': {
    path: () => '/api/records/from-chat',
    body: (f) => ({ conversationId: f.chat.conversationId }),
    expect: LIVE_CHAT,
  },
  'GET /api/records/{id}': { path: (f) => `/api/records/${f.recordId}`, expect: OBJECT },
  'POST /api/records/{id}/details': {
    path: (f) => `/api/records/${f.recordId}/details`,
    body: () => ({ value: { kind: 'phone', number: '01632 960 001', label: null } }),
    expect: OBJECT,
  },
  'PUT /api/records/{id}/details/{detailId}': {
    path: (f) => `/api/records/${f.recordId}/details/${f.detailId}`,
    body: () => ({ value: { kind: 'name', name: resident.name }, reason }),
    expect: OBJECT,
  },
  'POST /api/records/{id}/link-chat': {
    path: (f) => `/api/records/${f.recordId}/link-chat`,
    // The agent elsewhere links their own chat: only the record is out of reach.
    body: (f, caller) => ({
      conversationId: caller === 'agentElsewhere' ? f.elsewhereChatId : f.chat.conversationId,
    }),
    expect: LIVE_CHAT,
  },
  'POST /api/records/{id}/merge': {
    path: (f) => `/api/records/${f.recordId}/merge`,
    body: (f) => ({ intoRecordId: f.spareRecordId, reason }),
    expect: OBJECT,
  },
  'POST /api/records/{id}/unmerge': {
    path: (f) => `/api/records/${f.recordId}/unmerge`,
    body: () => ({ reason }),
    expect: OBJECT,
  },
  'POST /api/records/{id}/details/{detailId}/remove': {
    path: (f) => `/api/records/${f.recordId}/details/${f.detailId}/remove`,
    body: () => ({ reason }),
    expect: OBJECT,
  },
  // Outgoing webhooks (ADR 24): administrators only; the ids are of no webhook (those allowed get 404).
  'POST /api/webhooks': {
    path: () => '/api/webhooks',
    body: () => ({ url: 'https://crm.council.example/ward', events: ['case.created'] }),
    expect: ADMIN,
  },
  'GET /api/webhooks': { path: () => '/api/webhooks', expect: ADMIN },
  'GET /api/webhooks/{id}': { path: () => `/api/webhooks/${randomUUID()}`, expect: ADMIN, missingObject: true },
  'POST /api/webhooks/{id}/pause': {
    path: () => `/api/webhooks/${randomUUID()}/pause`,
    body: () => ({}),
    expect: ADMIN,
    missingObject: true,
  },
  'POST /api/webhooks/{id}/resume': {
    path: () => `/api/webhooks/${randomUUID()}/resume`,
    body: () => ({}),
    expect: ADMIN,
    missingObject: true,
  },
  'DELETE /api/webhooks/{id}': { path: () => `/api/webhooks/${randomUUID()}`, expect: ADMIN, missingObject: true },
  'POST /api/webhooks/{id}/ping': {
    path: () => `/api/webhooks/${randomUUID()}/ping`,
    body: () => ({}),
    expect: ADMIN,
    missingObject: true,
  },
  'GET /api/webhooks/{id}/deliveries': {
    path: () => `/api/webhooks/${randomUUID()}/deliveries`,
    expect: ADMIN,
    missingObject: true,
  },
  // Single sign-on (ADR 23). The matrix's Ward has no identity provider configured: start and callback answer
  // 404 (not set up) to everyone; single-sign-on.test.ts drives them against a real provider (a callback without the
  // state Ward issued is a 400 there).
  'GET /api/auth/methods': { path: () => '/api/auth/methods', expect: PUBLIC },
  'GET /api/auth/oidc/start': { path: () => '/api/auth/oidc/start', expect: PUBLIC, missingObject: true },
  'GET /api/auth/oidc/callback': {
    path: () => '/api/auth/oidc/callback?code=not-a-code&state=not-a-state',
    expect: PUBLIC,
    missingObject: true,
  },
  ...rightsOperations,
  // Disclosures to third parties and the record of processing (ADR 30).
  'POST /api/cases/{id}/disclosures': {
    path: (f) => `/api/cases/${f.caseId}/disclosures`,
    body: () => ({
      recipientOrganisation: 'Matrix Constabulary',
      recipientContact: 'Matrix desk',
      lawfulBasis: 'legal-obligation',
      whatShared: 'Matrix details',
      why: reason,
    }),
    expect: OBJECT,
  },
  'GET /api/disclosures': { path: () => '/api/disclosures?from=2026-01-01&to=2026-12-31', expect: PRIVACY },
  'GET /api/ropa': { path: () => '/api/ropa', expect: PRIVACY },
  'GET /api/conversations/{id}/corrections': {
    path: (f) => `/api/conversations/${f.chat.conversationId}/corrections`,
    expect: LIVE_CHAT,
  },
  'PUT /api/conversations/{id}/details': {
    // The same values: refused as no change, so the fixture's chat keeps its resident's details.
    path: (f) => `/api/conversations/${f.chat.conversationId}/details`,
    body: () => ({ name: resident.name, email: resident.email, reason }),
    expect: LIVE_CHAT,
  },
  // Last: signing out ends the session it is called with (a spare one here).
  'POST /api/auth/logout': { path: () => '/api/auth/logout', body: () => ({}), expect: PUBLIC },

  // Two-step sign-in (ADR 22). The code at sign-in needs the waiting sign-in's cookie, which only a
  // password gives: without it nobody gets past (the flow itself is in mfa.test.ts).
  'POST /api/auth/mfa/verify': {
    path: () => '/api/auth/mfa/verify',
    body: () => ({ code: '000000' }),
    expect: everyone('deny'),
  },
  'GET /api/auth/mfa': { path: () => '/api/auth/mfa', expect: STAFF },
  // Takes no body (whatever is sent is not read), so none is sent.
  'POST /api/auth/mfa/enrolment': { path: () => '/api/auth/mfa/enrolment', expect: STAFF },
  // A wrong code: refused with a 400 once past the door.
  'POST /api/auth/mfa/enrolment/confirm': {
    path: () => '/api/auth/mfa/enrolment/confirm',
    body: () => ({ code: '000000' }),
    expect: STAFF,
  },
  'POST /api/auth/mfa/recovery-codes': {
    path: () => '/api/auth/mfa/recovery-codes',
    body: () => ({ code: '000000' }),
    expect: STAFF,
  },
  'POST /api/auth/mfa/turn-off': {
    path: () => '/api/auth/mfa/turn-off',
    body: () => ({ code: '000000' }),
    expect: STAFF,
  },
  'POST /api/staff/{id}/mfa/reset': {
    // The spare colleague: a reset ends their sessions.
    path: (f) => `/api/staff/${f.staffIds.spare}/mfa/reset`,
    expect: ADMIN,
  },
};

/** Realtime events: who may connect to each namespace, and what another department's agent gets. */
export const agentEvents = [
  'conversation:accept',
  'message:send',
  'typing',
  'resume',
  'conversation:end',
  'consent:mark',
  'consent:ask',
  'supervision:watch',
  'supervision:unwatch',
  'supervision:take-over',
  'note:add',
  'notes:list',
  'conversation:transfer',
  // The agent's own status and activity (ADR 39): nobody else's, no chat's.
  'status:set',
  'activity',
];
export const visitorEvents = ['message:send', 'typing', 'resume', 'conversation:end', 'chat:stay'];
