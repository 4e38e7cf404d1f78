import type { StaffRole } from '@ward/protocol';
import type { Db } from '../db/client.ts';
import type { DomainEventBus } from './domain-events.ts';
import type { OrganisationSettings } from './organisation-settings.ts';
import type { MessageAppender } from '../features/conversations/message-appender.ts';
import type { Keyring } from '../features/crypto/keyring.ts';
import type { ReadAuditBatcher } from '../features/audit/read-audit-batcher.ts';

export type Organisation = { id: string; slug: string; name: string; settings: OrganisationSettings };

/** What every service needs, handed down from app.ts: no singletons. */
export type ServiceContext = {
  db: Db;
  events: DomainEventBus;
  organisation: Organisation;
  keyring: Keyring;
  /** The blind-index key (features/crypto/blind-index.ts): separate from the KEKs. */
  indexKey: Buffer;
  messageAppender: MessageAppender;
  /** Staff's reads are audited through this, many to a transaction (read-audit-batcher.ts). */
  readAudit: ReadAuditBatcher;
};

/** A signed-in member of staff. */
export type StaffPrincipal = {
  id: string;
  organisationId: string;
  email: string;
  firstName: string;
  lastName: string;
  role: StaffRole;
  /** Whether they have two-step sign-in on (ADR 22); known for a session's member of staff. */
  mfaEnabled?: boolean;
  /** How their session was opened: single sign-on has the identity provider's second factor (ADR 23). */
  signedInWith?: 'password' | 'single-sign-on';
  /** Where the request came from, truncated like the capture rules (IPv4 /24, IPv6 /48): for the audit trail. */
  source?: string;
};
