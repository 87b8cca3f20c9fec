// Issue 9: on SIGTERM the server stops accepting connections and lets every request it already
// received finish, so no booking it goes on to commit is left without its answer.
import type { Server } from 'node:http';

/**
 * Resolves once every connection has closed. A keep-alive connection turns idle the moment its
 * last answer is sent, and Node would keep it open for its keep-alive timeout: those are closed as
 * they turn idle. Whatever is still busy after `graceMs` is cut off.
 */
export function drain(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    const cutOff = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(cutOff);
      resolve();
    });
  });
}
