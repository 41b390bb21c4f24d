import { screen } from '@testing-library/react';
import { FieldValue, MaskedText } from './MaskedText';
import { renderWithApp } from '../test/utils';

const perms = [{ type: 'Customer', rowScope: 'OWN', fields: [
  { field: 'phone', access: 'MASKED' }, { field: 'email', access: 'NONE' }, { field: 'name', access: 'WRITE' },
] }];

describe('masked display', () => {
  it('shows the masked string exactly as the server sent it, marked as masked', () => {
    renderWithApp(<FieldValue type="Customer" field="phone" value="138****5678" />, perms);
    const el = screen.getByText(/138\*\*\*\*5678/);
    expect(el.closest('[data-masked="true"]')).not.toBeNull();
  });

  it('a MASKED field the server sent in clear (an owned row) is shown plainly', () => {
    const { container } = renderWithApp(<FieldValue type="Customer" field="phone" value="13812345678" />, perms);
    expect(container.textContent).toContain('13812345678');
    expect(container.querySelector('[data-masked="true"]')).toBeNull();
  });

  it('renders nothing for a field with access NONE', () => {
    const { container } = renderWithApp(<div data-testid="box"><FieldValue type="Customer" field="email" value="leak@example.com" /></div>, perms);
    expect(container.textContent).not.toContain('leak@example.com');
  });

  it('renders readable values plainly and null as a dash (a denied field comes back null)', () => {
    renderWithApp(<><FieldValue type="Customer" field="name" value="上海星辰科技" /><span data-testid="n"><FieldValue type="Customer" field="region" value={null} /></span></>, perms);
    expect(screen.getByText('上海星辰科技')).toBeInTheDocument();
    expect(screen.getByTestId('n').textContent).toBe('—');
  });

  it('MaskedText with an empty value shows a dash', () => {
    renderWithApp(<span data-testid="m"><MaskedText value={null} /></span>);
    expect(screen.getByTestId('m').textContent).toBe('—');
  });
});
