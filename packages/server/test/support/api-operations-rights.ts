import { randomUUID } from 'node:crypto';
import { type Operation, PUBLIC, ADMIN, PRIVACY, resident } from './api-callers.ts';

const reason = 'Matrix check';

/**
 * The rows of residents' rights (ADR 28, 32–35) and consent (ADR 37): privacy officers and
 * administrators, the ids of no object (those allowed get 404). Spread into api-operations.ts.
 */
export const rightsOperations: Record<string, Operation> = {
  // Residents' rights requests (ADR 28): privacy officers and administrators.
  'POST /api/rights-requests': {
    path: () => '/api/rights-requests',
    body: () => ({
      type: 'access',
      receivedOn: '2026-01-05',
      channel: 'email',
      requesterName: resident.name,
      requesterContact: resident.email,
    }),
    expect: PRIVACY,
  },
  'GET /api/rights-requests': { path: () => '/api/rights-requests', expect: PRIVACY },
  'GET /api/rights-requests/{id}': {
    path: () => `/api/rights-requests/${randomUUID()}`,
    expect: PRIVACY,
    missingObject: true,
  },
  'POST /api/rights-requests/{id}/status': {
    path: () => `/api/rights-requests/${randomUUID()}/status`,
    body: () => ({ status: 'awaiting-identity' }),
    expect: PRIVACY,
    missingObject: true,
  },
  'POST /api/rights-requests/{id}/extend': {
    path: () => `/api/rights-requests/${randomUUID()}/extend`,
    body: () => ({ months: 1, reason }),
    expect: PRIVACY,
    missingObject: true,
  },
  'POST /api/rights-requests/{id}/owner': {
    path: () => `/api/rights-requests/${randomUUID()}/owner`,
    body: (f) => ({ ownerId: f.staffIds.spare }),
    expect: PRIVACY,
    missingObject: true,
  },
  'POST /api/rights-requests/{id}/close': {
    path: () => `/api/rights-requests/${randomUUID()}/close`,
    body: () => ({ outcome: 'withdrawn' }),
    expect: PRIVACY,
    missingObject: true,
  },
  // A request's export pack (ADR 34). The resident's link is public: an unknown token is a 404 page.
  'POST /api/rights-requests/{id}/export': {
    path: () => `/api/rights-requests/${randomUUID()}/export`,
    expect: PRIVACY,
    missingObject: true,
  },
  'GET /api/rights-requests/{id}/export': {
    path: () => `/api/rights-requests/${randomUUID()}/export`,
    expect: PRIVACY,
    missingObject: true,
  },
  'GET /api/rights-requests/{id}/export/{packId}/download': {
    path: () => `/api/rights-requests/${randomUUID()}/export/${randomUUID()}/download`,
    expect: PRIVACY,
    missingObject: true,
  },
  'POST /api/rights-requests/{id}/export/{packId}/send': {
    path: () => `/api/rights-requests/${randomUUID()}/export/${randomUUID()}/send`,
    body: () => ({ email: resident.email }),
    expect: PRIVACY,
    missingObject: true,
  },
  'GET /api/rights-requests/{id}/messages': {
    path: () => `/api/rights-requests/${randomUUID()}/messages`,
    expect: PRIVACY,
    missingObject: true,
  },
  'PUT /api/rights-requests/{id}/withheld': {
    path: () => `/api/rights-requests/${randomUUID()}/withheld`,
    body: () => ({ messages: [] }),
    expect: PRIVACY,
    missingObject: true,
  },
  'GET /rights/packs/{token}': {
    path: () => `/rights/packs/${'A'.repeat(43)}`,
    expect: PUBLIC,
    missingObject: true,
  },
  'POST /api/rights-requests/{id}/candidates': {
    path: () => `/api/rights-requests/${randomUUID()}/candidates`,
    body: () => ({ name: resident.name }),
    expect: PRIVACY,
    missingObject: true,
  },
  'GET /api/rights-requests/{id}/scope': {
    path: () => `/api/rights-requests/${randomUUID()}/scope`,
    expect: PRIVACY,
    missingObject: true,
  },
  'POST /api/rights-requests/{id}/scope': {
    path: () => `/api/rights-requests/${randomUUID()}/scope`,
    body: (f) => ({ kind: 'case', id: f.caseId }),
    expect: PRIVACY,
    missingObject: true,
  },
  'POST /api/rights-requests/{id}/scope/remove': {
    path: () => `/api/rights-requests/${randomUUID()}/scope/remove`,
    body: (f) => ({ kind: 'case', id: f.caseId }),
    expect: PRIVACY,
    missingObject: true,
  },
  'POST /api/rights-requests/{id}/restriction': {
    path: () => `/api/rights-requests/${randomUUID()}/restriction`,
    expect: PRIVACY,
    missingObject: true,
  },
  'POST /api/rights-requests/{id}/restriction/lift': {
    path: () => `/api/rights-requests/${randomUUID()}/restriction/lift`,
    expect: PRIVACY,
    missingObject: true,
  },
  'POST /api/rights-requests/{id}/objections': {
    path: () => `/api/rights-requests/${randomUUID()}/objections`,
    body: () => ({ purpose: 'surveys' }),
    expect: PRIVACY,
    missingObject: true,
  },
  // Erasure (ADR 35): the preview and the erasure of a request's resident.
  'POST /api/rights-requests/{id}/erasure/preview': {
    path: () => `/api/rights-requests/${randomUUID()}/erasure/preview`,
    body: () => ({}),
    expect: PRIVACY,
    missingObject: true,
  },
  'POST /api/rights-requests/{id}/erasure': {
    path: () => `/api/rights-requests/${randomUUID()}/erasure`,
    body: () => ({ reason }),
    expect: PRIVACY,
    missingObject: true,
  },
  // Privacy notices and the proof of consent (ADR 37).
  'GET /api/privacy-notices': { path: () => '/api/privacy-notices', expect: PRIVACY },
  'POST /api/privacy-notices': {
    path: () => '/api/privacy-notices',
    body: () => ({ version: `matrix-${randomUUID().slice(0, 8)}`, url: 'https://council.example/privacy' }),
    expect: ADMIN,
  },
  'GET /api/consents': { path: () => '/api/consents?purpose=service-updates', expect: PRIVACY },
  'GET /api/consents.csv': { path: () => '/api/consents.csv?purpose=service-updates', expect: PRIVACY },
  'POST /api/consents/{id}/withdraw': {
    path: () => `/api/consents/${randomUUID()}/withdraw`,
    body: () => ({}),
    expect: PRIVACY,
    missingObject: true,
  },
};
