const { describeError } = require('./errors');

/**
 * Runs one user action on a page: sets `status: 'busy'` and `action`, clears the error fields,
 * then sets `status` to what `work` resolves to (default 'done') or, when it throws, to 'error'
 * with `errorCode`, `errorMessage` and `wechatErrcode` filled from the error.
 */
function runAction(page, action, work) {
  page.setData({ status: 'busy', action, errorCode: '', errorMessage: '', wechatErrcode: '' });
  return Promise.resolve()
    .then(work)
    .then(
      (status) => page.setData({ status: status || 'done' }),
      (error) => {
        const { code, message, errcode } = describeError(error);
        page.setData({
          status: 'error',
          errorCode: code,
          errorMessage: message,
          wechatErrcode: errcode,
        });
      },
    );
}

module.exports = { runAction };
