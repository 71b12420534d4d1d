import { userKey, type WechatUser } from '../../src/wechat/state';
import { WechatUserTable } from '../../src/wechat/user-table';

const user = (appid: string, openid: string): WechatUser => ({
  appid,
  openid,
  unionid: null,
  nickName: 'n',
  avatarUrl: '',
  gender: 0,
  city: '',
  province: '',
  country: '',
  language: 'zh_CN',
  phone: null,
  blocked: false,
  sessionKey: null,
});

describe('WechatUserTable', () => {
  it('acts as a Map keyed by appid:openid, also when two apps share an openid', () => {
    const table = new WechatUserTable();
    const a = user('wxa', 'o1');
    const b = user('wxb', 'o1');
    const c = user('wxa', 'o2');
    for (const u of [a, b, c]) table.set(userKey(u.appid, u.openid), u);
    expect(table.size).toBe(3);
    expect(table.get('wxa:o1')).toBe(a);
    expect(table.find('wxb', 'o1')).toBe(b);
    expect(table.has('wxb:o2')).toBe(false);
    expect([...table.keys()]).toEqual(['wxa:o1', 'wxb:o1', 'wxa:o2']);
    const a2 = user('wxa', 'o1');
    table.set('wxa:o1', a2);
    expect(table.size).toBe(3);
    expect(table.get('wxa:o1')).toBe(a2);
    expect(table.delete('wxa:o1')).toBe(true);
    expect(table.delete('wxa:o1')).toBe(false);
    expect(table.get('wxb:o1')).toBe(b);
    expect([...table.values()]).toEqual([b, c]);
    expect(() => table.set('wxc:o9', c)).toThrow(RangeError);
    table.clear();
    expect(table.size).toBe(0);
  });
});
