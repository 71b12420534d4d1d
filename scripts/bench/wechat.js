'use strict';
/**
 * WeChat bench targets for scripts/bench.js. Each target is `{ name, goal?, setup(baseUrl,
 * budget), check?(status, body) }` (`goal`: the least median ratio to hello): `setup` prepares state through the control surface and returns
 * autocannon options (method, path, headers, body or requests/setupRequest); `check` tells a
 * real answer from an error body (WeChat errors are HTTP 200).
 */
const { control, mintCodes } = require('../bench-lib/control');

const DEMO_APPID = 'wx4f4bc4dec97d474b';

const secrets = new Map();

/**
 * The app's secret, read once from the mock's state (the state grows with every minted
 * code, so reading it before each run would load the mock with garbage to collect).
 */
async function appSecret(baseUrl, appid) {
  const key = `${baseUrl} ${appid}`;
  if (!secrets.has(key)) {
    const state = await control(baseUrl).state();
    const app = state.wechat.apps.find((a) => a.appid === appid);
    if (!app) throw new Error(`app ${appid} not in the mock's state`);
    secrets.set(key, app.secret);
  }
  return secrets.get(key);
}

module.exports = [
  {
    name: 'GET /sns/jscode2session',
    goal: 0.85,
    async setup(baseUrl, { requests }) {
      const secret = await appSecret(baseUrl, DEMO_APPID);
      const codes = await mintCodes(baseUrl, DEMO_APPID, requests);
      const paths = codes.map(
        (code) =>
          `/sns/jscode2session?appid=${DEMO_APPID}&secret=${secret}&js_code=${code}&grant_type=authorization_code`,
      );
      let i = 0;
      return {
        requests: [
          {
            method: 'GET',
            setupRequest(req) {
              req.path = paths[i++ % paths.length];
              return req;
            },
          },
        ],
      };
    },
    check: (status, body) => status === 200 && body.startsWith('{"session_key":'),
  },
];
