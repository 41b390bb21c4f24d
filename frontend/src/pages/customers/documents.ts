import { graphql } from '../../gql';

export const CustomerRowFields = graphql(`
  fragment CustomerRow on Customer {
    id name industry region phone email source lifecycleStage level inPool lastFollowUpAt nextFollowUpAt createdAt
    owner { id name email }
    tags { id name color }
  }
`);

export const CustomersQuery = graphql(`
  query Customers($filter: CustomerFilter, $orderBy: [CustomerSort!], $first: Int, $after: String) {
    customers(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { ...CustomerRow } }
    }
  }
`);

/** The public pool (公海) is its own list: pool rows are owned by nobody. */
export const PublicPoolQuery = graphql(`
  query PublicPool($filter: CustomerFilter, $orderBy: [CustomerSort!], $first: Int, $after: String) {
    publicPool(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { ...CustomerRow } }
    }
  }
`);

/** Where a page starts (keyset pagination): the end cursor of the rows before it, nothing else. */
export const CustomersCursorQuery = graphql(`
  query CustomersCursor($filter: CustomerFilter, $orderBy: [CustomerSort!], $first: Int, $after: String) {
    customers(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } }
  }
`);
export const PublicPoolCursorQuery = graphql(`
  query PublicPoolCursor($filter: CustomerFilter, $orderBy: [CustomerSort!], $first: Int, $after: String) {
    publicPool(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } }
  }
`);

/** Every customer matching the filter, ids and names only: "select all matching" runs on them. */
export const CustomerLookupsQuery = graphql(`
  query CustomerLookups {
    tags { id name color }
    users(first: 100) { edges { node { id name email role isActive team { id } } } }
  }
`);

/** Who may own customers: the sales roles (the server refuses a transfer to anyone else). */
export const TransferTargetsQuery = graphql(`
  query TransferTargets($roles: [String!]!) {
    users(filter: { role: { in: $roles } }, orderBy: [{ field: NAME, direction: ASC }], first: 100) {
      edges { node { id name email role isActive team { id name } } }
    }
  }
`);

export const CreateCustomerMutation = graphql(`
  mutation CreateCustomer($input: CreateCustomerInput!) {
    createCustomer(input: $input) {
      customer { id name }
      duplicates { id name phone email owner { id name } }
      errors { field code message params }
    }
  }
`);

export const AddTagsMutation = graphql(`
  mutation AddTags($input: TagCustomersInput!) {
    addTags(input: $input) { results { id ok customer { id name } errors { field code message params } } errors { field code message params } }
  }
`);
export const RemoveTagsMutation = graphql(`
  mutation RemoveTags($input: TagCustomersInput!) {
    removeTags(input: $input) { results { id ok customer { id name } errors { field code message params } } errors { field code message params } }
  }
`);
export const TransferCustomersMutation = graphql(`
  mutation TransferCustomers($input: TransferCustomersInput!) {
    transferCustomers(input: $input) { results { id ok customer { id name } errors { field code message params } } errors { field code message params } }
  }
`);
export const ReleaseToPoolMutation = graphql(`
  mutation ReleaseToPool($input: ReleaseToPoolInput!) {
    releaseToPool(input: $input) { results { id ok customer { id name } errors { field code message params } } errors { field code message params } }
  }
`);
export const ClaimFromPoolMutation = graphql(`
  mutation ClaimFromPool($input: ClaimFromPoolInput!) {
    claimFromPool(input: $input) { results { id ok customer { id name } errors { field code message params } } errors { field code message params } }
  }
`);
export const MergeCustomersMutation = graphql(`
  mutation MergeCustomers($input: MergeCustomersInput!) {
    mergeCustomers(input: $input) { customer { id name } errors { field code message params } }
  }
`);

export const CustomerDetailQuery = graphql(`
  query CustomerDetail($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Customer {
        name kind industry region address phone email source lifecycleStage level inPool lastFollowUpAt nextFollowUpAt createdAt version
        owner { id name email }
        team { id name }
        tags { id name color }
        contacts { id name title phone email imHandle isPrimary }
        timeline(first: 50) {
          edges {
            cursor
            node {
              at kind
              interaction { id kind direction summary outcome occurredAt nextFollowUpAt owner { id name } opportunity { id title } }
              stageChange { id createdAt note fromStage { id name nameEn } toStage { id name nameEn isWon isLost } changedBy { id name } opportunity { id title } }
              auditEvent { id action objectType objectId requestId createdAt note actor { id name } changes { field old new } }
            }
          }
        }
        opportunities { id title amount { amount currency } stage { id name nameEn isWon isLost } expectedCloseDate isOpen }
        tasks { id title dueAt status priority version opportunity { id } }
      }
    }
  }
`);

export const LogInteractionMutation = graphql(`
  mutation LogInteraction($input: LogInteractionInput!) {
    logInteraction(input: $input) {
      interaction { id kind summary occurredAt }
      errors { field code message params }
    }
  }
`);

export const UpdateCustomerMutation = graphql(`
  mutation UpdateCustomer($input: UpdateCustomerInput!) {
    updateCustomer(input: $input) {
      customer { id version name industry region phone email lifecycleStage level }
      errors { field code message params }
    }
  }
`);

/** Asked separately, and only of users who may see orders. */
export const CustomerOrdersQuery = graphql(`
  query CustomerOrders($id: ID!) {
    orders(filter: { customer: { eq: $id } }, first: 50) {
      edges { node { id number status createdAt total { amount currency } } }
    }
  }
`);
