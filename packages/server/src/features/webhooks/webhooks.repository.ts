import { sql } from 'kysely';
import type { WebhookAttempt, WebhookDeliveryEvent, WebhookEvent } from '@ward/protocol';
import type { DbOrTx } from '../../db/client.ts';
import type { Keyring } from '../crypto/keyring.ts';
import type { CaseFacts, ChatFacts } from './webhook-events.rules.ts';

const columns = [
  'id',
  'organisation_id',
  'url',
  'description',
  'events',
  'paused_at',
  'created_by',
  'created_at',
] as const;

// The secret is not personal data, but it is sealed like a data key: with the current
// key-encryption key, the associated data naming the webhook (ADR 24).
const secretPlace = (webhookId: string) => `webhook-secret:${webhookId}`;

export async function insertWebhook(
  db: DbOrTx,
  keyring: Keyring,
  row: {
    id: string;
    organisationId: string;
    url: string;
    description: string | null;
    events: WebhookEvent[];
    secret: string;
    createdBy: string;
  },
) {
  const { kekId, wrapped } = keyring.wrap(Buffer.from(row.secret, 'utf8'), secretPlace(row.id));
  return db
    .insertInto('webhooks')
    .values({
      id: row.id,
      organisation_id: row.organisationId,
      url: row.url,
      description: row.description,
      events: row.events,
      secret_kek_id: kekId,
      secret_sealed: wrapped,
      created_by: row.createdBy,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
}

export type WebhookRow = Awaited<ReturnType<typeof insertWebhook>>;

export async function listWebhooks(db: DbOrTx, organisationId: string) {
  return db
    .selectFrom('webhooks')
    .select(columns)
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
}

export async function findWebhook(db: DbOrTx, organisationId: string, id: string) {
  return db
    .selectFrom('webhooks')
    .select(columns)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Pauses (a time) or resumes (null); undefined when it is not the organisation's. */
export async function setWebhookPaused(db: DbOrTx, organisationId: string, id: string, pausedAt: Date | null) {
  return db
    .updateTable('webhooks')
    .set({ paused_at: pausedAt })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .returning(columns)
    .executeTakeFirst();
}

/** Deletes the webhook and its deliveries; false when it is not the organisation's. */
export async function deleteWebhook(db: DbOrTx, organisationId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('webhooks')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The organisation's webhooks that are not paused and listen to `event`. */
export async function listListeningWebhooks(db: DbOrTx, organisationId: string, event: WebhookEvent) {
  return db
    .selectFrom('webhooks')
    .select(['id'])
    .where('organisation_id', '=', organisationId)
    .where('paused_at', 'is', null)
    .where(sql<boolean>`${event} = ANY(events)`)
    .execute();
}

export async function insertDeliveries(
  db: DbOrTx,
  rows: {
    id: string;
    organisationId: string;
    webhookId: string;
    event: WebhookDeliveryEvent;
    body: string;
    at: Date;
  }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('webhook_deliveries')
    .values(
      rows.map((row) => ({
        id: row.id,
        organisation_id: row.organisationId,
        webhook_id: row.webhookId,
        event: row.event,
        body: row.body,
        next_attempt_at: row.at,
        created_at: row.at,
      })),
    )
    .execute();
}

/**
 * Claims a pending delivery that is due, for one attempt: its next attempt moves to `leaseUntil`,
 * so another node (or a job queued twice) finds it not due and leaves it. With the webhook's
 * address and opened secret; undefined when it is not due, delivered, given up or deleted.
 */
export async function claimDelivery(db: DbOrTx, keyring: Keyring, deliveryId: string, now: Date, leaseUntil: Date) {
  const claimed = await db
    .updateTable('webhook_deliveries')
    .set({ next_attempt_at: leaseUntil })
    .where('id', '=', deliveryId)
    .where('state', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .returning(['id', 'webhook_id', 'event', 'body', 'attempts', 'attempt_log'])
    .executeTakeFirst();
  if (!claimed) return undefined;
  const hook = await db
    .selectFrom('webhooks')
    .select(['id', 'url', 'secret_kek_id', 'secret_sealed'])
    .where('id', '=', claimed.webhook_id)
    .executeTakeFirst();
  if (!hook) return undefined;
  const secret = keyring.unwrap(hook.secret_kek_id, hook.secret_sealed, secretPlace(hook.id)).toString('utf8');
  return {
    id: claimed.id,
    webhookId: hook.id,
    url: hook.url,
    secret,
    event: claimed.event,
    body: claimed.body,
    attempts: claimed.attempts,
    attemptLog: claimed.attempt_log as WebhookAttempt[],
  };
}

export async function recordAttempt(
  db: DbOrTx,
  deliveryId: string,
  outcome: { state: 'pending' | 'delivered' | 'failed'; attemptLog: WebhookAttempt[] },
): Promise<void> {
  const last = outcome.attemptLog[outcome.attemptLog.length - 1];
  await db
    .updateTable('webhook_deliveries')
    .set({
      state: outcome.state,
      attempts: outcome.attemptLog.length,
      last_status_code: last?.statusCode ?? null,
      last_error_kind: last?.errorKind ?? null,
      next_attempt_at: last?.nextAttemptAt ? new Date(last.nextAttemptAt) : null,
      attempt_log: JSON.stringify(outcome.attemptLog),
    })
    .where('id', '=', deliveryId)
    .execute();
}

export async function listDeliveries(db: DbOrTx, organisationId: string, webhookId: string, limit: number) {
  return db
    .selectFrom('webhook_deliveries')
    .select([
      'id',
      'event',
      'state',
      'created_at',
      'attempts',
      'last_status_code',
      'last_error_kind',
      'next_attempt_at',
      'attempt_log',
    ])
    .where('organisation_id', '=', organisationId)
    .where('webhook_id', '=', webhookId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export type DeliveryRow = Awaited<ReturnType<typeof listDeliveries>>[number];

/** Pending deliveries due before `before` (their job was lost, or a lease ran out). */
export async function listDueDeliveries(db: DbOrTx, before: Date, limit = 500): Promise<string[]> {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .select('id')
    .where('state', '=', 'pending')
    .where('next_attempt_at', '<=', before)
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Deletes deliveries made before `before`, whatever their state; returns how many. */
export async function deleteDeliveriesBefore(db: DbOrTx, before: Date): Promise<number> {
  const result = await db.deleteFrom('webhook_deliveries').where('created_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** A chat's facts for a webhook body: ids, status, case reference, department, times. */
export async function readChatFacts(db: DbOrTx, conversationId: string): Promise<ChatFacts | undefined> {
  const row = await db
    .selectFrom('conversations as v')
    .leftJoin('cases as c', 'c.conversation_id', 'v.id')
    .select([
      'v.id',
      'v.status',
      'v.case_reference',
      'v.created_at',
      'v.accepted_at',
      'v.ended_at',
      'c.id as case_id',
      'c.department_id',
    ])
    .where('v.id', '=', conversationId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    conversationId: row.id,
    status: row.status,
    caseId: row.case_id,
    caseReference: row.case_reference,
    departmentId: row.department_id,
    startedAt: row.created_at,
    acceptedAt: row.accepted_at,
    endedAt: row.ended_at,
  };
}

export async function readCaseFacts(db: DbOrTx, caseId: string): Promise<CaseFacts | undefined> {
  const row = await db
    .selectFrom('cases')
    .select(['id', 'case_reference', 'status', 'department_id', 'conversation_id', 'created_at', 'closed_at'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    caseId: row.id,
    caseReference: row.case_reference,
    status: row.status,
    departmentId: row.department_id,
    conversationId: row.conversation_id,
    createdAt: row.created_at,
    closedAt: row.closed_at,
  };
}
