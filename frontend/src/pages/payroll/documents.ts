import { graphql } from '../../gql';

export const PayRunsQuery = graphql(`
  query PayRuns {
    payRuns(first: 24) {
      edges {
        node {
          id period status
          payslips {
            id period
            employee { id number user { id name } }
            base { amount currency } commission { amount currency } gross { amount currency } tax { amount currency }
            net { amount currency } employerCost { amount currency }
            lines { label explanation amount { amount currency } }
          }
        }
      }
    }
  }
`);

export const EmployeesQuery = graphql(`
  query Employees {
    employees(first: 100) { edges { node { id number title hireDate status baseSalary { amount currency } bankAccount user { id name email } } } }
  }
`);

export const CreatePayRunMutation = graphql(`
  mutation CreatePayRun($input: CreatePayRunInput!) { createPayRun(input: $input) { payRun { id period status } errors { field code message } } }
`);
export const CalculatePayRunMutation = graphql(`
  mutation CalculatePayRun($input: PayRunIdInput!) { calculatePayRun(input: $input) { payRun { id status } errors { field code message } } }
`);
export const ApprovePayRunMutation = graphql(`
  mutation ApprovePayRun($input: PayRunIdInput!) { approvePayRun(input: $input) { payRun { id status } errors { field code message } } }
`);

export const MyPayslipsQuery = graphql(`
  query MyPayslips {
    myPayslips(first: 24) {
      id period
      gross { amount currency } tax { amount currency } net { amount currency }
      lines { label explanation amount { amount currency } }
    }
  }
`);
