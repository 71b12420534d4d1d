/** A raw HTTP/1.1 exchange over a real socket, for bodies a client is still sending when answered. */
import { connect } from 'node:net';

/** What came back: the status, headers and body, or the socket error that ended the exchange. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Whether the body has all the bytes its `Content-Length` announced. */
  complete: boolean;
  /** A socket error (`ECONNRESET`, `EPIPE`, …), if the exchange saw one. */
  error?: string;
}

/** Sends `head` (request line and headers, without the blank line) then `body`, and reads the answer. */
export function exchange(url: string, head: string, body: Buffer = Buffer.alloc(0)) {
  const { hostname, port } = new URL(url);
  return new Promise<RawAnswer>((resolve) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    let error: string | undefined;
    let sent = false;
    // A kept-alive connection stays open: close it once the answer is whole and the body sent.
    const closeWhenDone = () => {
      if (sent && parse(Buffer.concat(chunks).toString('utf8'), undefined).complete) socket.end();
    };
    socket.on('data', (d: Buffer) => {
      chunks.push(d);
      closeWhenDone();
    });
    socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
    socket.on('close', () => resolve(parse(Buffer.concat(chunks).toString('utf8'), error)));
    socket.write(`${head}\r\nContent-Length: ${body.length}\r\n\r\n`);
    socket.write(body, () => {
      sent = true;
      closeWhenDone();
    });
  });
}

function parse(text: string, error: string | undefined): RawAnswer {
  const end = text.indexOf('\r\n\r\n');
  const [statusLine = '', ...lines] = text.slice(0, Math.max(end, 0)).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  const body = end < 0 ? '' : text.slice(end + 4);
  const complete =
    end >= 0 && Buffer.byteLength(body) === Number(headers['content-length'] ?? Number.NaN);
  return {
    status: Number(statusLine.split(' ')[1] ?? 0),
    headers,
    body,
    complete,
    ...(error === undefined ? {} : { error }),
  };
}
