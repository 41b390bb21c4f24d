import { graphql } from '../../gql-lifecycle';

export const LifecycleSettingsQuery = graphql(`
  query LifecycleSettings {
    lifecycleSettings {
      enabled loyalOrders loyalWithinDays atRiskDays churnedDays gradeA gradeB gradeC rulesCustomised version
      rescoring { total done startedAt finishedAt }
    }
    leadScoringRules { id position kind field operator value points maxPoints }
  }
`);

export const UpdateLifecycleSettingsMutation = graphql(`
  mutation UpdateLifecycleSettings($input: UpdateLifecycleSettingsInput!) {
    updateLifecycleSettings(input: $input) {
      settings { enabled loyalOrders loyalWithinDays atRiskDays churnedDays gradeA gradeB gradeC version }
      errors { field code message params }
    }
  }
`);

export const SetLeadScoringRulesMutation = graphql(`
  mutation SetLeadScoringRules($input: SetLeadScoringRulesInput!) {
    setLeadScoringRules(input: $input) { rules { id } errors { field code message params } }
  }
`);
