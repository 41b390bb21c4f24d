import { graphql } from '../../gql';

/**
 * The warehouse's queue. `withCustomer` asks for the customer only of those who may read
 * customers: the warehouse may not (it reads the ship-to name, phone and address instead), and
 * asking would cost it a FORBIDDEN error per row.
 */
export const ShipmentQueueQuery = graphql(`
  query ShipmentQueue($filter: ShipmentFilter, $orderBy: [ShipmentSort!], $first: Int, $after: String, $withCustomer: Boolean!) {
    shipments(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node {
        id status carrier trackingNumber shippedAt createdAt
        warehouse { id name }
        order { id number shipToName shipToPhone shipToAddress customer @include(if: $withCustomer) { id name } }
      } }
    }
  }
`);

export const ShipmentQueueCursorQuery = graphql(`
  query ShipmentQueueCursor($filter: ShipmentFilter, $orderBy: [ShipmentSort!], $first: Int, $after: String) {
    shipments(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } }
  }
`);

/** Confirmed orders with goods still to leave: what the warehouse picks next. */
export const PickQueueQuery = graphql(`
  query PickQueue($filter: OrderFilter, $orderBy: [OrderSort!], $first: Int, $after: String, $withCustomer: Boolean!) {
    orders(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node {
        id number status orderedOn confirmedAt shipToName shipToPhone shipToAddress
        customer @include(if: $withCustomer) { id name }
        warehouse { id name }
        lines { id quantity shippedQuantity }
        shipments { id status }
      } }
    }
  }
`);

export const PickQueueCursorQuery = graphql(`
  query PickQueueCursor($filter: OrderFilter, $orderBy: [OrderSort!], $first: Int, $after: String) {
    orders(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } }
  }
`);
