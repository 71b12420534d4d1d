import {
  DecryptError,
  decryptData,
  encryptData,
  rawDataSignature,
  sessionSignature,
} from '../../src';

/** The official WXBizDataCrypt demo vector (wechat.md §5.2). */
const KEY = 'tiihtNczf5v6AKRyjwEUhQ==';
const IV = 'r7BXXKkLb8qrSNn05n0qiA==';
const APPID = 'wx4f4bc4dec97d474b';
const ENCRYPTED =
  'CiyLU1Aw2KjvrjMdj8YKliAjtP4gsMZMQmRzooG2xrDcvSnxIMXFufNstNGTyaGS9uT5geRa0W4oTOb1WT7fJlAC+oNPdbB+3hVbJSRgv+4lGOETKUQz6OYStslQ142dNCuabNPGBzlooOmB231qMM85d2/fV6ChevvXvQP8Hkue1poOFtnEtpyxVLW1zAo6/1Xx1COxFvrc2d7UL/lmHInNlxuacJXwu0fjpXfz/YqYzBIBzD6WUfTIF9GRHpOn/Hz7saL8xz+W//FRAUid1OksQaQx4CMs8LOddcQhULW4ucetDf96JcR3g0gfRK4PC7E/r7Z6xNrXd2UIeorGj5Ef7b1pJAYB6Y5anaHqZ9J6nKEBvB4DnNLIVWSgARns/8wR2SiRS7MNACwTyrGvt9ts8p12PKFdlqYTopNHR1Vf7XjfhQlVsAJdNiKdYmYVoKlaRv85IfVunYzO0IKXsyl7JCUjCpoG20f0a04COwfneQAGGwd5oa+T8yO5hzuyDb/XcxxmK01EpqOyuxINew==';
const PLAINTEXT =
  '{"openId":"oGZUI0egBJY1zhBYw2KhdUfwVJJE","nickName":"Band","gender":1,"language":"zh_CN","city":"Guangzhou","province":"Guangdong","country":"CN","avatarUrl":"http://wx.qlogo.cn/mmopen/vi_32/aSKcBBPpibyKNicHNTMM0qJVh8Kjgiak2AHWr8MHM4WgMEm7GFhsf8OYrySdbvAMvTsw3mo8ibKicsnfN5pRjl1p8HQ/0","unionId":"ocMvos6NjeKLIBqg5Mr9QjxrP1FA","watermark":{"timestamp":1477314187,"appid":"wx4f4bc4dec97d474b"}}';

/** The self-generated legacy phone vector (wechat.md §5.5). */
const PHONE_PLAINTEXT =
  '{"phoneNumber":"13580006666","purePhoneNumber":"13580006666","countryCode":"86","watermark":{"appid":"wx4f4bc4dec97d474b","timestamp":1477314187}}';
const PHONE_ENCRYPTED =
  'xT8p8W6jIVdEWQ+ccHuD2bmG5RSiwg14VWRFw/UGVh6Aj+jDIadafJ4xdCIBQ/uxDiyw/MZWvpFyRn3pP3xxVfNQxFtzghvK+Pj5JQI7x41EpnirOxeUcm4HWRdmzGJla5bZSoGnOCbsXv5pRwGUkKrjqXN+ahUvXsHu7s3UO17Wm7voWb/tLcxrZfVTyk0rxntL3Fq2vaQdw+WIdarjGw==';

function decryptCode(fn: () => unknown): number | undefined {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DecryptError);
    return (err as DecryptError).code;
  }
  return undefined;
}

describe('decryptData / encryptData (official vector)', () => {
  it('decrypts the official vector to the exact plaintext and checks the watermark', () => {
    const data = decryptData(KEY, ENCRYPTED, IV, APPID);
    expect(JSON.stringify(data)).toBe(PLAINTEXT);
    expect(data).toMatchObject({ nickName: 'Band', watermark: { appid: APPID } });
  });

  it('re-encrypts the official plaintext byte for byte', () => {
    expect(encryptData(KEY, JSON.parse(PLAINTEXT) as object, IV)).toBe(ENCRYPTED);
  });

  it('round-trips the legacy phone vector in both directions', () => {
    expect(JSON.stringify(decryptData(KEY, PHONE_ENCRYPTED, IV, APPID))).toBe(PHONE_PLAINTEXT);
    expect(encryptData(KEY, JSON.parse(PHONE_PLAINTEXT) as object, IV)).toBe(PHONE_ENCRYPTED);
  });

  it('reports the demo error classes', () => {
    expect(decryptCode(() => decryptData('short', ENCRYPTED, IV))).toBe(-41001);
    expect(decryptCode(() => decryptData(KEY, ENCRYPTED, 'r7BXXKkLb8qrSNn05n0q'))).toBe(-41002);
    expect(decryptCode(() => decryptData('tiihtNczf5v6AKRyjwEUhQ!!', ENCRYPTED, IV))).toBe(-41004);
    expect(decryptCode(() => decryptData(KEY, ENCRYPTED, 'r7BXXKkLb8qrSNn05n0q@@=='))).toBe(-41004);
    expect(decryptCode(() => decryptData(KEY, 'not base64!', IV))).toBe(-41004);
    expect(decryptCode(() => decryptData(KEY, ENCRYPTED, IV, 'wx0000000000000000'))).toBe(-41003);
    expect(decryptCode(() => decryptData('HyVFkGl5F5OQWJZZaNzBBg==', ENCRYPTED, IV))).toBe(-41003);
    expect(decryptCode(() => decryptData(KEY, 'AAAA', IV))).toBe(-41003);
    expect(decryptCode(() => decryptData(KEY, encryptData(KEY, [1, 2], IV), IV))).toBe(-41003);
  });

  it('refuses to encrypt with a bad key or iv', () => {
    expect(decryptCode(() => encryptData('short', {}, IV))).toBe(-41001);
    expect(decryptCode(() => encryptData(KEY, {}, 'short'))).toBe(-41002);
  });
});

describe('signatures', () => {
  it('signs rawData as sha1(rawData + session_key) (official sample)', () => {
    const rawData =
      '{"nickName":"Band","gender":1,"language":"zh_CN","city":"Guangzhou","province":"Guangdong","country":"CN","avatarUrl":"http://wx.qlogo.cn/mmopen/vi_32/1vZvI39NWFQ9XM4LtQpFrQJ1xlgZxx3w7bQxKARol6503Iuswjjn6nIGBiaycAjAtpujxyzYsrztuuICqIM5ibXQ/0"}';
    expect(rawDataSignature(rawData, 'HyVFkGl5F5OQWJZZaNzBBg==')).toBe(
      '75e81ceda165f4ffa64f4068af58c64b8f54b88c',
    );
  });

  it('signs the login state as HMAC-SHA256 keyed by the session_key string', () => {
    expect(sessionSignature('o0q0otL8aEzpcZL/FT9WsQ==', '{"foo":"bar"}')).toBe(
      '654571f79995b2ce1e149e53c0a33dc39c0a74090db514261454e8dbe432aa0b',
    );
    expect(sessionSignature(KEY)).toBe(
      '7154f9f8b4b76b92f541cbf0e37d48840fa06e5e42da92a6f80168a1516a4735',
    );
    expect(sessionSignature(KEY, '')).toBe(sessionSignature(KEY));
  });
});
