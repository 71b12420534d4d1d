/**
 * The console's way to the mock: the package's own control client over this page's origin (the
 * same typed API as `mock.control`), and the few plain requests the console makes as a client.
 */
import { createControlClient, type ControlClient } from '../../src/client';

/** The control API of the mock serving this page. */
export const control: ControlClient = createControlClient(location.origin);

/** The base URL of the mock serving this page, for the curl commands shown. */
export const origin = location.origin;

/** A shell word in single quotes. */
const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** The curl command of a control call: `POST /__mock/v1/<path>` with a JSON body. */
export function controlCurl(path: string, body: unknown): string {
  return `curl -s -X POST ${origin}/__mock/v1${path} -d ${quote(JSON.stringify(body))}`;
}

/** The curl command of a GET of `path?query` on the mock. */
export function getCurl(path: string, query: Record<string, string>): string {
  return `curl -s ${quote(`${origin}${path}?${new URLSearchParams(query).toString()}`)}`;
}

/** What a plain GET on the mock answered: status and parsed JSON (or the text). */
export async function getJson(
  path: string,
  query: Record<string, string>,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${path}?${new URLSearchParams(query).toString()}`);
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) as unknown };
  } catch {
    return { status: res.status, body: text };
  }
}
