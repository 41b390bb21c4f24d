import { act, screen } from '@testing-library/react';
import { useTranslation } from 'react-i18next';
import { Pagination } from 'antd';
import dayjs from 'dayjs';
import i18n, { LANGUAGE_STORAGE_KEY, setLanguage, storedLanguage } from './index';
import { renderWithApp } from '../test/utils';
import { en } from './en';
import { zhCN } from './zh-CN';

function Probe() {
  const { t } = useTranslation();
  return <div><span data-testid="menu">{t('menu.customers')}</span><Pagination total={50} showTotal={(n) => `#${n}`} showSizeChanger /></div>;
}

function keysOf(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keysOf(v as object, `${prefix}${k}.`)));
}

describe('i18n switch', () => {
  afterEach(async () => {
    await act(() => setLanguage('zh-CN'));
  });

  it('defaults to zh-CN', () => {
    localStorage.removeItem(LANGUAGE_STORAGE_KEY);
    expect(storedLanguage()).toBe('zh-CN');
    expect(i18n.language).toBe('zh-CN');
  });

  it('switches app text, antd texts and dayjs, and remembers the choice', async () => {
    renderWithApp(<Probe />);
    expect(screen.getByTestId('menu').textContent).toBe('客户管理');
    expect(document.body.textContent).toContain('条/页');
    await act(() => setLanguage('en'));
    expect(screen.getByTestId('menu').textContent).toBe('Customers');
    expect(document.body.textContent).toContain('/ page');
    expect(dayjs().locale()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(storedLanguage()).toBe('en');
    await act(() => setLanguage('zh-CN'));
    expect(dayjs().locale()).toBe('zh-cn');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(screen.getByTestId('menu').textContent).toBe('客户管理');
  });

  it('has every key in both languages', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(zhCN).sort());
  });
});
