import { X509Certificate } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { coversNames, generateCertificate, type PemPair } from './certificate';
import { checkPemPair, TlsOptionError, type ResolvedTls } from './options';

/** The certificate file a `tls.dir` keeps. */
export const CERT_FILE = 'tls-cert.pem';
/** The key file a `tls.dir` keeps (mode 0600). */
export const KEY_FILE = 'tls-key.pem';

/** A kept certificate with less than this left is replaced. */
const RENEW_BEFORE_MS = 24 * 60 * 60_000;

/** The certificate an HTTPS mock serves, as `mock.certificate` shows it. */
export interface MockCertificate {
  /** The PEM certificate (with its chain, for a given one): what a client trusts as its CA. */
  readonly pem: string;
  /** SHA-256 fingerprint in colon hex (`AB:01:…`), as browsers show it. */
  readonly fingerprint256: string;
  /** `given` (`tls.cert`), `generated` on this start, or `reused` from `tls.dir`. */
  readonly source: 'given' | 'generated' | 'reused';
  /** The certificate file in `tls.dir` (an absolute path), when it keeps one. */
  readonly path: string | undefined;
  /** When it expires. */
  readonly validTo: Date;
}

/** A {@link MockCertificate} and the private key that goes with it. */
export interface TlsMaterial {
  readonly certificate: MockCertificate;
  readonly key: string;
}

const describe = (pair: PemPair, source: MockCertificate['source'], path?: string): TlsMaterial => {
  const x509 = new X509Certificate(pair.cert);
  return {
    certificate: Object.freeze({
      pem: pair.cert,
      fingerprint256: x509.fingerprint256,
      source,
      path,
      validTo: new Date(x509.validTo),
    }),
    key: pair.key,
  };
};

const dirError = (err: unknown) =>
  new TlsOptionError('tls.dir', `cannot be used: ${(err as Error).message}`);

/** The kept pair of `dir`, or `undefined` when either file is missing. */
function readKept(dir: string): PemPair | undefined {
  try {
    return {
      cert: readFileSync(join(dir, CERT_FILE), 'utf8'),
      key: readFileSync(join(dir, KEY_FILE), 'utf8'),
    };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw dirError(err);
  }
}

/** Whether a kept pair may serve again: parses, matches, is valid a while yet, names every host. */
function usable(pair: PemPair, names: readonly string[], now: number): boolean {
  const checked = checkPemPair(pair.cert, pair.key);
  if ('option' in checked) return false;
  const { x509 } = checked;
  return (
    Date.parse(x509.validFrom) <= now &&
    Date.parse(x509.validTo) - now > RENEW_BEFORE_MS &&
    coversNames(x509, names)
  );
}

/** Writes through a temporary file, so a reader never sees half a certificate. */
function writeAtomically(path: string, data: string, mode: number): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, data, { mode });
  chmodSync(temp, mode); // a leftover temporary file keeps its mode otherwise
  renameSync(temp, path);
}

/**
 * The certificate and key to serve: the given ones; else the pair kept in `tls.dir` when it is
 * still usable for `names`; else a new self-signed one for `names`, written to `tls.dir` when
 * there is one (the key 0600). A directory that cannot be read or written throws a
 * {@link TlsOptionError} naming `tls.dir`.
 */
export function tlsMaterial(
  tls: ResolvedTls,
  names: readonly string[],
  now = Date.now(),
): TlsMaterial {
  if (tls.kind === 'given') return describe(tls, 'given');
  const { dir } = tls;
  if (dir === undefined) return describe(generateCertificate(names, now), 'generated');
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw dirError(err);
  }
  // Absolute, so the banner's NODE_EXTRA_CA_CERTS works from any directory.
  const certPath = resolve(dir, CERT_FILE);
  const kept = readKept(dir);
  if (kept && usable(kept, names, now)) return describe(kept, 'reused', certPath);
  const pair = generateCertificate(names, now);
  try {
    // The key first: a certificate on disk always has its key next to it.
    writeAtomically(join(dir, KEY_FILE), pair.key, 0o600);
    writeAtomically(certPath, pair.cert, 0o644);
  } catch (err) {
    throw dirError(err);
  }
  return describe(pair, 'generated', certPath);
}
