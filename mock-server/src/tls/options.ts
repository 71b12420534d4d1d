import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';

/** Where the HTTPS listener runs: alone on `start()`'s port, or on its own port beside HTTP. */
interface TlsPort {
  /**
   * Serve HTTPS on this port (0 = a free port) and HTTP on `start()`'s: both run side by side.
   * Without it `start()` serves HTTPS only.
   */
  port?: number;
}

/** A certificate of your own: PEM text (a chain may follow the certificate) and its key. */
export interface TlsGivenOptions extends TlsPort {
  /** The PEM certificate (optionally followed by its chain). */
  cert: string | Buffer;
  /** The PEM private key of `cert`, unencrypted. */
  key: string | Buffer;
}

/** A self-signed certificate the mock generates on its first `start()`. */
export interface TlsGenerateOptions extends TlsPort {
  generate: true;
  /**
   * A directory that keeps the generated certificate (`tls-cert.pem`) and key (`tls-key.pem`,
   * mode 0600), reused by the next start while valid and naming every host. @default none: a
   * new certificate per server, in memory
   */
  dir?: string;
}

/** The `tls` option of `createMockServer`: serve HTTPS with a given or a generated certificate. */
export type TlsOptions = TlsGivenOptions | TlsGenerateOptions;

/** {@link TlsOptions}, checked. */
export type ResolvedTls =
  | { kind: 'given'; cert: string; key: string; port: number | undefined }
  | { kind: 'generate'; dir: string | undefined; port: number | undefined };

/** A `TypeError` about one TLS option; `option` is its name (`tls.cert`), `detail` the rest. */
export class TlsOptionError extends TypeError {
  constructor(
    readonly option: 'tls' | 'tls.cert' | 'tls.key' | 'tls.port' | 'tls.dir' | 'tls.generate',
    readonly detail: string,
  ) {
    super(`"${option}" ${detail}`);
    this.name = 'TypeError';
  }
}

const text = (value: string | Buffer) => (typeof value === 'string' ? value : value.toString());

/**
 * The parsed certificate of a PEM pair, or the option at fault: `cert` that is no certificate,
 * `key` that is no unencrypted private key or not the certificate's.
 */
export function checkPemPair(
  cert: string | Buffer,
  key: string | Buffer,
): { x509: X509Certificate } | { option: 'tls.cert' | 'tls.key'; detail: string } {
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(text(cert));
  } catch {
    return { option: 'tls.cert', detail: 'must be a PEM certificate' };
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(text(key));
  } catch {
    return { option: 'tls.key', detail: 'must be an unencrypted PEM private key' };
  }
  if (!x509.checkPrivateKey(privateKey)) {
    return { option: 'tls.key', detail: 'does not match the certificate' };
  }
  return { x509 };
}

const isPem = (value: unknown): value is string | Buffer =>
  typeof value === 'string' || Buffer.isBuffer(value);

/** Checks the `tls` option; a {@link TlsOptionError} names the field at fault. */
export function resolveTlsOptions(tls: unknown): ResolvedTls {
  if (typeof tls !== 'object' || tls === null || Array.isArray(tls)) {
    throw new TlsOptionError('tls', 'must be { cert, key } or { generate: true, dir? }');
  }
  const o = tls as Record<string, unknown>;
  const port = o['port'];
  if (
    port !== undefined &&
    !(Number.isInteger(port) && (port as number) >= 0 && (port as number) <= 65535)
  ) {
    throw new TlsOptionError('tls.port', `must be an integer from 0 to 65535, got ${String(port)}`);
  }
  const p = port as number | undefined;
  const given = o['cert'] !== undefined || o['key'] !== undefined;
  if (given) {
    if (o['generate'] !== undefined || o['dir'] !== undefined) {
      throw new TlsOptionError('tls', 'takes either { cert, key } or { generate: true, dir? }');
    }
    if (!isPem(o['cert'])) throw new TlsOptionError('tls.cert', 'must be a PEM string or Buffer');
    if (!isPem(o['key'])) throw new TlsOptionError('tls.key', 'must be a PEM string or Buffer');
    const checked = checkPemPair(o['cert'], o['key']);
    if ('option' in checked) throw new TlsOptionError(checked.option, checked.detail);
    return { kind: 'given', cert: text(o['cert']), key: text(o['key']), port: p };
  }
  if (o['generate'] !== true) {
    throw new TlsOptionError(
      'tls.generate',
      `must be true without cert and key, got ${String(o['generate'])}`,
    );
  }
  const dir = o['dir'];
  if (dir !== undefined && (typeof dir !== 'string' || dir === '')) {
    throw new TlsOptionError('tls.dir', `must be a directory path, got ${JSON.stringify(dir)}`);
  }
  return { kind: 'generate', dir: dir as string | undefined, port: p };
}
