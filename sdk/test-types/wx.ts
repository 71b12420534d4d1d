// Type test (checked by `tsc -b`, never run): the `wx` of miniprogram-api-typings, the typings
// mini-program projects use, is accepted where the SDK takes a `wx`.
import { AuthenticationClient, createWxRuntime, type WxLike } from '../src';

export const runtime = createWxRuntime(wx);

export const asWxLike: WxLike = wx;

export const client = new AuthenticationClient({
  appId: 'app',
  runtime: createWxRuntime(wx),
});
