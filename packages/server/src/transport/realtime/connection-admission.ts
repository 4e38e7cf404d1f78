/**
 * Admission for residents' connections during a reconnect storm (ADR 52): when a node dies, every
 * resident it held reconnects to the others at once, and each connection reads the database
 * (token, presence, queue place, what it missed). Past `queueLimit` requests already waiting for a
 * database connection on this node, a new resident connection is asked to come back a few seconds
 * later, at a random moment, so the pile-up becomes a stream the node can answer rather than a queue
 * whose acknowledgements time out and are retried. Staff connections are always let in: there are
 * few of them and they serve everyone else.
 */
export const retryAfterMsRange = { min: 1000, max: 5000 } as const;

export const busyMessage = 'Ward is busy just now. Trying again in a moment.';

/** Whether a new resident connection is let in while this many database requests wait. */
export function admitsConnection(waitingForDatabase: number, queueLimit: number): boolean {
  return waitingForDatabase <= queueLimit;
}

/** When a refused connection should try again: spread over the range so the retries do not arrive together. */
export function retryAfterMs(random: () => number = Math.random): number {
  const { min, max } = retryAfterMsRange;
  return Math.round(min + random() * (max - min));
}

/** The Socket.IO middleware: `waitingForDatabase` is the pool's queue (`pg.Pool#waitingCount`). */
export function connectionAdmission(waitingForDatabase: () => number, queueLimit: number) {
  return (_socket: unknown, next: (error?: Error) => void) => {
    if (admitsConnection(waitingForDatabase(), queueLimit)) return next();
    next(Object.assign(new Error(busyMessage), { data: { retry: true, retryAfterMs: retryAfterMs() } }));
  };
}
