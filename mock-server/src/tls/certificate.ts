import { createHash, generateKeyPairSync, randomBytes, sign, X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';

import forge from 'node-forge';

/** How long a generated certificate is valid: a year, under every browser's limit. */
export const CERTIFICATE_DAYS = 365;

/** How far back a generated certificate's validity starts, for clients whose clock is behind. */
const BACKDATE_MS = 60 * 60_000;

/** The names every generated certificate covers. */
export const LOOPBACK_NAMES: readonly string[] = Object.freeze(['localhost', '127.0.0.1', '::1']);

/** A certificate and its private key, both PEM. */
export interface PemPair {
  cert: string;
  key: string;
}

const OID = {
  commonName: '2.5.4.3',
  organizationName: '2.5.4.10',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  extKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1',
};

const { asn1 } = forge;
const U = asn1.Class.UNIVERSAL;
const T = asn1.Type;

const bytes = (buffer: Buffer) => buffer.toString('binary');
const oid = (id: string) => asn1.create(U, T.OID, false, asn1.oidToDer(id).getBytes());
const seq = (items: forge.asn1.Asn1[]) => asn1.create(U, T.SEQUENCE, true, items);

function extension(id: string, critical: boolean, value: forge.asn1.Asn1): forge.asn1.Asn1 {
  return seq([
    oid(id),
    ...(critical ? [asn1.create(U, T.BOOLEAN, false, '\xff')] : []),
    asn1.create(U, T.OCTETSTRING, false, asn1.toDer(value).getBytes()),
  ]);
}

/** A `GeneralName`: `[2] dNSName` for a name, `[7] iPAddress` for an address. */
function generalName(name: string): forge.asn1.Asn1 {
  const family = isIP(name);
  if (family === 0) return asn1.create(asn1.Class.CONTEXT_SPECIFIC, 2, false, name);
  const address = (forge.util as unknown as ForgeIpUtil).bytesFromIP(name) ?? '';
  return asn1.create(asn1.Class.CONTEXT_SPECIFIC, 7, false, address);
}

/** What `@types/node-forge` leaves out of `forge.util`. */
interface ForgeIpUtil {
  /** The address's bytes (4 or 16) as a binary string, `null` if it is none. */
  bytesFromIP(ip: string): string | null;
}

/**
 * The names (host names and IP addresses, IPv6 without brackets) a generated certificate covers:
 * {@link LOOPBACK_NAMES}, then `host` unless it is a wildcard address (`0.0.0.0`, `::`), then
 * `extra`, each once.
 */
export function certificateNames(host: string, extra: readonly string[]): string[] {
  const bare = (name: string) => name.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  const names = new Set(LOOPBACK_NAMES);
  for (const name of [host, ...extra].map(bare)) {
    if (name === '' || name === '0.0.0.0' || name === '::') continue;
    names.add(name);
  }
  return [...names];
}

/**
 * A new self-signed certificate for `names` with a new P-256 key: Node's crypto makes the key
 * and the ECDSA signature, node-forge's ASN.1 encoder the X.509 structure. The certificate is an
 * end entity (not a CA) for TLS servers, with every name in `subjectAltName`, valid from an hour
 * before `now` for {@link CERTIFICATE_DAYS} days.
 */
export function generateCertificate(names: readonly string[], now = Date.now()): PemPair {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const spkiAsn1 = asn1.fromDer(bytes(spki));
  // The subjectPublicKey bits of a P-256 key: its uncompressed point, the last 65 bytes.
  const point = spki.subarray(-65);
  // 16 bytes, positive, with no leading zero byte in DER.
  const serial = Buffer.concat([Buffer.from([0x40]), randomBytes(15)]);
  const notBefore = new Date(now - BACKDATE_MS);
  const notAfter = new Date(notBefore.getTime() + CERTIFICATE_DAYS * 24 * 60 * 60_000);
  const dn = asn1.create(U, T.SEQUENCE, true, [
    asn1.create(U, T.SET, true, [
      seq([oid(OID.organizationName), asn1.create(U, T.UTF8, false, 'genauth-wxapp')]),
    ]),
    asn1.create(U, T.SET, true, [
      seq([oid(OID.commonName), asn1.create(U, T.UTF8, false, 'genauth-mock')]),
    ]),
  ]);
  const signatureAlgorithm = seq([oid(OID.ecdsaWithSha256)]);
  const tbs = seq([
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [
      asn1.create(U, T.INTEGER, false, asn1.integerToDer(2).getBytes()),
    ]),
    asn1.create(U, T.INTEGER, false, bytes(serial)),
    signatureAlgorithm,
    dn,
    seq([
      asn1.create(U, T.UTCTIME, false, asn1.dateToUtcTime(notBefore)),
      asn1.create(U, T.UTCTIME, false, asn1.dateToUtcTime(notAfter)),
    ]),
    dn,
    spkiAsn1,
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 3, true, [
      seq([
        extension(OID.basicConstraints, true, seq([])),
        // digitalSignature only (bit 0): what an ECDSA TLS server key does.
        extension(OID.keyUsage, true, asn1.create(U, T.BITSTRING, false, '\x07\x80')),
        extension(OID.extKeyUsage, false, seq([oid(OID.serverAuth)])),
        extension(OID.subjectAltName, false, seq(names.map(generalName))),
        extension(
          OID.subjectKeyIdentifier,
          false,
          asn1.create(U, T.OCTETSTRING, false, bytes(sha1(point))),
        ),
      ]),
    ]),
  ]);
  const tbsDer = Buffer.from(asn1.toDer(tbs).getBytes(), 'binary');
  const signature = sign('sha256', tbsDer, privateKey);
  const certificate = seq([
    tbs,
    signatureAlgorithm,
    asn1.create(U, T.BITSTRING, false, `\x00${bytes(signature)}`),
  ]);
  const der = Buffer.from(asn1.toDer(certificate).getBytes(), 'binary');
  return {
    cert: new X509Certificate(der).toString(),
    key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

const sha1 = (data: Buffer) => createHash('sha1').update(data).digest();

/** Whether `cert` names every one of `names` (host names, or IP addresses without brackets). */
export function coversNames(cert: X509Certificate, names: readonly string[]): boolean {
  return names.every((name) =>
    isIP(name) === 0
      ? cert.checkHost(name, { wildcards: false }) !== undefined
      : cert.checkIP(name) !== undefined,
  );
}
