import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../src/db/client.ts';
import { migrateToLatest, migrateUpTo } from '../src/db/migrate.ts';
import { entryHash, genesisHash, type ChainHashes } from '../src/features/audit/audit-chain.rules.ts';
import { auditKeysFrom, withAuditKeys } from '../src/features/audit/audit-key.ts';
import { recordAudit, systemActor } from '../src/features/audit/record-audit.ts';
import { verifyAuditTrail } from '../src/features/audit/verify-audit.ts';
import { createTestDatabase } from './support/test-database.ts';

/**
 * A database an older Ward wrote (unkeyed entries, no numbers) upgraded to the keyed chain
 * (migration 0019, ADR 26): the old entries are numbered per organisation, keep their hashes and
 * verify, and new entries chain on keyed.
 */
describe('upgrading an audit trail written before the audit key', () => {
  let database: { url: string; drop: () => Promise<void> };
  let owner: Db;
  const keys = auditKeysFrom(randomBytes(32));
  const unkeyed: ChainHashes = {
    v1: (d) => createHash('sha256').update(d).digest(),
    v2: () => {
      throw new Error('not used');
    },
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    owner = createDb(database.url, 2).db;
    await migrateUpTo(owner, '0018-staff-roles');
  });
  afterAll(async () => {
    await owner?.destroy();
    await database?.drop();
  });

  it('numbers the old entries per organisation, verifies them, and chains new ones on keyed', async () => {
    const organisations: string[] = [];
    for (const slug of ['north', 'south']) {
      const row = await owner
        .insertInto('organisations')
        .values({ slug, name: slug, settings: JSON.stringify({}) as never })
        .returning('id')
        .executeTakeFirstOrThrow();
      organisations.push(row.id);
    }
    // Interleaved, as a shared id sequence gives them: each organisation's ids have gaps.
    const heads = new Map<string, Uint8Array>();
    for (let i = 0; i < 6; i++) {
      const organisationId = organisations[i % 2]!;
      const content = {
        organisationId,
        occurredAt: new Date(Date.UTC(2026, 0, 1, 9, 0, i)),
        actorKind: 'system' as const,
        actorId: 'system',
        actorRole: 'system',
        action: 'delete' as const,
        dataSubjectId: randomUUID(),
        recordType: 'conversation',
        recordId: randomUUID(),
        caseReference: null,
        fields: ['summary'],
        purpose: 'retention' as const,
        reason: 'after 90 days',
        source: 'system',
      };
      const prevHash = heads.get(organisationId) ?? genesisHash;
      const hash = entryHash(unkeyed, prevHash, { ...content, seq: 0, format: 1 });
      heads.set(organisationId, hash);
      await owner
        .insertInto('audit_events' as never)
        .values({
          organisation_id: organisationId,
          occurred_at: content.occurredAt,
          actor_kind: 'system',
          actor_id: 'system',
          actor_role: 'system',
          action: 'delete',
          data_subject_id: content.dataSubjectId,
          record_type: 'conversation',
          record_id: content.recordId,
          case_reference: null,
          fields: ['summary'],
          purpose: 'retention',
          reason: 'after 90 days',
          source: 'system',
          prev_hash: Buffer.from(prevHash),
          hash: Buffer.from(hash),
        } as never)
        .execute();
    }

    await migrateToLatest(owner);
    const numbered = await owner
      .selectFrom('audit_events')
      .select(['organisation_id', 'seq', 'format'])
      .orderBy('id')
      .execute();
    expect(numbered.map((r) => [organisations.indexOf(r.organisation_id), r.seq, r.format])).toEqual([
      [0, 1, 1],
      [1, 1, 1],
      [0, 2, 1],
      [1, 2, 1],
      [0, 3, 1],
      [1, 3, 1],
    ]);

    const db = withAuditKeys(owner, keys);
    await db.transaction().execute((tx) =>
      recordAudit(tx, {
        organisationId: organisations[0]!,
        actor: systemActor,
        action: 'read',
        purpose: 'rights-request',
        recordType: 'conversation',
        fields: ['summary'],
      }),
    );
    const result = await verifyAuditTrail(db, keys);
    expect(result.problems).toEqual([]);
    expect(result.organisations.map((o) => [o.slug, o.verdict.count, o.verdict.head?.format])).toEqual([
      ['north', 4, 2],
      ['south', 3, 1],
    ]);
  });
});
