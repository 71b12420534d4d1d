import { GenAuthError, isGenAuthError } from '../../src/node';

describe('GenAuthError', () => {
  it('carries kind, code, message, data and cause', () => {
    const cause = new Error('socket hang up');
    const error = new GenAuthError({ kind: 'network', code: 500, message: 'failed', cause });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'GenAuthError', kind: 'network', code: 500, data: null });
    expect(error.message).toBe('failed');
    expect(error.cause).toBe(cause);
    expect(JSON.parse(JSON.stringify(error))).toEqual({ code: 500, message: 'failed', data: null });
  });

  it('isGenAuthError accepts instances and marked objects from other realms only', () => {
    const error = new GenAuthError({
      kind: 'server',
      code: 2004,
      message: '用户不存在',
      data: { x: 1 },
    });
    expect(isGenAuthError(error)).toBe(true);
    expect(isGenAuthError({ isGenAuthError: true, code: 1 })).toBe(true);
    expect(isGenAuthError({ code: 2004, message: '用户不存在' })).toBe(false);
    expect(isGenAuthError(new Error('x'))).toBe(false);
    expect(isGenAuthError(null)).toBe(false);
    expect(isGenAuthError('GenAuthError')).toBe(false);
  });
});
