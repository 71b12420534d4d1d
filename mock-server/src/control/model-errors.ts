import { WechatModelError, type WechatRefusal } from '../wechat/contract';
import { ControlError } from './error';

/** The status and error code of each refusal of the WeChat model. */
const REFUSALS: Record<WechatRefusal, [status: number, error: string]> = {
  unknown_app: [404, 'unknown_app'],
  unknown_user: [404, 'unknown_user'],
  no_phone: [409, 'no_phone'],
  no_quota: [409, 'no_quota'],
  user_exists: [409, 'user_exists'],
  invalid_value: [400, 'invalid_field'],
};

/** A model refusal as the control surface reports it; any other error as it is. */
export function controlErrorOf(err: unknown): unknown {
  if (!(err instanceof WechatModelError)) return err;
  const [status, error] = REFUSALS[err.reason];
  return new ControlError(status, error, err.message);
}

/**
 * The API with every method (of every group) throwing {@link ControlError}s for the model's
 * refusals, so `mock.control` and the HTTP routes answer them like any other control error.
 */
export function withControlErrors<T extends object>(api: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(api)) {
    if (typeof value === 'function') {
      out[key] = (...args: unknown[]) => {
        try {
          return (value as (...a: unknown[]) => unknown).apply(api, args);
        } catch (err) {
          throw controlErrorOf(err);
        }
      };
    } else if (value !== null && typeof value === 'object') {
      out[key] = withControlErrors(value);
    } else {
      out[key] = value;
    }
  }
  return out as T;
}
