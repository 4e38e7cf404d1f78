import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import type {
  AgentClientEvents,
  AgentConversation,
  AgentServerEvents,
  QueueItem,
  StartConversationResponse,
  VisitorClientEvents,
  VisitorServerEvents,
  StaffRole,
} from '@ward/protocol';
import { loadConfig, type Config } from '../../src/config.ts';
import { OpeningHoursSettings } from '../../src/shared/organisation-settings.ts';
import { roundTheClock } from './organisation-file.ts';
import { buildApp, createLogger, type WardApp } from '../../src/app.ts';
import { createWriteStream } from 'node:fs';
import { inject } from 'vitest';
import { createInvitation } from '../../src/features/staff/invitations.ts';
import { createTestDatabase } from './test-database.ts';
import { freePort } from '../../src/shared/free-port.ts';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.ts';
import { createDb, type Db } from '../../src/db/client.ts';

export type TestApp = {
  url: string;
  /** Signs in as the owner of the tables (Ward migrates as it); `app.db` is Ward's serving role (ADR 12). */
  databaseUrl: string;
  /** The owner, for what Ward itself may not do (changing the schema in a test). */
  ownerDb: Db;
  app: WardApp;
  config: Config;
  /** Everything this Ward logged (at debug level). */
  logFile: string;
  close: () => Promise<void>;
  /** Creates a member of staff through the real invitation flow and returns their session cookie. */
  signUpStaff: (input?: {
    role?: StaffRole;
    firstName?: string;
    lastName?: string;
  }) => Promise<{ cookie: string; email: string }>;
  /** `from`: the resident's address, sent as X-Forwarded-For (taken only with WARD_TRUST_PROXY). */
  startChat: (body?: Record<string, unknown>, from?: string) => Promise<StartConversationResponse>;
  visitorSocket: (token: string) => Promise<Socket<VisitorServerEvents, VisitorClientEvents>>;
  /** Resolves once the server has sent the initial queue and the agent's open chats. */
  agentSocket: (cookie: string) => Promise<AgentSocket>;
};

export type AgentSocket = Socket<AgentServerEvents, AgentClientEvents> & {
  initial: { waiting: QueueItem[]; mine: AgentConversation[] };
};

let staffCounter = 0;

export type TestDatabase = 'machine' | 'embedded';

/** Ward against a fresh database: on the machine's PostgreSQL, or an embedded one in a temp folder. */
export async function startTestApp(
  options: {
    env?: Record<string, string>;
    database?: TestDatabase;
    /** a second node on the same database */ sameDatabaseAs?: TestApp;
  } = {},
): Promise<TestApp> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ward-test-'));
  const database = options.sameDatabaseAs
    ? { url: options.sameDatabaseAs.databaseUrl, drop: async () => {} }
    : options.database === 'embedded'
      ? await startEmbeddedPostgres(dataDir).then((pg) => ({ url: pg.connectionString, drop: pg.stop }))
      : await createTestDatabase();
  const port = await freePort();
  const config = loadConfig({
    HOST: '127.0.0.1',
    PORT: String(port),
    WARD_DATA_DIR: dataDir,
    WARD_LOG_LEVEL: 'silent',
    // Every chat in a test file comes from 127.0.0.1: more than the 5 an address may start. Every
    // other limit stays at its default; the tests about limits set their own (rate-limits.test.ts).
    WARD_RATE_LIMITS: 'chat-starts=1000/10m',
    // Staff sign up and sign in with a password alone in tests that are not about two-step sign-in;
    // mfa.test.ts and e2e/mfa.test.ts run with the production default (ADR 22).
    WARD_MFA_REQUIRED: 'none',
    ...options.env,
  });
  // The test council answers round the clock, so no test depends on the hour it runs at; a test's
  // own organisation file (writeOrganisationFile) does the same unless it sets its own hours.
  if (!options.env?.WARD_ORGANISATION_FILE) {
    const openingHours = OpeningHoursSettings.parse(roundTheClock);
    // A copy: the default organisation is shared by every Ward this process starts.
    config.organisation = { ...config.organisation, settings: { ...config.organisation.settings, openingHours } };
  }
  // Everything Ward logs in tests goes to a file that the run's teardown searches for test
  // residents' personal data (global-setup.ts): it must never be there.
  const logFile = path.join(inject('logDir'), `${path.basename(dataDir)}.log`);
  const logStream = createWriteStream(logFile, { flags: 'a' });
  const app = await buildApp(config, database.url, createLogger({ logLevel: 'debug' }, logStream));
  const url = await app.listen();
  const owner = createDb(database.url, 2);

  const sockets: Socket[] = [];
  const open = <S extends Socket>(socket: S) =>
    new Promise<S>((resolve, reject) => {
      sockets.push(socket);
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });

  return {
    url,
    databaseUrl: database.url,
    ownerDb: owner.db,
    app,
    config,
    logFile,
    close: async () => {
      for (const s of sockets) s.disconnect();
      await app.close();
      await owner.db.destroy();
      logStream.end();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
    signUpStaff: async ({ role = 'agent', firstName = 'Sam', lastName = 'Okafor' } = {}) => {
      const email = `staff${++staffCounter}-${Date.now()}@council.example`;
      const invitation = await createInvitation(app.ctx, { email, role, createdBy: null });
      const response = await fetch(`${url}/api/invitations/${invitation.token}/accept`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ firstName, lastName, password: 'correct horse battery staple' }),
      });
      if (response.status !== 200) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
      const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      return { cookie, email };
    },
    startChat: async (body = {}, from) => {
      const response = await fetch(`${url}/api/widget/demo/conversations`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(from ? { 'x-forwarded-for': from } : {}),
          'user-agent':
            'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
        },
        body: JSON.stringify({ name: 'Ann Resident', email: 'ann@example.com', topic: 'bins', consent: true, ...body }),
      });
      if (response.status !== 201) throw new Error(`start failed: ${response.status} ${await response.text()}`);
      return (await response.json()) as StartConversationResponse;
    },
    visitorSocket: (token) =>
      open(
        connect(`${url}/visitor`, {
          auth: { token },
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
        }) as Socket<VisitorServerEvents, VisitorClientEvents>,
      ),
    agentSocket: async (cookie) => {
      const socket = connect(`${url}/agent`, {
        // As the console in a browser: Ward refuses staff sockets without its own Origin.
        extraHeaders: { cookie, origin: config.publicUrl },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      }) as AgentSocket;
      const waiting = new Promise<QueueItem[]>((resolve) => socket.once('queue', (p) => resolve(p.waiting)));
      const mine = new Promise<AgentConversation[]>((resolve) =>
        socket.once('my-conversations', (p) => resolve(p.conversations)),
      );
      await open(socket);
      socket.initial = { waiting: await waiting, mine: await mine };
      return socket;
    },
  };
}
