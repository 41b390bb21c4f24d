import type { LifecycleStage } from '../../gql/graphql';

export const STAGES: readonly LifecycleStage[] = ['PROSPECT', 'LEAD', 'OPPORTUNITY', 'CUSTOMER', 'LOYAL', 'CHURNED'];
export const LEVELS = ['A', 'B', 'C', 'D'] as const;
