import type { OptimisticMutationConfig, SerializedEntries, StorageAdapter } from '@urql/exchange-graphcache';

/**
 * Types whose data must never reach a persistent browser cache (salary is the most
 * sensitive data in the CRM). Payroll pages use a separate in-memory client; this list also
 * filters anything payroll-shaped out of what the offline storage would write, as a second wall.
 */
export const PAYROLL_TYPES = new Set([
  'Employee', 'EmployeeConnection', 'EmployeeEdge', 'EmployeePayload',
  'CompensationPlan', 'CompensationPlanPayload', 'CommissionTier', 'CommissionPayment',
  'PayRun', 'PayRunConnection', 'PayRunEdge', 'PayRunPayload',
  'Payslip', 'PayslipConnection', 'PayslipEdge', 'PayslipLine',
  'PayrollSettings', 'PayrollSettingsPayload', 'ContributionRate', 'TaxBracket', 'PayAdjustment', 'PayAdjustmentPayload',
  'TeamPerformance', 'RepPerformance',
]);

/** Root fields that return payroll data: their links are not persisted either. */
const PAYROLL_ROOT_FIELDS = /^(Query|Mutation)\.(employees?|compensationPlans?|payRuns?|payslips?|myPayslips|payrollSettings|payAdjustments|teamPerformance|calculatePayRun|approvePayRun|createPayRun|markPayRunPaid|createEmployee|updateEmployee|createCompensationPlan|updateCompensationPlan|updatePayrollSettings|addPayAdjustment)\b/;

/** The typename of a serialized graphcache key such as `Payslip:abc.net` or `Query.payRuns({...})`. */
export function typenameOfKey(key: string): string {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)/.exec(key);
  return m ? m[1] : '';
}

export function isPayrollKey(key: string): boolean {
  if (PAYROLL_TYPES.has(typenameOfKey(key))) return true;
  if (PAYROLL_ROOT_FIELDS.test(key)) return true;
  return false;
}

/** Drops payroll entries from a delta before it is written to storage. */
export function withoutPayroll(delta: SerializedEntries): SerializedEntries {
  const out: SerializedEntries = {};
  for (const [k, v] of Object.entries(delta)) {
    if (isPayrollKey(k)) continue;
    // a link value names entity keys (":[...]"); a link to payroll entities is dropped too
    if (typeof v === 'string' && v.startsWith(':') && /"(Employee|PayRun|Payslip|CompensationPlan)[:.]/.test(v)) continue;
    out[k] = v;
  }
  return out;
}

export function payrollSafeStorage<S extends StorageAdapter>(storage: S): S {
  return new Proxy(storage, {
    get(target, prop, receiver) {
      if (prop === 'writeData') {
        return (delta: SerializedEntries) => target.writeData(withoutPayroll(delta));
      }
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

/** Object types of ../schema.graphql without an `id` (payloads, connections, values): graphcache
 * embeds them in their parent instead of normalizing them. */
const EMBEDDED = [
  'AuditEventConnection', 'AuditEventEdge', 'BulkCustomersPayload', 'CommissionPayment', 'CommissionTier',
  'CompensationPlanPayload', 'ContactPayload', 'ContributionRate', 'ConvertLeadPayload',
  'CustomerConnection', 'CustomerEdge', 'CustomerPayload', 'EmployeeConnection', 'EmployeeEdge',
  'EmployeePayload', 'FieldChange', 'FieldPermission', 'InteractionPayload', 'LeadConnection', 'LeadEdge',
  'LeadPayload', 'LineQuantity', 'LoginPayload', 'LogoutPayload', 'LowStockItem', 'Me', 'Money',
  'OpportunityConnection', 'OpportunityEdge', 'OpportunityPayload', 'OrderConnection', 'OrderEdge',
  'OrderPayload', 'PageInfo', 'PayAdjustmentPayload', 'PayRunConnection', 'PayRunEdge', 'PayRunPayload',
  'PaymentPayload', 'PayrollSettings', 'PayrollSettingsPayload', 'PayslipConnection', 'PayslipEdge',
  'PayslipLine', 'ProductConnection', 'ProductEdge', 'ProductLinePayload', 'ProductPayload',
  'RepPerformance', 'ReturnRequestPayload', 'SalesSummaryRow', 'ShipmentPayload', 'StageAmount',
  'StockLevelConnection', 'StockLevelEdge', 'StockLevelPayload', 'StockMovementConnection',
  'StockMovementEdge', 'TagPayload', 'TaskConnection', 'TaskEdge', 'TaskPayload', 'TaxBracket',
  'TeamPerformance', 'TimelineEntry', 'TimelineEntryConnection', 'TimelineEntryEdge', 'TrackingEvent',
  'TransferStockPayload', 'TypePermission', 'UserConnection', 'UserEdge', 'UserError', 'WarehousePayload',
];
export const cacheKeys: Record<string, () => null> = Object.fromEntries(EMBEDDED.map((t) => [t, () => null]));

/** The global id the server gives a row whose UUID the client chose (base64 of `Type:uuid`). */
export function globalId(type: string, uuid: string): string {
  return btoa(`${type}:${uuid}`);
}

interface LogInteractionArgs {
  input: { id?: string | null; kind: string; summary: string; occurredAt?: string | null; nextFollowUpAt?: string | null; outcome?: string | null };
}

/**
 * Field sales log follow-ups with a flaky network: a logged interaction carries a client-chosen
 * UUID (so a retry cannot create it twice) and has an optimistic result, which is what lets the
 * offline exchange keep it in its queue and send it when the device is back online.
 */
export const optimistic: OptimisticMutationConfig = {
  logInteraction: (args) => {
    const { input } = args as unknown as LogInteractionArgs;
    const now = new Date().toISOString();
    return {
      __typename: 'InteractionPayload',
      errors: [],
      interaction: input.id
        ? {
            __typename: 'Interaction',
            id: globalId('Interaction', input.id),
            kind: input.kind,
            summary: input.summary,
            occurredAt: input.occurredAt ?? now,
          }
        : null,
    };
  },
};
