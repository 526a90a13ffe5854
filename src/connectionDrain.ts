import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A keep-alive connection idle for this long has no request on the wire any more (a client sends its next
 * request well within it, or not at all): closing it then resets nothing.
 */
const QUIET_MS = 1000;

interface ConnectionState {
  active: number;
  idleSince: number;
}

export interface DrainTimes {
  /** How long new connections are still accepted, so that a load balancer can move away. */
  drainMs: number;
  /** Epoch ms by which every connection is closed, finished or not. */
  deadline: number;
}

/**
 * Stops an HTTP server without resetting requests that reached it. From `drain()` on, every answer carries
 * `Connection: close`, so each client's next request opens a new connection; the listener keeps accepting
 * for the drain window, then closes. A connection is closed only once it has answered (Node closes it after
 * a `Connection: close` answer) or after it has been idle for QUIET_MS; whatever is left at the deadline is
 * cut. http-terminator and stoppable close idle keep-alive connections at once, which resets the requests
 * already on their way: the fault this replaces.
 */
export class ConnectionDrain {
  private readonly connections = new Map<Socket, ConnectionState>();
  private draining = false;

  constructor(private readonly server: Server) {
    server.on('connection', (socket: Socket) => {
      this.connections.set(socket, { active: 0, idleSince: Date.now() });
      socket.once('close', () => this.connections.delete(socket));
    });
    server.prependListener('request', (req, res) => {
      const state = this.connections.get(req.socket);
      if (state) state.active++;
      if (this.draining) res.setHeader('connection', 'close');
      res.once('close', () => {
        if (!state) return;
        state.active--;
        state.idleSince = Date.now();
      });
    });
  }

  /** True from the start of `drain()`: readiness answers 503. */
  get isDraining(): boolean {
    return this.draining;
  }

  /** Drains and closes the server; true when every connection ended before the deadline. */
  async drain({ drainMs, deadline }: DrainTimes): Promise<boolean> {
    this.draining = true;
    // Idle keep-alive connections are told to close on their next answer; none is cut here.
    await sleep(Math.max(0, Math.min(drainMs, deadline - Date.now())));
    let closed = false;
    const done = new Promise<void>((resolve) => this.server.close(() => resolve())).then(() => (closed = true));
    while (!closed && Date.now() < deadline) {
      this.closeQuietConnections();
      await Promise.race([done, sleep(50)]);
    }
    if (!closed) this.server.closeAllConnections();
    await done;
    return Date.now() <= deadline;
  }

  private closeQuietConnections(): void {
    const now = Date.now();
    for (const [socket, state] of this.connections) {
      if (state.active === 0 && now - state.idleSince >= QUIET_MS) socket.destroy();
    }
  }
}
