import type { ServiceContext } from '../../shared/service-context.ts';
import { routeDepartment } from './route-department.ts';

export interface RoutingScheduler {
  /** Routes this department soon; requests while it runs are folded into one more pass after it. */
  request: (departmentId: string) => void;
  /** Every department (a manual one's pass gives nothing). */
  requestAll: () => void;
  /** Work that will request a pass (finding a chat's department): `settled()` waits for it too. */
  track: (work: Promise<unknown>) => void;
  /** Resolves once no pass is running or due on this node (tests, shutdown). */
  settled: () => Promise<void>;
  stop: () => void;
}

/**
 * One routing pass per department at a time on this node, however many chats arrive at once: a
 * burst of arrivals becomes one pass (and one pool connection) rather than one waiting per chat.
 * Other nodes run their own; the department's advisory lock orders them (route-department.ts).
 */
export function createRoutingScheduler(ctx: ServiceContext, report: (error: unknown) => void): RoutingScheduler {
  const running = new Map<string, Promise<void>>();
  const tracked = new Set<Promise<unknown>>();
  const again = new Set<string>();
  let stopped = false;

  const run = (departmentId: string) => {
    const pass = (async () => {
      do {
        again.delete(departmentId);
        if (stopped) return;
        await routeDepartment(ctx, departmentId).catch(report);
      } while (again.has(departmentId));
    })().finally(() => running.delete(departmentId));
    running.set(departmentId, pass);
  };

  const request = (departmentId: string) => {
    if (stopped) return;
    if (running.has(departmentId)) again.add(departmentId);
    else run(departmentId);
  };

  return {
    request,
    // Manual departments return at once: their strategy may be changed in the console (ADR 47).
    requestAll: () => {
      for (const { id } of ctx.organisation.settings.departments) request(id);
    },
    track: (work) => {
      const done = work.catch(report).finally(() => tracked.delete(done));
      tracked.add(done);
    },
    settled: async () => {
      while (running.size > 0 || tracked.size > 0) await Promise.all([...running.values(), ...tracked]);
    },
    stop: () => {
      stopped = true;
    },
  };
}
