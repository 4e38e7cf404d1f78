import net from 'node:net';

/**
 * A TCP proxy between the Ward nodes and PostgreSQL, so the chaos run can break the network the way
 * a bad link does: add latency, stall traffic (packets dropped until the link recovers), or reset
 * every connection. It also gives the nodes one stable address while PostgreSQL restarts on another
 * port.
 */
export type LinkFault = { kind: 'none' } | { kind: 'latency'; ms: number } | { kind: 'stall' };

export type TcpProxy = {
  port: number;
  /** Where connections go from now on (PostgreSQL after a restart). */
  retarget: (port: number) => void;
  setFault: (fault: LinkFault) => void;
  /** Destroys every open connection with a TCP reset. */
  resetAll: () => number;
  close: () => Promise<void>;
};

export async function startTcpProxy(targetPort: number, host = '127.0.0.1'): Promise<TcpProxy> {
  let target = targetPort;
  let fault: LinkFault = { kind: 'none' };
  const open = new Set<net.Socket>();
  // While stalled, chunks wait here (in order) and flow again when the fault is lifted.
  const stalled: Array<() => void> = [];

  const relay = (from: net.Socket, to: net.Socket) => {
    from.on('data', (chunk: Buffer) => {
      const send = () => {
        if (!to.destroyed) to.write(chunk);
      };
      if (fault.kind === 'stall') stalled.push(send);
      else if (fault.kind === 'latency') setTimeout(send, fault.ms);
      else send();
    });
  };

  const server = net.createServer((client) => {
    const upstream = net.connect(target, host);
    open.add(client).add(upstream);
    relay(client, upstream);
    relay(upstream, client);
    const end = (other: net.Socket) => () => {
      open.delete(client);
      open.delete(upstream);
      other.destroy();
    };
    client.on('close', end(upstream)).on('error', () => {});
    upstream.on('close', end(client)).on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as net.AddressInfo).port;

  return {
    port,
    retarget: (next) => {
      target = next;
    },
    setFault: (next) => {
      fault = next;
      if (next.kind !== 'stall') for (const send of stalled.splice(0)) send();
    },
    resetAll: () => {
      const count = open.size;
      for (const socket of open) socket.resetAndDestroy();
      return count;
    },
    close: async () => {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
