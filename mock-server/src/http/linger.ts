import type { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';

/** How long a closing connection keeps reading what its client still sends. */
export const LINGER_MS = 5_000;

/**
 * Closes a connection the way a client can read: when Node ends a response that closes the
 * connection (`Connection: close`, HTTP/1.0) while the client is still sending a body the answer
 * did not need (an oversized upload, a body on a route that ignores it), destroying the socket at
 * once would reset it and the client could lose the answer. Instead the answer is sent with a FIN
 * and the rest of the body is read (and discarded) until the client closes, for at most
 * {@link LINGER_MS}.
 *
 * An HTTP server hands its sockets to HTTP on `connection`; an HTTPS one on `secureConnection`,
 * once the TLS handshake is done.
 */
export function lingerOnClose(
  server: EventEmitter,
  event: 'connection' | 'secureConnection' = 'connection',
): void {
  server.on(event, (socket: Socket) => {
    socket.destroySoon = function lingeringDestroySoon(this: Socket) {
      if (this.writable) this.end();
      if (this.readableEnded) {
        // Nothing left to read: Node's own behaviour, destroyed once the answer is flushed.
        if (this.writableFinished) this.destroy();
        else this.once('finish', () => this.destroy());
        return;
      }
      const timer = setTimeout(() => this.destroy(), LINGER_MS);
      timer.unref();
      this.once('end', () => this.destroy());
      this.once('close', () => clearTimeout(timer));
    };
  });
}
