import type { DbOrTx } from '../../db/client.ts';
import type { RoutingSettings } from '../../shared/routing-settings.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { departmentRoutingChanges } from './routing.repository.ts';
import { withConsoleChanges } from './routing.rules.ts';

/**
 * The routing that applies now: the settings file's with each department's strategy and capacity
 * set in the console (ADR 47), read from the database each time, so every node follows a change at once.
 */
export async function currentRouting(ctx: ServiceContext, db: DbOrTx = ctx.db): Promise<RoutingSettings> {
  return withConsoleChanges(ctx.organisation.settings.routing, await departmentRoutingChanges(db, ctx.organisation.id));
}
