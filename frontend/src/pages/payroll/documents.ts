import { graphql } from '../../gql';

export const PayslipFieldsFragment = graphql(`
  fragment PayslipFields on Payslip {
    id period employeeName employeeNumber status
    base { amount currency } commission { amount currency } bonus { amount currency } gross { amount currency }
    employeeContributions { amount currency } tax { amount currency } net { amount currency } employerCost { amount currency }
    lines { code label explanation amount { amount currency } }
  }
`);

export const PayRunsQuery = graphql(`
  query PayRuns {
    payRuns(first: 24) {
      edges {
        node {
          id period year month status currency payslipCount calculatedAt approvedAt paidAt version
          gross { amount currency } net { amount currency } tax { amount currency } employerCost { amount currency }
        }
      }
    }
  }
`);

export const PayRunPayslipsQuery = graphql(`
  query PayRunPayslips($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on PayRun {
        payslips(first: 100) { edges { node { ...PayslipFields } } }
      }
    }
  }
`);

export const EmployeesQuery = graphql(`
  query Employees {
    employees(first: 100) {
      edges {
        node {
          id employeeNumber department title hireDate status annualLeaveBalance
          baseSalary { amount currency } bankAccount
          user { id name email }
          compensationPlan { id name }
        }
      }
    }
  }
`);

export const CompensationPlansQuery = graphql(`
  query CompensationPlans {
    compensationPlans { id name description currency newCustomerBonus { amount currency } commissionTiers { rate threshold { amount currency } } }
  }
`);

export const CreatePayRunMutation = graphql(`
  mutation CreatePayRun($input: CreatePayRunInput!) { createPayRun(input: $input) { payRun { id period status } errors { field code message params } } }
`);
export const CalculatePayRunMutation = graphql(`
  mutation CalculatePayRun($input: PayRunInput!) { calculatePayRun(input: $input) { payRun { id status payslipCount calculatedAt version } errors { field code message params } } }
`);
export const ApprovePayRunMutation = graphql(`
  mutation ApprovePayRun($input: PayRunInput!) { approvePayRun(input: $input) { payRun { id status approvedAt version } errors { field code message params } } }
`);

export const MarkPayRunPaidMutation = graphql(`
  mutation MarkPayRunPaid($input: PayRunInput!) { markPayRunPaid(input: $input) { payRun { id status paidAt version } errors { field code message params } } }
`);

export const MyPayslipsQuery = graphql(`
  query MyPayslips {
    myPayslips(first: 24) { edges { node { ...PayslipFields } } }
  }
`);
