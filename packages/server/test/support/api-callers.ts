import type { StartConversationResponse } from '@ward/protocol';

/**
 * Who calls the API in the authorisation matrix, what each may get, and the shorthands the
 * catalogue (api-operations.ts) writes its rows with.
 */
export const callers = [
  'anonymous',
  'visitor',
  'apiKey',
  'agentElsewhere',
  'agentHere',
  'supervisorHere',
  'privacyOfficer',
  'admin',
  'otherCouncil',
  'otherCouncilKey',
] as const;
export type Caller = (typeof callers)[number];
/**
 * allow: reaches the operation; deny: 401/403/404; hide: answered, with nothing of the other
 * department's resident in it.
 */
export type Outcome = 'allow' | 'deny' | 'hide';
export type Fixture = {
  chat: StartConversationResponse;
  caseId: string;
  recordId: string;
  spareRecordId: string;
  detailId: string;
  elsewhereChatId: string;
  hereEmail: string;
  /** A canned reply of the Council Tax department. */
  cannedReplyId: string;
  staffIds: Record<'agentElsewhere' | 'agentHere' | 'spare', string>;
};
export type Operation = {
  path: (f: Fixture) => string;
  body?: (f: Fixture, caller: Caller) => unknown;
  expect: Record<Caller, Outcome>;
  /** The object named in the path does not exist in the fixture: those allowed may get 404. */
  missingObject?: true;
};

export const everyone = (outcome: Outcome): Record<Caller, Outcome> =>
  Object.fromEntries(callers.map((c) => [c, outcome])) as Record<Caller, Outcome>;
export const only = (...allowed: Caller[]) =>
  Object.fromEntries(callers.map((c) => [c, allowed.includes(c) ? 'allow' : 'deny'])) as Record<Caller, Outcome>;
export const PUBLIC = everyone('allow');
export const ADMIN = only('admin');
/** The privacy officer's work: the audit trail, retention and holds. */
export const PRIVACY = only('privacyOfficer', 'admin');
export const VISITOR = only('visitor');
/** Any member of staff, whatever their role and departments (nothing of a department's resident is involved). */
export const STAFF = only('agentElsewhere', 'agentHere', 'supervisorHere', 'privacyOfficer', 'admin');
/** One case or record of the Council Tax department (privacy officers read every department). */
export const OBJECT = only('agentHere', 'supervisorHere', 'privacyOfficer', 'admin');
/**
 * The live Council Tax chat, which the agent here is handling: its supervisor and administrators
 * may watch it; a privacy officer reads chats once they have ended.
 */
export const LIVE_CHAT = only('agentHere', 'supervisorHere', 'admin');
/** A list or search: answered to all staff, without the other department's resident. */
export const LIST: Record<Caller, Outcome> = {
  ...only('agentHere', 'supervisorHere', 'privacyOfficer', 'admin'),
  agentElsewhere: 'hide',
};
/** A list of chats: the live chat is left out for those who may not watch it. */
export const CHAT_LIST: Record<Caller, Outcome> = { ...LIST, privacyOfficer: 'hide' };
/** The caller's own cases: the agent here owns the Council Tax case. */
export const MY_CASES: Record<Caller, Outcome> = { ...LIST, supervisorHere: 'hide', privacyOfficer: 'hide' };
/**
 * Reports' figures (no resident's data): the API key (it has the reports scope), administrators,
 * supervisors (their departments) and agents (their own); not privacy officers.
 */
export const REPORTS = only('apiKey', 'agentElsewhere', 'agentHere', 'supervisorHere', 'admin');
/** A staff session, or the API key (which has the intake, cases:read and reports scopes). */
/** The live wallboard: supervisors (their departments), administrators and the reports key; not agents. */
export const WALLBOARD = only('apiKey', 'supervisorHere', 'admin');
/** A department's canned replies: administrators and the department's supervisors manage them. */
export const DEPARTMENT_MANAGERS = only('supervisorHere', 'admin');
export const INTAKE = only('apiKey', 'agentElsewhere', 'agentHere', 'supervisorHere', 'privacyOfficer', 'admin');

/** The fixture's resident, as the rows' requests name them. */
export const resident = { name: 'Ann Resident', email: 'ann@example.com', message: 'My bin was not collected' };
