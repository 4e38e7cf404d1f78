import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { addressList, listed, sameSecret } from '../../shared/address-list.ts';

/**
 * `GET /metrics` for the IT team's Prometheus: with `Authorization: Bearer <WARD_METRICS_TOKEN>`,
 * or from an address in WARD_METRICS_ALLOWED_IPS (this machine by default). Anyone else gets a
 * 404, as if there were nothing there.
 */
export function registerMetricsRoute(
  app: FastifyInstance,
  registry: Registry,
  access: { token: string | null; allowedIps: readonly string[] },
): void {
  const addresses = addressList(access.allowedIps);
  app.get('/metrics', async (request, reply) => {
    const header = request.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
    const byToken = access.token !== null && bearer !== null && sameSecret(bearer, access.token);
    const byAddress = addresses !== null && listed(addresses, request.ip);
    if (!byToken && !byAddress) {
      return reply.code(404).send({ error: { code: 'not_found', message: 'There is nothing at this address' } });
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
