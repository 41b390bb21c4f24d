import { graphql } from '../../gql';

export const OrdersQuery = graphql(`
  query Orders($filter: OrderFilter, $orderBy: [OrderSort!], $first: Int, $after: String) {
    orders(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id number status paymentStatus orderedOn createdAt total { amount currency } customer { id name } owner { id name } shipments { id status } } }
    }
  }
`);

export const OrdersCursorQuery = graphql(`
  query OrdersCursor($filter: OrderFilter, $orderBy: [OrderSort!], $first: Int, $after: String) {
    orders(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } }
  }
`);

export const OrderDetailQuery = graphql(`
  query OrderDetail($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Order {
        number status paymentStatus currency orderedOn createdAt confirmedAt shippedAt deliveredAt completedAt cancelledAt cancelReason version
        shipToName shipToPhone shipToAddress
        total { amount currency } paid { amount currency } balanceDue { amount currency }
        customer { id name }
        owner { id name }
        warehouse { id name }
        lines {
          id position quantity reservedQuantity shippedQuantity returnedQuantity
          unitPrice { amount currency } total { amount currency }
          product { id sku name }
        }
        shipments { id status carrier trackingNumber shippedAt deliveredAt isReplacement warehouse { id name } lines { quantity orderLine { id } } trackingEvents { status occurredAt location note } }
        payments { id amount { amount currency } method receivedOn reference isRefund }
        returns { id kind status reason rejectReason createdAt refund { amount currency } lines { quantity orderLine { id product { id name } unitPrice { amount currency } } } }
        history(first: 50) { edges { node { id action createdAt note actor { id name } changes { field old new } } } }
      }
    }
  }
`);

export const ProductSearchQuery = graphql(`
  query ProductSearch($search: String) {
    products(filter: { search: $search, active: { eq: true } }, first: 20) {
      edges { node { id sku name trackStock listPrice { amount currency } stock { id available warehouse { id name } } } }
    }
  }
`);

export const WarehousesQuery = graphql(`
  query Warehouses { warehouses { id name code isDefault } }
`);

export const CreateOrderMutation = graphql(`
  mutation CreateOrder($input: CreateOrderInput!) {
    createOrder(input: $input) { order { id number } errors { field code message params } }
  }
`);
export const ConfirmOrderMutation = graphql(`
  mutation ConfirmOrder($input: ConfirmOrderInput!) {
    confirmOrder(input: $input) { order { id status version } errors { field code message params } }
  }
`);
export const CancelOrderMutation = graphql(`
  mutation CancelOrder($input: CancelOrderInput!) {
    cancelOrder(input: $input) { order { id status } errors { field code message params } }
  }
`);
export const CreateShipmentMutation = graphql(`
  mutation CreateShipment($input: CreateShipmentInput!) {
    createShipment(input: $input) { shipment { id status } errors { field code message params } }
  }
`);
export const RecordPaymentMutation = graphql(`
  mutation RecordPayment($input: RecordPaymentInput!) {
    recordPayment(input: $input) { payment { id } errors { field code message params } }
  }
`);
export const CreateReturnMutation = graphql(`
  mutation CreateReturnRequest($input: CreateReturnRequestInput!) {
    createReturnRequest(input: $input) { returnRequest { id status } errors { field code message params } }
  }
`);

export const StockLevelsQuery = graphql(`
  query StockLevels($filter: StockLevelFilter, $first: Int, $after: String) {
    stockLevels(filter: $filter, first: $first, after: $after) {
      totalCount
      edges { node { id onHand reserved available reorderPoint reorderQuantity product { id sku name } warehouse { id name } } }
    }
  }
`);
export const StockMovementsQuery = graphql(`
  query StockMovements($filter: StockMovementFilter, $first: Int, $after: String) {
    stockMovements(filter: $filter, first: $first, after: $after) {
      totalCount
      edges { node { id kind quantity onHandDelta reservedDelta reason referenceType createdAt product { id sku name } warehouse { id name } } }
    }
  }
`);
export const ReceiveStockMutation = graphql(`
  mutation ReceiveStock($input: ReceiveStockInput!) { receiveStock(input: $input) { level { id onHand available } errors { field code message params } } }
`);
export const AdjustStockMutation = graphql(`
  mutation AdjustStock($input: AdjustStockInput!) { adjustStock(input: $input) { level { id onHand available } errors { field code message params } } }
`);
export const TransferStockMutation = graphql(`
  mutation TransferStock($input: TransferStockInput!) {
    transferStock(input: $input) { source { id onHand available } target { id onHand available } errors { field code message params } }
  }
`);

export const ApproveReturnMutation = graphql(`
  mutation ApproveReturn($input: IdInput!) { approveReturn(input: $input) { returnRequest { id status } errors { field code message params } } }
`);
export const RejectReturnMutation = graphql(`
  mutation RejectReturn($input: RejectReturnInput!) { rejectReturn(input: $input) { returnRequest { id status } errors { field code message params } } }
`);
export const ReceiveReturnMutation = graphql(`
  mutation ReceiveReturn($input: IdInput!) { receiveReturn(input: $input) { returnRequest { id status } errors { field code message params } } }
`);
export const RefundReturnMutation = graphql(`
  mutation RefundReturn($input: RefundReturnInput!) { refundReturn(input: $input) { returnRequest { id status } errors { field code message params } } }
`);

export const UpdateShipmentStatusMutation = graphql(`
  mutation UpdateShipmentStatus($input: UpdateShipmentStatusInput!) {
    updateShipmentStatus(input: $input) { shipment { id status deliveredAt } errors { field code message params } }
  }
`);
