import { globalId, isPayrollKey, optimistic, payrollSafeStorage, withoutPayroll } from './cacheConfig';
import { blockingError, hasForbiddenFields } from './errors';
import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';

describe('payroll never reaches the persistent cache', () => {
  it('recognises payroll entity keys and root fields', () => {
    expect(isPayrollKey('Payslip:UGF5c2xpcDox.net')).toBe(true);
    expect(isPayrollKey('PayRun:abc.status')).toBe(true);
    expect(isPayrollKey('Employee:1.baseSalary')).toBe(true);
    expect(isPayrollKey('Query.myPayslips({"first":24})')).toBe(true);
    expect(isPayrollKey('Query.payRuns')).toBe(true);
    expect(isPayrollKey('Customer:1.name')).toBe(false);
    expect(isPayrollKey('Query.customers({"first":20})')).toBe(false);
  });

  it('filters the delta written to storage', async () => {
    const written: Record<string, unknown>[] = [];
    const storage = payrollSafeStorage({
      readData: async () => ({}),
      writeData: async (d: Record<string, string | undefined>) => { written.push(d); },
    });
    await storage.writeData({
      'Customer:1.name': '"上海星辰"',
      'Payslip:9.net': '{"amount":"9000.00"}',
      'User:5.payslips': ':["Payslip:9"]',
      'Query.myPayslips': ':["Payslip:9"]',
    });
    expect(Object.keys(written[0])).toEqual(['Customer:1.name']);
    expect(withoutPayroll({ 'Order:1.total': 'x' })).toEqual({ 'Order:1.total': 'x' });
  });
});

describe('partial errors', () => {
  const forbidden = new GraphQLError('forbidden', { path: ['customers', 'edges', 0, 'node', 'phone'], extensions: { code: 'FORBIDDEN' } });
  it('a FORBIDDEN field is not a blocking error', () => {
    const e = new CombinedError({ graphQLErrors: [forbidden] });
    expect(blockingError(e)).toBeNull();
    expect(hasForbiddenFields(e)).toBe(true);
  });
  it('other errors are', () => {
    const e = new CombinedError({ graphQLErrors: [forbidden, new GraphQLError('boom', { extensions: { code: 'INTERNAL' } })] });
    expect(blockingError(e)).toBe(e);
  });
});

describe('offline follow-ups', () => {
  it('give the interaction the global id the server will give it', () => {
    const uuid = '6c2a0a1c-a223-4aaa-ae64-d2620dab3427';
    const r = optimistic.logInteraction({ input: { id: uuid, customerId: 'x', kind: 'CALL', summary: '电话回访' } }, {} as never, {} as never) as {
      interaction: { id: string; summary: string };
      errors: unknown[];
    };
    expect(r.errors).toEqual([]);
    expect(r.interaction.summary).toBe('电话回访');
    expect(atob(r.interaction.id)).toBe(`Interaction:${uuid}`);
    expect(globalId('Customer', uuid)).toBe(btoa(`Customer:${uuid}`));
  });
});
