import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.ts';
import { databaseAnswers, migrationsAreCurrent } from '../../db/migrate.ts';

/** For load balancers: /healthz says the process is up, /readyz that it can serve. */
export function registerHealthRoutes(app: FastifyInstance, db: Db): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    try {
      await databaseAnswers(db);
      if (!(await migrationsAreCurrent(db))) return reply.code(503).send({ status: 'migrations-pending' });
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'database-unreachable' });
    }
  });
}
