import { graphql } from '../../gql-approvals';

export const ApprovalRequestsQuery = graphql(`
  query ApprovalRequests($filter: ApprovalRequestFilter, $first: Int!) {
    approvalRequests(filter: $filter, first: $first) {
      totalCount
      edges { node {
        id ruleName kind operation subjectType subjectId subjectLabel reason status currentStep stepCount createdAt decidedAt
        requester { id name }
        order { id number }
        decisions { id step decision comment createdAt approver { id name } }
        waitingFor { id user { id name } }
      } }
    }
  }
`);

export const ApproveMutation = graphql(`
  mutation Approve($input: ApprovalDecisionInput!) {
    approve(input: $input) { request { id status currentStep } errors { field code message params } }
  }
`);

export const RejectMutation = graphql(`
  mutation Reject($input: ApprovalDecisionInput!) {
    reject(input: $input) { request { id status } errors { field code message params } }
  }
`);

export const CancelApprovalRequestMutation = graphql(`
  mutation CancelApprovalRequest($input: IdInput!) {
    cancelApprovalRequest(input: $input) { request { id status } errors { field code message params } }
  }
`);

export const ApprovalRulesQuery = graphql(`
  query ApprovalRules {
    approvalRules(first: 100) {
      edges { node {
        id name kind enabled version
        threshold { amount currency }
        discountLimits { role limit }
        steps { by mode role level userIds }
      } }
    }
    users(first: 100) { edges { node { id name role } } }
  }
`);

export const CreateApprovalRuleMutation = graphql(`
  mutation CreateApprovalRule($input: CreateApprovalRuleInput!) {
    createApprovalRule(input: $input) { rule { id } errors { field code message params } }
  }
`);

export const UpdateApprovalRuleMutation = graphql(`
  mutation UpdateApprovalRule($input: UpdateApprovalRuleInput!) {
    updateApprovalRule(input: $input) { rule { id enabled version } errors { field code message params } }
  }
`);

export const DeleteApprovalRuleMutation = graphql(`
  mutation DeleteApprovalRule($input: IdInput!) {
    deleteApprovalRule(input: $input) { rule { id } errors { field code message params } }
  }
`);
