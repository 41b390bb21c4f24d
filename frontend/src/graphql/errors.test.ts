import i18n, { setLanguage } from '../i18n';
import { errorText, errorsText, combinedErrorText } from './errors';
import { CombinedError } from '@urql/core';

describe('server errors in the user\'s language', () => {
  afterEach(async () => { await setLanguage('zh-CN'); });

  it('renders a code and its field in Chinese, never the English message', async () => {
    await setLanguage('zh-CN');
    expect(errorText(i18n, { field: 'phone', code: 'INVALID', message: "'abc' is not a valid phone number" })).toBe('电话：不是有效的电话号码');
    expect(errorText(i18n, { field: 'delta', code: 'INSUFFICIENT_STOCK', message: 'Only 349 of HW-UPS-01 are available to remove' })).toBe('调整数量：可减少的库存不足');
    expect(errorText(i18n, { code: 'INVALID_CREDENTIALS', message: 'Email or password is wrong' })).toBe('邮箱或密码错误');
    expect(errorText(i18n, { field: 'name', code: 'INVALID', message: 'x' }, { withField: false })).toBe('输入有误');
  });

  it('uses the server\'s parameters when it sends them', async () => {
    await setLanguage('zh-CN');
    expect(errorText(i18n, { field: 'lines.0.quantity', code: 'INSUFFICIENT_STOCK', message: 'Only 3 of X', params: { product: 'HW-UPS-01', available: 3 } }))
      .toBe('数量：HW-UPS-01 仅有 3 件可用');
  });

  it('keeps the server\'s message when it is in the user\'s language (English, or Chinese once the API translates)', async () => {
    await setLanguage('en');
    expect(errorText(i18n, { field: 'delta', code: 'INSUFFICIENT_STOCK', message: 'Only 349 of HW-UPS-01 are available to remove' }))
      .toBe('Adjustment: Only 349 of HW-UPS-01 are available to remove');
    await setLanguage('zh-CN');
    expect(errorText(i18n, { code: 'INVALID', message: '金额格式不正确' })).toBe('金额格式不正确');
  });

  it('falls back to the server\'s message for a code the app does not know', async () => {
    await setLanguage('zh-CN');
    expect(errorText(i18n, { code: 'SOMETHING_NEW', message: 'Quota exceeded' })).toBe('Quota exceeded');
    expect(errorsText(i18n, [{ code: 'FORBIDDEN', message: 'no' }, { code: 'NOT_FOUND', message: 'gone' }])).toBe('您无权执行此操作；记录不存在或已被删除');
  });

  it('reads extensions.code of GraphQL errors, and says so when the network is down', async () => {
    await setLanguage('zh-CN');
    const gql = new CombinedError({ graphQLErrors: [{ message: 'Too many requests', extensions: { code: 'RATE_LIMITED' } }] });
    expect(combinedErrorText(i18n, gql)).toBe('操作太频繁，请稍后再试');
    expect(combinedErrorText(i18n, new CombinedError({ networkError: new Error('fetch failed') }))).toBe('无法连接服务器，请检查网络');
  });
});
