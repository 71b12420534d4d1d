import type { MockCertificate } from './material';

/**
 * The banner lines of HTTPS: its URL when HTTP runs beside it (`url` is then the HTTP one), the
 * certificate's SHA-256 fingerprint (as browsers show it), where it comes from and how to trust it.
 */
export function tlsBanner(certificate: MockCertificate, httpsUrl: string, url: string): string[] {
  const expires = certificate.validTo.toISOString().slice(0, 10);
  const trust = (path: string) =>
    `  trust it: NODE_EXTRA_CA_CERTS=${path} (or your client's CA option)`;
  const origin =
    certificate.source === 'given'
      ? ['  the certificate of --cert']
      : certificate.path === undefined
        ? [
            `  self-signed, made for this run only (until ${expires}); --tls-dir <dir> keeps one to trust`,
          ]
        : [
            `  self-signed, ${certificate.source === 'reused' ? 'reused from' : 'made and kept in'} ${certificate.path} (until ${expires})`,
            trust(certificate.path),
          ];
  return [
    ...(httpsUrl !== url ? [`HTTPS at ${httpsUrl}`] : []),
    `TLS certificate SHA-256 fingerprint: ${certificate.fingerprint256}`,
    ...origin,
  ];
}
