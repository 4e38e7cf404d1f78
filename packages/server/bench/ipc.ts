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
export type ChildMessage = ReadyMessage | CpuMessage;
export type ParentMessage = { type: 'cpu' } | { type: 'stop' };

/**
 * Called by a child once it listens: answers CPU questions, stops on request, and also stops
 * when the parent goes away (so a killed bench never leaves a server behind).
 */
export function serveParent(ready: ReadyMessage, close: () => Promise<void>): void {
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
    } else if (message.type === 'stop') {
      stop();
    }
  });
  process.on('disconnect', stop);
  send(ready);
}
