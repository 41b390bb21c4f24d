import { graphql } from '../../gql';

export const OrdersQuery = graphql(`
  query Orders($filter: OrderFilter, $first: Int, $after: String) {
    orders(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id number status paymentStatus createdAt total { amount currency } customer { id name } owner { id name } } }
    }
  }
`);

export const OrderDetailQuery = graphql(`
  query OrderDetail($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Order {
        number status paymentStatus createdAt version
        total { amount currency }
        paidAmount { amount currency }
        customer { id name }
        owner { id name }
        lines { id quantity shippedQuantity unitPrice { amount currency } lineTotal { amount currency } product { id sku name } }
        events { id fromStatus toStatus at note actor { id name } }
        shipments { id status carrier trackingNumber shippedAt warehouse { id name } }
        payments { id amount { amount currency } method receivedAt reference }
        returns { id kind status reason }
      }
    }
  }
`);

export const ProductSearchQuery = graphql(`
  query ProductSearch($text: String) {
    products(text: $text, first: 20) { edges { node { id sku name available listPrice { amount currency } } } }
  }
`);

export const WarehousesQuery = graphql(`
  query Warehouses { warehouses { id name } }
`);


export const CreateOrderMutation = graphql(`
  mutation CreateOrder($input: CreateOrderInput!) {
    createOrder(input: $input) { order { id number } errors { field code message } }
  }
`);
export const ConfirmOrderMutation = graphql(`
  mutation ConfirmOrder($input: ConfirmOrderInput!) {
    confirmOrder(input: $input) {
      order { id status version }
      shortages { lineId productName requested available }
      errors { field code message }
    }
  }
`);
export const CancelOrderMutation = graphql(`
  mutation CancelOrder($input: ConfirmOrderInput!) {
    cancelOrder(input: $input) { order { id status } errors { field code message } }
  }
`);
export const CreateShipmentMutation = graphql(`
  mutation CreateShipment($input: CreateShipmentInput!) {
    createShipment(input: $input) { order { id status } errors { field code message } }
  }
`);
export const RecordPaymentMutation = graphql(`
  mutation RecordPayment($input: RecordPaymentInput!) {
    recordPayment(input: $input) { order { id paymentStatus } errors { field code message } }
  }
`);
export const CreateReturnMutation = graphql(`
  mutation CreateReturnRequest($input: CreateReturnRequestInput!) {
    createReturnRequest(input: $input) { order { id status } errors { field code message } }
  }
`);

export const StockLevelsQuery = graphql(`
  query StockLevels($first: Int, $after: String) {
    stockLevels(first: $first, after: $after) {
      totalCount
      edges { node { id onHand reserved available reorderPoint reorderQuantity product { id sku name } warehouse { id name } } }
    }
  }
`);
export const StockMovementsQuery = graphql(`
  query StockMovements($first: Int, $after: String) {
    stockMovements(first: $first, after: $after) {
      totalCount
      edges { node { id kind quantity reason createdAt product { id name } warehouse { id name } createdBy { id name } } }
    }
  }
`);
export const ReceiveStockMutation = graphql(`
  mutation ReceiveStock($input: ReceiveStockInput!) { receiveStock(input: $input) { level { id onHand available } errors { field code message } } }
`);
export const AdjustStockMutation = graphql(`
  mutation AdjustStock($input: AdjustStockInput!) { adjustStock(input: $input) { level { id onHand available } errors { field code message } } }
`);
export const TransferStockMutation = graphql(`
  mutation TransferStock($input: TransferStockInput!) { transferStock(input: $input) { level { id onHand available } errors { field code message } } }
`);
