import { graphql } from '../../gql';

export const CustomersQuery = graphql(`
  query Customers($filter: CustomerFilter, $orderBy: [CustomerOrderBy!], $first: Int, $after: String) {
    customers(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node {
          id name industry region phone email source stage level inPool lastFollowUpAt nextFollowUpAt createdAt
          owner { id name email }
          tags { id name color }
        }
      }
    }
  }
`);

export const CustomerLookupsQuery = graphql(`
  query CustomerLookups {
    tags(first: 100) { id name color }
    users(first: 100) { id name email role }
  }
`);

export const CreateCustomerMutation = graphql(`
  mutation CreateCustomer($input: CreateCustomerInput!) {
    createCustomer(input: $input) {
      customer { id name }
      errors { field code message }
    }
  }
`);

export const AddTagsMutation = graphql(`
  mutation AddTags($input: TagsInput!) {
    addTags(input: $input) { results { id ok errors { field code message } } errors { field code message } }
  }
`);
export const RemoveTagsMutation = graphql(`
  mutation RemoveTags($input: TagsInput!) {
    removeTags(input: $input) { results { id ok errors { field code message } } errors { field code message } }
  }
`);
export const TransferCustomersMutation = graphql(`
  mutation TransferCustomers($input: TransferCustomersInput!) {
    transferCustomers(input: $input) { results { id ok errors { field code message } } errors { field code message } }
  }
`);
export const ReleaseToPoolMutation = graphql(`
  mutation ReleaseToPool($input: PoolInput!) {
    releaseToPool(input: $input) { results { id ok errors { field code message } } errors { field code message } }
  }
`);
export const ClaimFromPoolMutation = graphql(`
  mutation ClaimFromPool($input: PoolInput!) {
    claimFromPool(input: $input) { results { id ok errors { field code message } } errors { field code message } }
  }
`);
export const MergeCustomersMutation = graphql(`
  mutation MergeCustomers($input: MergeCustomersInput!) {
    mergeCustomers(input: $input) { customer { id name } errors { field code message } }
  }
`);

export const CustomerDetailQuery = graphql(`
  query CustomerDetail($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Customer {
        name kind industry region address phone email source stage level inPool lastFollowUpAt nextFollowUpAt createdAt version
        owner { id name email }
        team { id name }
        tags { id name color }
        contacts { id name title phone email im isPrimary }
        timeline(first: 50) { edges { node { id kind at title detail actor { id name } } } }
        opportunities(first: 50) { edges { node { id title amount { amount currency } stage { id name } expectedCloseDate } } }
        tasks(first: 50) { edges { node { id title dueAt status priority } } }
        orders(first: 50) { edges { node { id number status createdAt total { amount currency } } } }
      }
    }
  }
`);

export const LogInteractionMutation = graphql(`
  mutation LogInteraction($input: LogInteractionInput!) {
    logInteraction(input: $input) {
      interaction { id kind summary occurredAt }
      errors { field code message }
    }
  }
`);

export const UpdateCustomerMutation = graphql(`
  mutation UpdateCustomer($input: UpdateCustomerInput!) {
    updateCustomer(input: $input) {
      customer { id version name industry region phone email stage level }
      errors { field code message }
    }
  }
`);
