/**
 * HTTPS for the mock, loaded only when the `tls` option is set (node:https, node-forge and the
 * certificate code stay out of a plain HTTP start).
 */
import type { RequestListener } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { Socket } from 'node:net';

import type { TlsMaterial } from './material';

export { certificateNames } from './certificate';
export { tlsMaterial, type MockCertificate, type TlsMaterial } from './material';
export { checkPemPair, resolveTlsOptions, TlsOptionError, type ResolvedTls } from './options';

/** How long a client has to finish the TLS handshake, like the HTTP server's headers timeout. */
export const HANDSHAKE_TIMEOUT_MS = 15_000;

/** An HTTPS server, and how to drop the connections it has not handed to HTTP yet. */
export interface HttpsListener {
  readonly server: Server;
  /** Destroys every socket, handshaking ones included (`closeAllConnections` skips those). */
  destroySockets(): void;
}

/** An HTTPS server for `app` serving `material`; it does not listen yet. */
export function createHttpsServer(app: RequestListener, material: TlsMaterial): HttpsListener {
  const server = createServer(
    { cert: material.certificate.pem, key: material.key, handshakeTimeout: HANDSHAKE_TIMEOUT_MS },
    app,
  );
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return {
    server,
    destroySockets() {
      for (const socket of sockets) socket.destroy();
    },
  };
}
