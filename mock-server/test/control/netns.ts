/**
 * A network namespace joined to this one by a veth pair, so tests can reach a mock from a
 * genuine non-loopback address: host side 10.231.<n>.1/30, namespace side 10.231.<n>.2/30 (no
 * other address is touched). Needs root and iproute2.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A namespace ready for {@link NetNs.node}, or why it could not be made. */
export type NetNsSetup = { ok: true; ns: NetNs } | { ok: false; reason: string };

/** One request the namespace client makes, and what it saw. */
export interface NsRequest {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}
export interface NsAnswer {
  status: number;
  body: unknown;
  wwwAuthenticate: string | null;
}

/** The client: fetches each request in order and prints the answers as one JSON array. */
const CLIENT = `
const requests = JSON.parse(process.argv[1]);
(async () => {
  const answers = [];
  for (const r of requests) {
    const res = await fetch(r.url, { method: r.method, headers: r.headers, body: r.body });
    const text = await res.text();
    let body = text;
    try { body = JSON.parse(text); } catch {}
    answers.push({ status: res.status, body, wwwAuthenticate: res.headers.get('www-authenticate') });
  }
  process.stdout.write(JSON.stringify(answers));
})().catch((e) => { console.error(e); process.exit(1); });
`;

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'pipe', 'pipe'] });

/** A free 10.231.<n>.0/30, starting from one derived from the pid. */
function freeSubnet(): number {
  const used = ip('-4', '-o', 'addr', 'show').toString();
  for (let i = 0; i < 254; i++) {
    const n = ((process.pid + i) % 254) + 1;
    if (!used.includes(`10.231.${n}.`)) return n;
  }
  throw new Error('no free 10.231.<n>.0/30');
}

export class NetNs {
  readonly name = `gwx-${process.pid}`;
  /** veth names: at most 15 characters. */
  readonly hostIf = `gwx${process.pid}h`;
  readonly nsIf = `gwx${process.pid}n`;
  readonly hostAddress: string;
  readonly nsAddress: string;
  private removed = false;

  private constructor(n: number) {
    this.hostAddress = `10.231.${n}.1`;
    this.nsAddress = `10.231.${n}.2`;
  }

  /** Creates the namespace and the veth pair; on any failure removes what it made. */
  static create(): NetNsSetup {
    if (process.getuid?.() !== 0) return { ok: false, reason: 'not running as root' };
    let ns: NetNs | undefined;
    try {
      ns = new NetNs(freeSubnet());
      ip('netns', 'add', ns.name);
      ip('link', 'add', ns.hostIf, 'type', 'veth', 'peer', 'name', ns.nsIf);
      ip('link', 'set', ns.nsIf, 'netns', ns.name);
      ip('addr', 'add', `${ns.hostAddress}/30`, 'dev', ns.hostIf);
      ip('link', 'set', ns.hostIf, 'up');
      ip('-n', ns.name, 'addr', 'add', `${ns.nsAddress}/30`, 'dev', ns.nsIf);
      ip('-n', ns.name, 'link', 'set', ns.nsIf, 'up');
      return { ok: true, ns };
    } catch (e) {
      ns?.remove();
      const err = e as { stderr?: Buffer; message: string };
      return { ok: false, reason: err.stderr?.toString().trim() || err.message };
    }
  }

  /** Runs the fetch client inside the namespace (bounded to 5 s) and returns its answers. */
  async fetch(requests: NsRequest[]): Promise<NsAnswer[]> {
    const { stdout } = await run(
      'ip',
      ['netns', 'exec', this.name, process.execPath, '-e', CLIENT, JSON.stringify(requests)],
      { timeout: 5000 },
    );
    return JSON.parse(stdout) as NsAnswer[];
  }

  /** Deletes the namespace and the host end of the pair, once; never throws. */
  remove(): void {
    if (this.removed) return;
    this.removed = true;
    for (const args of [
      ['netns', 'del', this.name],
      ['link', 'del', this.hostIf],
    ]) {
      try {
        ip(...args);
      } catch {
        // not there (the pair goes with the namespace)
      }
    }
  }
}
