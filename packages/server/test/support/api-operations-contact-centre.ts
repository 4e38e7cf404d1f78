import { randomUUID } from 'node:crypto';
import { reportTables } from '@ward/protocol';
import { type Operation, ADMIN, STAFF, REPORTS, WALLBOARD, only, DEPARTMENT_MANAGERS } from './api-callers.ts';

const reason = 'Matrix check';
const reportDay = new Date().toISOString().slice(0, 10);

/**
 * The rows of running the contact centre (issue 11, issue 12): canned replies, routing, opening
 * hours, reports and the live view. Spread into api-operations.ts.
 */
export const contactCentreOperations: Record<string, Operation> = {
  'GET /api/canned-replies': { path: () => '/api/canned-replies', expect: STAFF },
  // A department's reply: administrators and its supervisors (an agent's own is tried in canned-replies.test.ts).
  'POST /api/canned-replies': {
    path: () => '/api/canned-replies',
    body: () => ({ title: 'Opening hours', body: 'We are open 9 to 5.', departmentId: 'council-tax' }),
    expect: DEPARTMENT_MANAGERS,
  },
  'PUT /api/canned-replies/{id}': {
    path: (f) => `/api/canned-replies/${f.cannedReplyId}`,
    body: () => ({ title: 'Payment plans', body: 'Pay monthly, {resident first name}.', departmentId: 'council-tax' }),
    expect: DEPARTMENT_MANAGERS,
  },
  'DELETE /api/canned-replies/{id}': {
    path: (f) => `/api/canned-replies/${f.cannedReplyId}`,
    expect: DEPARTMENT_MANAGERS,
  },
  // Routing (ADR 39): staff's skills and capacity, set by administrators.
  'GET /api/routing/agents': { path: () => '/api/routing/agents', expect: ADMIN },
  'PUT /api/staff/{id}/routing': {
    path: (f) => `/api/staff/${f.staffIds.spare}/routing`,
    body: () => ({ skills: [], capacity: 2 }),
    expect: ADMIN,
  },
  // A department's routing and opening-hours exceptions, set by administrators (ADR 47).
  'PUT /api/routing/departments/{departmentId}': {
    path: () => '/api/routing/departments/housing',
    body: () => ({ strategy: null, capacity: null }),
    expect: ADMIN,
  },
  'GET /api/opening-hours/exceptions': { path: () => '/api/opening-hours/exceptions', expect: ADMIN },
  'POST /api/opening-hours/exceptions': {
    path: () => '/api/opening-hours/exceptions',
    body: () => ({ kind: 'closure', from: '2099-12-24', to: '2099-12-24', reason, departments: ['housing'] }),
    expect: ADMIN,
  },
  'DELETE /api/opening-hours/exceptions/{id}': {
    path: () => `/api/opening-hours/exceptions/${randomUUID()}`,
    expect: ADMIN,
    missingObject: true,
  },
  ...Object.fromEntries(
    ['summary', ...reportTables].map((table) => [
      `GET /api/reports/${table}`,
      { path: () => `/api/reports/${table}?from=${reportDay}&to=${reportDay}`, expect: REPORTS },
    ]),
  ),
  'GET /api/reports/wallboard': { path: () => '/api/reports/wallboard', expect: WALLBOARD },
  // The residents' own words (ADR 44): supervisors and administrators, never an API key.
  'GET /api/reports/survey-comments': {
    path: () => `/api/reports/survey-comments?from=${reportDay}&to=${reportDay}`,
    expect: DEPARTMENT_MANAGERS,
  },
  // The live view (issue 11): supervisors (their departments) and administrators; not agents, not API keys.
  'GET /api/supervision/live': { path: () => '/api/supervision/live', expect: only('supervisorHere', 'admin') },
};
