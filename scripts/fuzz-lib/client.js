'use strict';
/** One raw HTTP/1.1 exchange over its own socket, reporting exactly how it ended. */
const net = require('node:net');

/** Where the answer's head ends, its status and headers, and whether its body is whole. */
function parseAnswer(buf, method) {
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine, ...lines] = buf.subarray(0, end).toString('latin1').split('\r\n');
  const headers = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  const status = Number(statusLine.split(' ')[1]);
  const rest = buf.subarray(end + 4);
  if (status === 100) return { interim: end + 4 };
  if (method === 'HEAD' || status === 204 || status === 304) {
    return { status, headers, body: Buffer.alloc(0), complete: true };
  }
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
    const body = [];
    let at = 0;
    for (;;) {
      const eol = rest.indexOf('\r\n', at);
      if (eol < 0) return { status, headers, complete: false };
      const size = parseInt(rest.subarray(at, eol).toString('latin1'), 16);
      if (Number.isNaN(size)) return { status, headers, complete: false };
      if (size === 0) return { status, headers, body: Buffer.concat(body), complete: true };
      if (rest.length < eol + 2 + size + 2) return { status, headers, complete: false };
      body.push(rest.subarray(eol + 2, eol + 2 + size));
      at = eol + 2 + size + 2;
    }
  }
  const length = Number(headers['content-length']);
  if (Number.isFinite(length)) {
    return { status, headers, body: rest.subarray(0, length), complete: rest.length >= length };
  }
  return { status, headers, body: rest, complete: false, untilClose: true };
}

/**
 * Sends one case and resolves to `{answer?, error?, timedOut?}`: `answer` once a whole answer
 * was read (status, headers, body), `error` the first socket error code (`ECONNRESET`, `EPIPE`:
 * the mock closed while the request was still being sent, which an HTTP client reports as a
 * failed request even when the answer had arrived).
 */
function exchange(host, port, c, timeoutMs) {
  return new Promise((resolve) => {
    const socket = net.connect(port, host);
    let buf = Buffer.alloc(0);
    let answer;
    let error;
    let timedOut = false;
    let sent = false;
    const finish = () => {
      clearTimeout(timer);
      resolve({ answer, error, timedOut });
    };
    const timer = setTimeout(() => {
      timedOut = true;
      socket.destroy();
    }, timeoutMs);
    const settle = () => {
      if (answer && sent) socket.end();
    };
    socket.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      let parsed = parseAnswer(buf, c.method);
      while (parsed?.interim !== undefined) {
        buf = buf.subarray(parsed.interim);
        parsed = parseAnswer(buf, c.method);
      }
      if (parsed?.complete && !answer) {
        answer = parsed;
        settle();
      }
    });
    socket.on('error', (e) => {
      error ??= e.code ?? e.message;
    });
    socket.on('close', () => {
      if (!answer) {
        const parsed = parseAnswer(buf, c.method);
        if (parsed?.untilClose && error === undefined) answer = { ...parsed, complete: true };
      }
      finish();
    });
    const headers = { host: '127.0.0.1', ...c.headers };
    headers.connection = c.keepAlive ? 'keep-alive' : 'close';
    if (c.body.length || c.method === 'POST' || c.method === 'PUT' || c.method === 'PATCH') {
      headers['content-length'] = String(c.body.length);
    }
    let head = `${c.method} ${c.target} HTTP/1.1\r\n`;
    for (const [k, v] of Object.entries(headers)) head += `${k}: ${v}\r\n`;
    socket.write(head + '\r\n', 'latin1');
    if (c.abortAfter !== undefined) {
      // A client that gives up half-way: part of the body, then its end of the connection.
      socket.end(c.body.subarray(0, c.abortAfter), () => (sent = true));
      return;
    }
    socket.write(c.body, () => {
      sent = true;
      settle();
    });
  });
}

module.exports = { exchange };
