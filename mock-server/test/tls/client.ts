/** A TLS client that trusts only the CA it is given, and reports the certificate it was served. */
import { request } from 'node:https';
import type { TLSSocket } from 'node:tls';

/** An answer over HTTPS, with the SHA-256 fingerprint of the certificate the server presented. */
export interface TlsAnswer {
  status: number;
  body: string;
  fingerprint256: string;
}

/** `method url` over HTTPS, trusting `ca` only (no keep-alive, so nothing outlives the call). */
export function httpsRequest(
  url: string,
  ca: string,
  init: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<TlsAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { ca, agent: false, method: init.method ?? 'GET', headers: init.headers },
      (res) => {
        const fingerprint256 = (res.socket as TLSSocket).getPeerCertificate().fingerprint256;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, fingerprint256 }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}
