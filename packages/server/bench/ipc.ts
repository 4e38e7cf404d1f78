/**
 * The messages between the bench (parent) and the server under test (a child process started
 * with `fork`), and the child's side of that conversation.
 */
export type ReadyMessage = {
  type: 'ready';
  url: string;
  /** Ward only: the organisation slug and one invitation token per agent to sign up. */
  organisation?: string;
  invitations?: string[];
};
export type CpuMessage = { type: 'cpu'; user: number; system: number };
/** Ward only: a retention run finished (or failed) in the server process. */
export type PurgedMessage = { type: 'purged'; deleted: number; seconds: number; clock: string; error?: string };
/** After a full garbage collection (the child runs with --expose-gc): what is left in use. */
export type CollectedMessage = { type: 'collected'; heapUsed: number };
export type ChildMessage = ReadyMessage | CpuMessage | PurgedMessage | CollectedMessage;
/** `purge`: run the real retention job once, its clock set past the expiry of contacts that ended at `endedAt`. */
export type PurgeRequest = { type: 'purge'; endedAt: string; jobId: string };
export type ParentMessage = { type: 'cpu' } | { type: 'stop' } | { type: 'collect' } | PurgeRequest;

/**
 * Called by a child once it listens: answers CPU questions, stops on request, and also stops
 * when the parent goes away (so a killed bench never leaves a server behind).
 */
export function serveParent(
  ready: ReadyMessage,
  close: () => Promise<void>,
  purge?: (request: PurgeRequest) => Promise<PurgedMessage>,
): void {
  const send = (message: ChildMessage) => process.send?.(message);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const exit = () => process.exit(0);
    // Bounded: a close that hangs must not keep the child alive.
    setTimeout(exit, 5000).unref();
    close().then(exit, exit);
  };
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'cpu') {
      const usage = process.cpuUsage();
      send({ type: 'cpu', user: usage.user, system: usage.system });
    } else if (message.type === 'collect') {
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      gc?.();
      send({ type: 'collected', heapUsed: process.memoryUsage().heapUsed });
    } else if (message.type === 'stop') {
      stop();
    } else if (message.type === 'purge' && purge) {
      void purge(message).then(send, (error: unknown) =>
        send({ type: 'purged', deleted: 0, seconds: 0, clock: '', error: String(error) }),
      );
    }
  });
  process.on('disconnect', stop);
  send(ready);
}
