'use strict';
/** Whether an answer is in its route's wire format (README: every format and its error codes). */

const RID = /, rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/;
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const genauthError = (m) =>
  isObject(m) && typeof m.code === 'number' && typeof m.message === 'string';

const CHECKS = {
  /**
   * `{errcode, errmsg: "…, rid: …"}` (HTTP 200, 404 for an unknown path, 501 with 48001 for a
   * known API the mock does not serve), or a success body.
   */
  wechat(status, body) {
    if (!isObject(body)) return false;
    if ('errcode' in body) {
      return (
        typeof body.errcode === 'number' &&
        typeof body.errmsg === 'string' &&
        (body.errcode === 0 || RID.test(body.errmsg)) &&
        (status === 200 ||
          (status === 404 && body.errcode === 40066) ||
          (status === 501 && body.errcode === 48001))
      );
    }
    return status === 200 && ('access_token' in body || 'session_key' in body);
  },
  /** `{code, message, data?}` with HTTP 200 (404 or 501 with that code), or an OIDC document. */
  rest(status, body) {
    if (!isObject(body)) return false;
    if (genauthError(body))
      return status === 200 || ((status === 404 || status === 501) && body.code === status);
    return status === 200 && ('issuer' in body || 'keys' in body);
  },
  /** `{statusCode, message, …}` with HTTP 200 (404 or 501 likewise), or the bare system keys. */
  v3(status, body) {
    if (!isObject(body)) return false;
    if (typeof body.statusCode === 'number' && typeof body.message === 'string')
      return status === 200 || ((status === 404 || status === 501) && body.statusCode === status);
    return status === 200 && isObject(body.rsa);
  },
  /** A 2xx JSON object, or a 4xx `{error, error_description}` (OAuth). */
  oidc(status, body) {
    if (!isObject(body)) return false;
    if (status >= 200 && status < 300) return true;
    return (
      status >= 400 &&
      status < 500 &&
      typeof body.error === 'string' &&
      typeof body.error_description === 'string'
    );
  },
  /** `{data}` or `{errors: [{message: {code, message, data}}], data: null}`. */
  graphql(status, body) {
    if (!isObject(body)) return false;
    if ('errors' in body) {
      return (
        Array.isArray(body.errors) &&
        body.errors.length > 0 &&
        body.errors.every((e) => isObject(e) && genauthError(e.message)) &&
        (status === 200 || status === 404)
      );
    }
    return status === 200 && isObject(body.data);
  },
  /** 2xx JSON, or a 4xx `{error, message}`. */
  control(status, body) {
    if (status >= 200 && status < 300) return body !== undefined;
    return (
      status >= 400 &&
      status < 500 &&
      isObject(body) &&
      typeof body.error === 'string' &&
      typeof body.message === 'string'
    );
  },
};

/**
 * The OIDC answers that are not JSON: a redirect (authorization, end-session), the empty 200 of
 * revocation, the signed-out page of end-session.
 */
function oidcNotJson(answer, type) {
  if (answer.status === 302) return typeof answer.headers.location === 'string';
  if (answer.status !== 200) return false;
  return answer.body.length === 0 || /^text\/html/.test(type);
}

/**
 * CAS 1.0 answers text: a validation is HTTP 200 `yes\n<username>\n` or `no\n\n`, a login
 * a 302 to the service, a refusal (a login that cannot go back, another method, another path) a
 * 4xx line of text.
 */
function casAnswer(answer, method) {
  if (answer.status === 302) return typeof answer.headers.location === 'string';
  if (!/^text\/plain/.test(answer.headers['content-type'] ?? '')) return false;
  if (method === 'HEAD')
    return answer.status === 200 || (answer.status >= 400 && answer.status < 500);
  const text = answer.body.toString('utf8');
  if (answer.status === 200) return text === 'no\n\n' || /^yes\n[^\n]+\n$/.test(text);
  return answer.status >= 400 && answer.status < 500 && /^[^\n]+\n$/.test(text);
}

/**
 * The web console answers its page or an asset (HTML, script, style), else in the control
 * surface's `{error, message}`: a 4xx (another method passes on to the control surface's 404),
 * or the 503 of a console not built yet.
 */
function consoleAnswer(answer, method) {
  const type = answer.headers['content-type'] ?? '';
  if (answer.status === 200 && /^text\/(html|javascript|css)/.test(type)) return true;
  if (answer.status === 503 && method !== 'HEAD') {
    return /^application\/json/.test(type) && answer.body.includes('"console_not_built"');
  }
  return inFormat('control', answer, method);
}

/** Whether `answer` (status, headers, body bytes) is in `format`; HEAD answers carry no body. */
function inFormat(format, answer, method) {
  if (format === 'cas') return casAnswer(answer, method);
  if (format === 'console') return consoleAnswer(answer, method);
  const type = answer.headers['content-type'] ?? '';
  if (format === 'oidc' && !/json/.test(type)) return oidcNotJson(answer, type);
  if (method === 'HEAD') return /json/.test(type) || answer.status === 404;
  if (!/^application\/json/.test(type)) return false;
  let body;
  try {
    body = JSON.parse(answer.body.toString('utf8'));
  } catch {
    return false;
  }
  return CHECKS[format](answer.status, body);
}

module.exports = { inFormat };
