import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LoginForm } from './LoginPage';
import { renderWithApp } from '../test/utils';

describe('login form', () => {
  it('shows the error the API gives', async () => {
    const onLogin = vi.fn().mockResolvedValue({ ok: false, message: '邮箱或密码错误' });
    renderWithApp(<LoginForm onLogin={onLogin} />);
    await userEvent.type(screen.getByLabelText('邮箱'), 'rep1@demo.test');
    await userEvent.type(screen.getByLabelText('密码'), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    await waitFor(() => expect(screen.getByTestId('login-error')).toHaveTextContent('邮箱或密码错误'));
    expect(onLogin).toHaveBeenCalledWith('rep1@demo.test', 'wrong');
  });

  it('shows a generic failure when the server gives no message, and a network error when it cannot be reached', async () => {
    const onLogin = vi.fn().mockResolvedValueOnce({ ok: false }).mockRejectedValueOnce(new Error('offline'));
    renderWithApp(<LoginForm onLogin={onLogin} />);
    await userEvent.type(screen.getByLabelText('邮箱'), 'a@b.c');
    await userEvent.type(screen.getByLabelText('密码'), 'x');
    await userEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    await waitFor(() => expect(screen.getByTestId('login-error')).toHaveTextContent('登录失败'));
    await userEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    await waitFor(() => expect(screen.getByTestId('login-error')).toHaveTextContent('无法连接服务器'));
  });

  it('requires both fields', async () => {
    const onLogin = vi.fn();
    renderWithApp(<LoginForm onLogin={onLogin} />);
    await userEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    await waitFor(() => expect(screen.getAllByText('请填写此项').length).toBe(2));
    expect(onLogin).not.toHaveBeenCalled();
  });
});
