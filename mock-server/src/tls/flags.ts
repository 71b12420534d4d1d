import { readFileSync } from 'node:fs';

import { checkPemPair, type TlsOptions } from './options';

/** The CLI flags of HTTPS, as `parseArgs` returns them. */
export interface TlsFlags {
  https?: boolean;
  'https-port'?: string;
  cert?: string;
  key?: string;
  'tls-dir'?: string;
}

/** The names of {@link TlsFlags}: any of them turns HTTPS on. */
export const TLS_FLAGS: readonly (keyof TlsFlags)[] = Object.freeze([
  'https',
  'https-port',
  'cert',
  'key',
  'tls-dir',
]);

/** The HTTP port, and how the user gave it (`--port`, `-p` or `PORT`), to compare `--https-port`. */
export interface PortSource {
  port: number;
  source: string;
}

function parsePort(raw: string): number | undefined {
  if (!/^\d+$/.test(raw)) return undefined;
  const port = Number(raw);
  return port <= 65535 ? port : undefined;
}

function readPem(flag: string, file: string): { text: string } | { error: string } {
  try {
    return { text: readFileSync(file, 'utf8') };
  } catch (err) {
    const { code, message } = err as NodeJS.ErrnoException;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a directory'
            : message;
    return { error: `${flag} cannot read ${JSON.stringify(file)}: ${reason}` };
  }
}

/**
 * The `tls` option of `--https`, `--https-port <n>`, `--cert <file>` with `--key <file>` and
 * `--tls-dir <dir>` (each of them turns HTTPS on), or a usage error naming the flag as typed
 * (`name(flag)`). `--cert` and `--key` are read and checked here: a missing or unreadable file, a
 * file that is no PEM certificate or key, or a key of another certificate is an error.
 */
export function tlsOptions(
  flags: TlsFlags,
  http: PortSource,
  name: (flag: keyof TlsFlags) => string,
): { tls: TlsOptions | undefined } | { error: string } {
  if (!TLS_FLAGS.some((flag) => flags[flag] !== undefined && flags[flag] !== false)) {
    return { tls: undefined };
  }
  let port: number | undefined;
  const rawPort = flags['https-port'];
  if (rawPort !== undefined) {
    port = parsePort(rawPort);
    if (port === undefined) {
      return {
        error: `${name('https-port')} must be an integer from 0 to 65535, got "${rawPort}"`,
      };
    }
    if (port !== 0 && port === http.port) {
      return {
        error: `${name('https-port')} must differ from ${http.source} (HTTP), got ${port} for both`,
      };
    }
  }
  const withPort = port === undefined ? {} : { port };
  const { cert, key } = flags;
  const dir = flags['tls-dir'];
  if (cert === undefined && key === undefined) {
    if (dir === '') return { error: `${name('tls-dir')} must be a directory path, got ""` };
    return { tls: { generate: true, ...(dir !== undefined && { dir }), ...withPort } };
  }
  if (cert === undefined) return { error: `${name('key')} needs --cert <file>` };
  if (key === undefined) return { error: `${name('cert')} needs --key <file>` };
  if (dir !== undefined) {
    return {
      error: `${name('tls-dir')} keeps a generated certificate: use it or ${name('cert')}, not both`,
    };
  }
  const certPem = readPem(name('cert'), cert);
  if ('error' in certPem) return certPem;
  const keyPem = readPem(name('key'), key);
  if ('error' in keyPem) return keyPem;
  const checked = checkPemPair(certPem.text, keyPem.text);
  if ('option' in checked) {
    if (checked.option === 'tls.cert') {
      return {
        error: `${name('cert')} must be a PEM certificate file, got ${JSON.stringify(cert)}`,
      };
    }
    return {
      error:
        checked.detail === 'does not match the certificate'
          ? `${name('key')} ${JSON.stringify(key)} does not match the certificate of ${name('cert')} ${JSON.stringify(cert)}`
          : `${name('key')} must be an unencrypted PEM private key file, got ${JSON.stringify(key)}`,
    };
  }
  return { tls: { cert: certPem.text, key: keyPem.text, ...withPort } };
}

/** The flag behind a {@link TlsOptionError}'s option, for errors that only `start()` finds. */
export const FLAG_OF_OPTION: Readonly<Record<string, keyof TlsFlags>> = Object.freeze({
  'tls.dir': 'tls-dir',
  'tls.port': 'https-port',
  'tls.cert': 'cert',
  'tls.key': 'key',
});
