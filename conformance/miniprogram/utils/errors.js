/** The WeChat errcode a GenAuth error carries in `data` (e.g. 40163), or ''. */
function wechatErrcode(data) {
  return data && data.errcode !== undefined ? String(data.errcode) : '';
}

/**
 * Turns whatever an SDK throws into `{code, message, errcode}`: our SDK throws one error class
 * with `code`, `message`, `data`; the official SDK throws an Error whose message is JSON (REST),
 * a plain object (GraphQL) or `undefined` (network); wx APIs reject with `{errMsg, errno?}`
 * (`errcode` is then the errno, e.g. 104 for a refused privacy authorization).
 */
function describeError(error) {
  if (error && typeof error === 'object') {
    if (error.code !== undefined && error.message !== undefined) {
      return {
        code: String(error.code),
        message: String(error.message),
        errcode: wechatErrcode(error.data),
      };
    }
    if (typeof error.errMsg === 'string') {
      const errno = error.errno !== undefined ? String(error.errno) : '';
      return { code: 'wx', message: error.errMsg, errcode: errno };
    }
    if (typeof error.message === 'string') {
      try {
        const parsed = JSON.parse(error.message);
        if (parsed && parsed.code !== undefined) {
          return {
            code: String(parsed.code),
            message: String(parsed.message),
            errcode: wechatErrcode(parsed.data),
          };
        }
      } catch {
        // not JSON: fall through
      }
      return { code: '', message: error.message, errcode: '' };
    }
  }
  return { code: '', message: String(error), errcode: '' };
}

module.exports = { describeError };
