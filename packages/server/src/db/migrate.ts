import { sql } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import type { Db } from './client.ts';
import * as initial from './migrations/0001-initial.ts';
import * as retention from './migrations/0002-retention.ts';
import * as audit from './migrations/0003-audit.ts';
import * as blindIndexes from './migrations/0004-blind-indexes.ts';
import * as recordsAndCases from './migrations/0005-records-and-cases.ts';
import * as apiKeys from './migrations/0006-api-keys.ts';
import * as formSubmissions from './migrations/0007-form-submissions.ts';
import * as emails from './migrations/0008-emails.ts';
import * as invitationDepartments from './migrations/0009-invitation-departments.ts';
import * as caseHolds from './migrations/0010-case-holds.ts';
import * as auditBySubject from './migrations/0011-audit-by-subject.ts';
import * as rateLimits from './migrations/0012-rate-limits.ts';
import * as sessionActivity from './migrations/0013-session-activity.ts';
import * as apiKeyExpiry from './migrations/0014-api-key-expiry.ts';
import * as staffMfa from './migrations/0015-staff-mfa.ts';
import * as staffSsoSubject from './migrations/0016-staff-sso-subject.ts';
import * as webhooks from './migrations/0017-webhooks.ts';
import * as staffRoles from './migrations/0018-staff-roles.ts';
import * as auditChainKeyed from './migrations/0019-audit-chain-keyed.ts';
import * as rightsRequests from './migrations/0020-rights-requests.ts';
import * as sealAutomaticInformation from './migrations/0021-seal-automatic-information.ts';
import * as disclosures from './migrations/0022-disclosures.ts';
import * as visitorPresence from './migrations/0023-visitor-presence.ts';
import * as conversationCorrections from './migrations/0024-conversation-corrections.ts';
import * as rightsRequestScope from './migrations/0025-rights-request-scope.ts';
import * as processingRestrictions from './migrations/0026-processing-restrictions.ts';
import * as rightsExportPacks from './migrations/0027-rights-export-packs.ts';
import * as erasureLedger from './migrations/0028-erasure-ledger.ts';
import * as contactEvents from './migrations/0029-contact-events.ts';
import * as consentsAndNotices from './migrations/0030-consents-and-notices.ts';
import * as formAnswerCorrections from './migrations/0031-form-answer-corrections.ts';
import * as preChatAnswers from './migrations/0032-pre-chat-answers.ts';
import * as routing from './migrations/0033-routing.ts';
import * as chatNotesAndCannedReplies from './migrations/0034-chat-notes-and-canned-replies.ts';
import * as chatInactivity from './migrations/0035-chat-inactivity.ts';
import * as agentTimeAndOutOfHours from './migrations/0036-agent-time-and-out-of-hours.ts';
import * as approximateLocation from './migrations/0037-approximate-location.ts';
import * as openingExceptionsAndDepartmentRouting from './migrations/0038-opening-exceptions-and-department-routing.ts';
import * as conversationLanguage from './migrations/0039-conversation-language.ts';
import * as formSubmissionLanguage from './migrations/0040-form-submission-language.ts';
import * as chatHolds from './migrations/0041-chat-holds.ts';
import * as staffLanguage from './migrations/0042-staff-language.ts';

/** Listed explicitly (not read from the folder) so the set of migrations is part of the code. */
const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-retention': retention,
  '0003-audit': audit,
  '0004-blind-indexes': blindIndexes,
  '0005-records-and-cases': recordsAndCases,
  '0006-api-keys': apiKeys,
  '0007-form-submissions': formSubmissions,
  '0008-emails': emails,
  '0009-invitation-departments': invitationDepartments,
  '0010-case-holds': caseHolds,
  '0011-audit-by-subject': auditBySubject,
  '0012-rate-limits': rateLimits,
  '0013-session-activity': sessionActivity,
  '0014-api-key-expiry': apiKeyExpiry,
  '0015-staff-mfa': staffMfa,
  '0016-staff-sso-subject': staffSsoSubject,
  '0017-webhooks': webhooks,
  '0018-staff-roles': staffRoles,
  '0019-audit-chain-keyed': auditChainKeyed,
  '0020-rights-requests': rightsRequests,
  '0021-seal-automatic-information': sealAutomaticInformation,
  '0022-disclosures': disclosures,
  '0023-visitor-presence': visitorPresence,
  '0024-conversation-corrections': conversationCorrections,
  '0025-rights-request-scope': rightsRequestScope,
  '0026-processing-restrictions': processingRestrictions,
  '0027-rights-export-packs': rightsExportPacks,
  '0028-erasure-ledger': erasureLedger,
  '0029-contact-events': contactEvents,
  '0030-consents-and-notices': consentsAndNotices,
  '0031-form-answer-corrections': formAnswerCorrections,
  '0032-pre-chat-answers': preChatAnswers,
  '0033-routing': routing,
  '0034-chat-notes-and-canned-replies': chatNotesAndCannedReplies,
  '0035-chat-inactivity': chatInactivity,
  '0036-agent-time-and-out-of-hours': agentTimeAndOutOfHours,
  '0037-approximate-location': approximateLocation,
  '0038-opening-exceptions-and-department-routing': openingExceptionsAndDepartmentRouting,
  '0039-conversation-language': conversationLanguage,
  '0040-form-submission-language': formSubmissionLanguage,
  '0041-chat-holds': chatHolds,
  '0042-staff-language': staffLanguage,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

function migrator(db: Db): Migrator {
  return new Migrator({
    db,
    provider,
    migrationTableName: 'ward_migrations',
    migrationLockTableName: 'ward_migrations_lock',
  });
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Applies migrations up to and including `name` only: how the tests build a database as an older Ward left it. */
export async function migrateUpTo(db: Db, name: string): Promise<void> {
  const { error } = await migrator(db).migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

/** True when every known migration has been applied (used by /readyz). */
/** Throws when the database does not answer. */
export async function databaseAnswers(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}

export async function migrationsAreCurrent(db: Db): Promise<boolean> {
  const all = await migrator(db).getMigrations();
  return all.every((m) => m.executedAt !== undefined);
}
