import { requirePeer } from './peers';
import { trackAppModules } from './registry';
import { requireFresh } from './simulate';

const OFFICIAL = 'authing-wxapp-sdk';
/** The version the differential run pins. */
const OFFICIAL_VERSION = '4.3.22-alpha.7';

/** A constructor with the authing-wxapp-sdk shape: `new AuthenticationClient(options)`. */
export type ClientConstructor = new (options: Record<string, unknown>) => unknown;

/**
 * Which SDK the pages get: `genauth` (this project's, as the demo's `sdk.js` requires it),
 * `official` (authing-wxapp-sdk@4.3.22-alpha.7 on its mini-program transport), or any
 * constructor.
 */
export type SdkChoice = 'genauth' | 'official' | ClientConstructor;

/**
 * The official SDK as it runs inside WeChat. Its HTTP layer (wx-axios) picks Node's http adapter
 * whenever `process` exists, which would bypass `wx.request`; in a mini-program there is no
 * `process`, so it uses `wx.request`. The adapter is set to wx-request before the client is built.
 */
function officialClient(): ClientConstructor {
  const axios = requireFresh<{ defaults: { adapter: unknown } }>('wx-axios');
  axios.defaults.adapter = requireFresh<unknown>('wx-axios/lib/adapters/wx-request.js');
  return requireFresh<{ AuthenticationClient: ClientConstructor }>('authing-wxapp-sdk')
    .AuthenticationClient;
}

/** {@link officialClient}, failing with the install command when the package is missing. */
function requireOfficial(): ClientConstructor {
  const install = `${OFFICIAL}@${OFFICIAL_VERSION}`;
  const needed = `createTestEnv({ sdk: 'official' })`;
  // wx-axios comes with authing-wxapp-sdk: either missing means the SDK is not installed.
  return requirePeer(
    OFFICIAL,
    needed,
    () => requirePeer('wx-axios', needed, officialClient, install),
    install,
  );
}

/** The constructor for `choice`, or `undefined` to keep what the mini-program's `sdk.js` requires. */
export function resolveSdk(choice: SdkChoice | undefined): ClientConstructor | undefined {
  if (choice === undefined || choice === 'genauth') return undefined;
  if (choice === 'official') return trackAppModules(requireOfficial);
  return choice;
}
