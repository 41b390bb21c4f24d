/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation RefreshToken($input: RefreshTokenInput!) {\n    refreshToken(input: $input) {\n      accessToken\n      refreshToken\n      expiresIn\n      errors { field code message params }\n    }\n  }\n": typeof types.RefreshTokenDocument,
    "\n  query Me {\n    me {\n      user { id email name role team { id name } }\n      permissions { type rowScope writeScope actions fields { field access } }\n    }\n  }\n": typeof types.MeDocument,
    "\n  query TokenCheck { __typename }\n": typeof types.TokenCheckDocument,
    "query UnreadNotificationCount { unreadNotificationCount }": typeof types.UnreadNotificationCountDocument,
    "\n  fragment CustomerRow on Customer {\n    id name industry region phone email source lifecycleStage level inPool lastFollowUpAt nextFollowUpAt createdAt\n    owner { id name email }\n    tags { id name color }\n  }\n": typeof types.CustomerRowFragmentDoc,
    "\n  query Customers($filter: CustomerFilter, $orderBy: [CustomerSort!], $first: Int, $after: String) {\n    customers(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { ...CustomerRow } }\n    }\n  }\n": typeof types.CustomersDocument,
    "\n  query PublicPool($filter: CustomerFilter, $orderBy: [CustomerSort!], $first: Int, $after: String) {\n    publicPool(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { ...CustomerRow } }\n    }\n  }\n": typeof types.PublicPoolDocument,
    "\n  query CustomersCursor($filter: CustomerFilter, $orderBy: [CustomerSort!], $first: Int, $after: String) {\n    customers(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } }\n  }\n": typeof types.CustomersCursorDocument,
    "\n  query PublicPoolCursor($filter: CustomerFilter, $orderBy: [CustomerSort!], $first: Int, $after: String) {\n    publicPool(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } }\n  }\n": typeof types.PublicPoolCursorDocument,
    "\n  query CustomerLookups {\n    tags { id name color }\n    users(first: 100) { edges { node { id name email role isActive team { id } } } }\n  }\n": typeof types.CustomerLookupsDocument,
    "\n  query TransferTargets($roles: [String!]!) {\n    users(filter: { role: { in: $roles } }, orderBy: [{ field: NAME, direction: ASC }], first: 100) {\n      edges { node { id name email role isActive team { id name } } }\n    }\n  }\n": typeof types.TransferTargetsDocument,
    "\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      customer { id name }\n      duplicates { id name phone email owner { id name } }\n      errors { field code message params }\n    }\n  }\n": typeof types.CreateCustomerDocument,
    "\n  mutation AddTags($input: TagCustomersInput!) {\n    addTags(input: $input) { results { id ok customer { id name } errors { field code message params } } errors { field code message params } }\n  }\n": typeof types.AddTagsDocument,
    "\n  mutation RemoveTags($input: TagCustomersInput!) {\n    removeTags(input: $input) { results { id ok customer { id name } errors { field code message params } } errors { field code message params } }\n  }\n": typeof types.RemoveTagsDocument,
    "\n  mutation TransferCustomers($input: TransferCustomersInput!) {\n    transferCustomers(input: $input) { results { id ok customer { id name } errors { field code message params } } errors { field code message params } }\n  }\n": typeof types.TransferCustomersDocument,
    "\n  mutation ReleaseToPool($input: ReleaseToPoolInput!) {\n    releaseToPool(input: $input) { results { id ok customer { id name } errors { field code message params } } errors { field code message params } }\n  }\n": typeof types.ReleaseToPoolDocument,
    "\n  mutation ClaimFromPool($input: ClaimFromPoolInput!) {\n    claimFromPool(input: $input) { results { id ok customer { id name } errors { field code message params } } errors { field code message params } }\n  }\n": typeof types.ClaimFromPoolDocument,
    "\n  mutation MergeCustomers($input: MergeCustomersInput!) {\n    mergeCustomers(input: $input) { customer { id name } errors { field code message params } }\n  }\n": typeof types.MergeCustomersDocument,
    "\n  query CustomerDetail($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Customer {\n        name kind industry region address phone email source lifecycleStage level inPool lastFollowUpAt nextFollowUpAt createdAt version\n        owner { id name email }\n        team { id name }\n        tags { id name color }\n        contacts { id name title phone email imHandle isPrimary }\n        timeline(first: 50) {\n          edges {\n            cursor\n            node {\n              at kind\n              interaction { id kind direction summary outcome occurredAt nextFollowUpAt owner { id name } opportunity { id title } }\n              stageChange { id createdAt note fromStage { id name nameEn } toStage { id name nameEn isWon isLost } changedBy { id name } opportunity { id title } }\n              auditEvent { id action objectType objectId requestId createdAt note actor { id name } changes { field old new } }\n            }\n          }\n        }\n        opportunities { id title amount { amount currency } stage { id name nameEn isWon isLost } expectedCloseDate isOpen }\n        tasks { id title dueAt status priority version opportunity { id } }\n      }\n    }\n  }\n": typeof types.CustomerDetailDocument,
    "\n  mutation LogInteraction($input: LogInteractionInput!) {\n    logInteraction(input: $input) {\n      interaction { id kind summary occurredAt }\n      errors { field code message params }\n    }\n  }\n": typeof types.LogInteractionDocument,
    "\n  mutation UpdateCustomer($input: UpdateCustomerInput!) {\n    updateCustomer(input: $input) {\n      customer { id version name industry region phone email lifecycleStage level }\n      errors { field code message params }\n    }\n  }\n": typeof types.UpdateCustomerDocument,
    "\n  query CustomerOrders($id: ID!) {\n    orders(filter: { customer: { eq: $id } }, first: 50) {\n      edges { node { id number status createdAt total { amount currency } } }\n    }\n  }\n": typeof types.CustomerOrdersDocument,
    "\n  subscription CustomerTimelineLive($customerId: ID!) {\n    customerTimeline(customerId: $customerId) { at kind }\n  }\n": typeof types.CustomerTimelineLiveDocument,
    "\n  query DashboardFunnel {\n    pipelineSummary { stage { id name nameEn position isWon isLost } count amounts { amount currency } }\n  }\n": typeof types.DashboardFunnelDocument,
    "\n  query DashboardSales($period: PeriodInput!) {\n    salesSummary(period: $period, groupBy: MONTH) { periodStart booked { amount currency } collected { amount currency } }\n  }\n": typeof types.DashboardSalesDocument,
    "\n  query DashboardLowStock {\n    lowStock { suggestedQuantity level { id product { id name } warehouse { id name } available reorderPoint } }\n  }\n": typeof types.DashboardLowStockDocument,
    "\n  query DashboardTopReps {\n    opportunities(first: 100) { edges { node { id amount { amount currency } stage { id } owner { id name } } } }\n    pipelineStages { id isWon }\n  }\n": typeof types.DashboardTopRepsDocument,
    "\n  query DashboardTeamPerformance($period: PeriodInput!) {\n    teamPerformance(period: $period) {\n      reps {\n        user { id name }\n        revenueBooked { amount currency }\n        revenueCollected { amount currency }\n        opportunitiesWon\n        winRate\n      }\n    }\n  }\n": typeof types.DashboardTeamPerformanceDocument,
    "\n  query Orders($filter: OrderFilter, $orderBy: [OrderSort!], $first: Int, $after: String) {\n    orders(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id number status paymentStatus orderedOn createdAt total { amount currency } customer { id name } owner { id name } shipments { id status } } }\n    }\n  }\n": typeof types.OrdersDocument,
    "\n  query OrdersCursor($filter: OrderFilter, $orderBy: [OrderSort!], $first: Int, $after: String) {\n    orders(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } }\n  }\n": typeof types.OrdersCursorDocument,
    "\n  query OrderDetail($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Order {\n        number status paymentStatus currency orderedOn createdAt confirmedAt shippedAt deliveredAt completedAt cancelledAt cancelReason version\n        shipToName shipToPhone shipToAddress\n        total { amount currency } paid { amount currency } balanceDue { amount currency }\n        customer { id name }\n        owner { id name }\n        warehouse { id name }\n        lines {\n          id position quantity reservedQuantity shippedQuantity returnedQuantity\n          unitPrice { amount currency } total { amount currency }\n          product { id sku name }\n        }\n        shipments { id status carrier trackingNumber shippedAt deliveredAt isReplacement warehouse { id name } lines { quantity orderLine { id } } trackingEvents { status occurredAt location note } }\n        payments { id amount { amount currency } method receivedOn reference isRefund }\n        returns { id kind status reason rejectReason createdAt refund { amount currency } lines { quantity orderLine { id product { id name } unitPrice { amount currency } } } }\n        history(first: 50) { edges { node { id action createdAt note actor { id name } changes { field old new } } } }\n      }\n    }\n  }\n": typeof types.OrderDetailDocument,
    "\n  query ProductSearch($search: String) {\n    products(filter: { search: $search, active: { eq: true } }, first: 20) {\n      edges { node { id sku name trackStock listPrice { amount currency } stock { id available warehouse { id name } } } }\n    }\n  }\n": typeof types.ProductSearchDocument,
    "\n  query Warehouses { warehouses { id name code isDefault } }\n": typeof types.WarehousesDocument,
    "\n  mutation CreateOrder($input: CreateOrderInput!) {\n    createOrder(input: $input) { order { id number } errors { field code message params } }\n  }\n": typeof types.CreateOrderDocument,
    "\n  mutation ConfirmOrder($input: ConfirmOrderInput!) {\n    confirmOrder(input: $input) { order { id status version } errors { field code message params } }\n  }\n": typeof types.ConfirmOrderDocument,
    "\n  mutation CancelOrder($input: CancelOrderInput!) {\n    cancelOrder(input: $input) { order { id status } errors { field code message params } }\n  }\n": typeof types.CancelOrderDocument,
    "\n  mutation CreateShipment($input: CreateShipmentInput!) {\n    createShipment(input: $input) { shipment { id status } errors { field code message params } }\n  }\n": typeof types.CreateShipmentDocument,
    "\n  mutation RecordPayment($input: RecordPaymentInput!) {\n    recordPayment(input: $input) { payment { id } errors { field code message params } }\n  }\n": typeof types.RecordPaymentDocument,
    "\n  mutation CreateReturnRequest($input: CreateReturnRequestInput!) {\n    createReturnRequest(input: $input) { returnRequest { id status } errors { field code message params } }\n  }\n": typeof types.CreateReturnRequestDocument,
    "\n  query StockLevels($filter: StockLevelFilter, $first: Int, $after: String) {\n    stockLevels(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges { node { id onHand reserved available reorderPoint reorderQuantity product { id sku name } warehouse { id name } } }\n    }\n  }\n": typeof types.StockLevelsDocument,
    "\n  query StockMovements($filter: StockMovementFilter, $first: Int, $after: String) {\n    stockMovements(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges { node { id kind quantity onHandDelta reservedDelta reason referenceType createdAt product { id sku name } warehouse { id name } } }\n    }\n  }\n": typeof types.StockMovementsDocument,
    "\n  mutation ReceiveStock($input: ReceiveStockInput!) { receiveStock(input: $input) { level { id onHand available } errors { field code message params } } }\n": typeof types.ReceiveStockDocument,
    "\n  mutation AdjustStock($input: AdjustStockInput!) { adjustStock(input: $input) { level { id onHand available } errors { field code message params } } }\n": typeof types.AdjustStockDocument,
    "\n  mutation TransferStock($input: TransferStockInput!) {\n    transferStock(input: $input) { source { id onHand available } target { id onHand available } errors { field code message params } }\n  }\n": typeof types.TransferStockDocument,
    "\n  mutation ApproveReturn($input: IdInput!) { approveReturn(input: $input) { returnRequest { id status } errors { field code message params } } }\n": typeof types.ApproveReturnDocument,
    "\n  mutation RejectReturn($input: RejectReturnInput!) { rejectReturn(input: $input) { returnRequest { id status } errors { field code message params } } }\n": typeof types.RejectReturnDocument,
    "\n  mutation ReceiveReturn($input: IdInput!) { receiveReturn(input: $input) { returnRequest { id status } errors { field code message params } } }\n": typeof types.ReceiveReturnDocument,
    "\n  mutation RefundReturn($input: RefundReturnInput!) { refundReturn(input: $input) { returnRequest { id status } errors { field code message params } } }\n": typeof types.RefundReturnDocument,
    "\n  mutation UpdateShipmentStatus($input: UpdateShipmentStatusInput!) {\n    updateShipmentStatus(input: $input) { shipment { id status deliveredAt } errors { field code message params } }\n  }\n": typeof types.UpdateShipmentStatusDocument,
    "\n  fragment PayslipFields on Payslip {\n    id period employeeName employeeNumber status\n    base { amount currency } commission { amount currency } bonus { amount currency } gross { amount currency }\n    employeeContributions { amount currency } tax { amount currency } net { amount currency } employerCost { amount currency }\n    lines { code label explanation amount { amount currency } }\n  }\n": typeof types.PayslipFieldsFragmentDoc,
    "\n  query PayRuns {\n    payRuns(first: 24) {\n      edges {\n        node {\n          id period year month status currency payslipCount calculatedAt approvedAt paidAt version\n          gross { amount currency } net { amount currency } tax { amount currency } employerCost { amount currency }\n        }\n      }\n    }\n  }\n": typeof types.PayRunsDocument,
    "\n  query PayRunPayslips($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on PayRun {\n        payslips(first: 100) { edges { node { ...PayslipFields } } }\n      }\n    }\n  }\n": typeof types.PayRunPayslipsDocument,
    "\n  query Employees {\n    employees(first: 100) {\n      edges {\n        node {\n          id employeeNumber department title hireDate status annualLeaveBalance\n          baseSalary { amount currency } bankAccount\n          user { id name email }\n          compensationPlan { id name }\n        }\n      }\n    }\n  }\n": typeof types.EmployeesDocument,
    "\n  query CompensationPlans {\n    compensationPlans { id name description currency newCustomerBonus { amount currency } commissionTiers { rate threshold { amount currency } } }\n  }\n": typeof types.CompensationPlansDocument,
    "\n  mutation CreatePayRun($input: CreatePayRunInput!) { createPayRun(input: $input) { payRun { id period status } errors { field code message params } } }\n": typeof types.CreatePayRunDocument,
    "\n  mutation CalculatePayRun($input: PayRunInput!) { calculatePayRun(input: $input) { payRun { id status payslipCount calculatedAt version } errors { field code message params } } }\n": typeof types.CalculatePayRunDocument,
    "\n  mutation ApprovePayRun($input: PayRunInput!) { approvePayRun(input: $input) { payRun { id status approvedAt version } errors { field code message params } } }\n": typeof types.ApprovePayRunDocument,
    "\n  mutation MarkPayRunPaid($input: PayRunInput!) { markPayRunPaid(input: $input) { payRun { id status paidAt version } errors { field code message params } } }\n": typeof types.MarkPayRunPaidDocument,
    "\n  query MyPayslips {\n    myPayslips(first: 24) { edges { node { ...PayslipFields } } }\n  }\n": typeof types.MyPayslipsDocument,
    "\n  query Pipeline {\n    pipelineStages { id name nameEn position probability isWon isLost }\n    opportunities(first: 100) {\n      totalCount\n      edges { node { id title probability expectedCloseDate version amount { amount currency } stage { id } customer { id name } owner { id name } } }\n    }\n  }\n": typeof types.PipelineDocument,
    "\n  mutation MoveOpportunity($input: MoveOpportunityInput!) {\n    moveOpportunity(input: $input) {\n      opportunity { id version probability stage { id } lostReason wonReason }\n      errors { field code message params }\n    }\n  }\n": typeof types.MoveOpportunityDocument,
    "\n  query Leads($filter: LeadFilter, $orderBy: [LeadSort!], $first: Int, $after: String) {\n    leads(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name company phone email source status score grade createdAt owner { id name } } }\n    }\n  }\n": typeof types.LeadsDocument,
    "\n  query LeadsCursor($filter: LeadFilter, $orderBy: [LeadSort!], $first: Int, $after: String) {\n    leads(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } }\n  }\n": typeof types.LeadsCursorDocument,
    "\n  mutation ConvertLead($input: ConvertLeadInput!) {\n    convertLead(input: $input) {\n      lead { id status }\n      customer { id name }\n      opportunity { id title }\n      errors { field code message params }\n    }\n  }\n": typeof types.ConvertLeadDocument,
    "\n  query MyTasks($filter: TaskFilter, $first: Int, $after: String) {\n    myTasks(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id title description dueAt remindAt priority status isOverdue completedAt version customer { id name } opportunity { id title } } }\n    }\n  }\n": typeof types.MyTasksDocument,
    "\n  query MyTasksCursor($filter: TaskFilter, $first: Int, $after: String) {\n    myTasks(filter: $filter, first: $first, after: $after) { pageInfo { hasNextPage endCursor } }\n  }\n": typeof types.MyTasksCursorDocument,
    "\n  mutation UpdateTask($input: UpdateTaskInput!) {\n    updateTask(input: $input) { task { id status completedAt version } errors { field code message params } }\n  }\n": typeof types.UpdateTaskDocument,
    "\n  query PipelineSummary {\n    pipelineSummary { stage { id name nameEn position } count amounts { amount currency } }\n  }\n": typeof types.PipelineSummaryDocument,
    "\n  mutation CreateLead($input: CreateLeadInput!) {\n    createLead(input: $input) { lead { id name status } errors { field code message params } }\n  }\n": typeof types.CreateLeadDocument,
    "\n  mutation CreateTask($input: CreateTaskInput!) {\n    createTask(input: $input) { task { id title dueAt status priority version } errors { field code message params } }\n  }\n": typeof types.CreateTaskDocument,
    "\n  mutation CreateOpportunity($input: CreateOpportunityInput!) {\n    createOpportunity(input: $input) { opportunity { id title stage { id } } errors { field code message params } }\n  }\n": typeof types.CreateOpportunityDocument,
    "\n  query Stages { pipelineStages { id name nameEn position probability isWon isLost } }\n": typeof types.StagesDocument,
    "\n  query CustomerPick($search: String) {\n    customers(filter: { search: $search }, first: 20, orderBy: [{ field: NAME, direction: ASC }]) { edges { node { id name } } }\n  }\n": typeof types.CustomerPickDocument,
    "\n  query OpportunityDetail($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Opportunity {\n        title probability expectedCloseDate lostReason wonReason isOpen closedAt createdAt version\n        amount { amount currency }\n        stage { id name nameEn isWon isLost position }\n        owner { id name }\n        customer {\n          id name\n          tasks { id title dueAt status priority version opportunity { id } }\n          orders(first: 100) { edges { node { id number status total { amount currency } orderedOn opportunity { id } } } }\n          timeline(first: 100) {\n            edges { node { at kind interaction { id kind summary outcome occurredAt owner { id name } opportunity { id } } } }\n          }\n        }\n        stageHistory(first: 100) { edges { node { id createdAt note fromStage { id name nameEn } toStage { id name nameEn isWon isLost } changedBy { id name } } } }\n      }\n    }\n  }\n": typeof types.OpportunityDetailDocument,
    "\n  subscription PipelineChanged {\n    pipelineChanged { action opportunity { id version stage { id } } }\n  }\n": typeof types.PipelineChangedDocument,
    "\n  query ShipmentQueue($filter: ShipmentFilter, $orderBy: [ShipmentSort!], $first: Int, $after: String, $withCustomer: Boolean!) {\n    shipments(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node {\n        id status carrier trackingNumber shippedAt createdAt\n        warehouse { id name }\n        order { id number shipToName shipToPhone shipToAddress customer @include(if: $withCustomer) { id name } }\n      } }\n    }\n  }\n": typeof types.ShipmentQueueDocument,
    "\n  query ShipmentQueueCursor($filter: ShipmentFilter, $orderBy: [ShipmentSort!], $first: Int, $after: String) {\n    shipments(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } }\n  }\n": typeof types.ShipmentQueueCursorDocument,
    "\n  query PickQueue($filter: OrderFilter, $orderBy: [OrderSort!], $first: Int, $after: String, $withCustomer: Boolean!) {\n    orders(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node {\n        id number status orderedOn confirmedAt shipToName shipToPhone shipToAddress\n        customer @include(if: $withCustomer) { id name }\n        warehouse { id name }\n        lines { id quantity shippedQuantity }\n        shipments { id status }\n      } }\n    }\n  }\n": typeof types.PickQueueDocument,
    "\n  query PickQueueCursor($filter: OrderFilter, $orderBy: [OrderSort!], $first: Int, $after: String) {\n    orders(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } }\n  }\n": typeof types.PickQueueCursorDocument,
};
const documents: Documents = {
    "\n  mutation RefreshToken($input: RefreshTokenInput!) {\n    refreshToken(input: $input) {\n      accessToken\n      refreshToken\n      expiresIn\n      errors { field code message params }\n    }\n  }\n": types.RefreshTokenDocument,
    "\n  query Me {\n    me {\n      user { id email name role team { id name } }\n      permissions { type rowScope writeScope actions fields { field access } }\n    }\n  }\n": types.MeDocument,
    "\n  query TokenCheck { __typename }\n": types.TokenCheckDocument,
    "query UnreadNotificationCount { unreadNotificationCount }": types.UnreadNotificationCountDocument,
    "\n  fragment CustomerRow on Customer {\n    id name industry region phone email source lifecycleStage level inPool lastFollowUpAt nextFollowUpAt createdAt\n    owner { id name email }\n    tags { id name color }\n  }\n": types.CustomerRowFragmentDoc,
    "\n  query Customers($filter: CustomerFilter, $orderBy: [CustomerSort!], $first: Int, $after: String) {\n    customers(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { ...CustomerRow } }\n    }\n  }\n": types.CustomersDocument,
    "\n  query PublicPool($filter: CustomerFilter, $orderBy: [CustomerSort!], $first: Int, $after: String) {\n    publicPool(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { ...CustomerRow } }\n    }\n  }\n": types.PublicPoolDocument,
    "\n  query CustomersCursor($filter: CustomerFilter, $orderBy: [CustomerSort!], $first: Int, $after: String) {\n    customers(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } }\n  }\n": types.CustomersCursorDocument,
    "\n  query PublicPoolCursor($filter: CustomerFilter, $orderBy: [CustomerSort!], $first: Int, $after: String) {\n    publicPool(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } }\n  }\n": types.PublicPoolCursorDocument,
    "\n  query CustomerLookups {\n    tags { id name color }\n    users(first: 100) { edges { node { id name email role isActive team { id } } } }\n  }\n": types.CustomerLookupsDocument,
    "\n  query TransferTargets($roles: [String!]!) {\n    users(filter: { role: { in: $roles } }, orderBy: [{ field: NAME, direction: ASC }], first: 100) {\n      edges { node { id name email role isActive team { id name } } }\n    }\n  }\n": types.TransferTargetsDocument,
    "\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      customer { id name }\n      duplicates { id name phone email owner { id name } }\n      errors { field code message params }\n    }\n  }\n": types.CreateCustomerDocument,
    "\n  mutation AddTags($input: TagCustomersInput!) {\n    addTags(input: $input) { results { id ok customer { id name } errors { field code message params } } errors { field code message params } }\n  }\n": types.AddTagsDocument,
    "\n  mutation RemoveTags($input: TagCustomersInput!) {\n    removeTags(input: $input) { results { id ok customer { id name } errors { field code message params } } errors { field code message params } }\n  }\n": types.RemoveTagsDocument,
    "\n  mutation TransferCustomers($input: TransferCustomersInput!) {\n    transferCustomers(input: $input) { results { id ok customer { id name } errors { field code message params } } errors { field code message params } }\n  }\n": types.TransferCustomersDocument,
    "\n  mutation ReleaseToPool($input: ReleaseToPoolInput!) {\n    releaseToPool(input: $input) { results { id ok customer { id name } errors { field code message params } } errors { field code message params } }\n  }\n": types.ReleaseToPoolDocument,
    "\n  mutation ClaimFromPool($input: ClaimFromPoolInput!) {\n    claimFromPool(input: $input) { results { id ok customer { id name } errors { field code message params } } errors { field code message params } }\n  }\n": types.ClaimFromPoolDocument,
    "\n  mutation MergeCustomers($input: MergeCustomersInput!) {\n    mergeCustomers(input: $input) { customer { id name } errors { field code message params } }\n  }\n": types.MergeCustomersDocument,
    "\n  query CustomerDetail($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Customer {\n        name kind industry region address phone email source lifecycleStage level inPool lastFollowUpAt nextFollowUpAt createdAt version\n        owner { id name email }\n        team { id name }\n        tags { id name color }\n        contacts { id name title phone email imHandle isPrimary }\n        timeline(first: 50) {\n          edges {\n            cursor\n            node {\n              at kind\n              interaction { id kind direction summary outcome occurredAt nextFollowUpAt owner { id name } opportunity { id title } }\n              stageChange { id createdAt note fromStage { id name nameEn } toStage { id name nameEn isWon isLost } changedBy { id name } opportunity { id title } }\n              auditEvent { id action objectType objectId requestId createdAt note actor { id name } changes { field old new } }\n            }\n          }\n        }\n        opportunities { id title amount { amount currency } stage { id name nameEn isWon isLost } expectedCloseDate isOpen }\n        tasks { id title dueAt status priority version opportunity { id } }\n      }\n    }\n  }\n": types.CustomerDetailDocument,
    "\n  mutation LogInteraction($input: LogInteractionInput!) {\n    logInteraction(input: $input) {\n      interaction { id kind summary occurredAt }\n      errors { field code message params }\n    }\n  }\n": types.LogInteractionDocument,
    "\n  mutation UpdateCustomer($input: UpdateCustomerInput!) {\n    updateCustomer(input: $input) {\n      customer { id version name industry region phone email lifecycleStage level }\n      errors { field code message params }\n    }\n  }\n": types.UpdateCustomerDocument,
    "\n  query CustomerOrders($id: ID!) {\n    orders(filter: { customer: { eq: $id } }, first: 50) {\n      edges { node { id number status createdAt total { amount currency } } }\n    }\n  }\n": types.CustomerOrdersDocument,
    "\n  subscription CustomerTimelineLive($customerId: ID!) {\n    customerTimeline(customerId: $customerId) { at kind }\n  }\n": types.CustomerTimelineLiveDocument,
    "\n  query DashboardFunnel {\n    pipelineSummary { stage { id name nameEn position isWon isLost } count amounts { amount currency } }\n  }\n": types.DashboardFunnelDocument,
    "\n  query DashboardSales($period: PeriodInput!) {\n    salesSummary(period: $period, groupBy: MONTH) { periodStart booked { amount currency } collected { amount currency } }\n  }\n": types.DashboardSalesDocument,
    "\n  query DashboardLowStock {\n    lowStock { suggestedQuantity level { id product { id name } warehouse { id name } available reorderPoint } }\n  }\n": types.DashboardLowStockDocument,
    "\n  query DashboardTopReps {\n    opportunities(first: 100) { edges { node { id amount { amount currency } stage { id } owner { id name } } } }\n    pipelineStages { id isWon }\n  }\n": types.DashboardTopRepsDocument,
    "\n  query DashboardTeamPerformance($period: PeriodInput!) {\n    teamPerformance(period: $period) {\n      reps {\n        user { id name }\n        revenueBooked { amount currency }\n        revenueCollected { amount currency }\n        opportunitiesWon\n        winRate\n      }\n    }\n  }\n": types.DashboardTeamPerformanceDocument,
    "\n  query Orders($filter: OrderFilter, $orderBy: [OrderSort!], $first: Int, $after: String) {\n    orders(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id number status paymentStatus orderedOn createdAt total { amount currency } customer { id name } owner { id name } shipments { id status } } }\n    }\n  }\n": types.OrdersDocument,
    "\n  query OrdersCursor($filter: OrderFilter, $orderBy: [OrderSort!], $first: Int, $after: String) {\n    orders(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } }\n  }\n": types.OrdersCursorDocument,
    "\n  query OrderDetail($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Order {\n        number status paymentStatus currency orderedOn createdAt confirmedAt shippedAt deliveredAt completedAt cancelledAt cancelReason version\n        shipToName shipToPhone shipToAddress\n        total { amount currency } paid { amount currency } balanceDue { amount currency }\n        customer { id name }\n        owner { id name }\n        warehouse { id name }\n        lines {\n          id position quantity reservedQuantity shippedQuantity returnedQuantity\n          unitPrice { amount currency } total { amount currency }\n          product { id sku name }\n        }\n        shipments { id status carrier trackingNumber shippedAt deliveredAt isReplacement warehouse { id name } lines { quantity orderLine { id } } trackingEvents { status occurredAt location note } }\n        payments { id amount { amount currency } method receivedOn reference isRefund }\n        returns { id kind status reason rejectReason createdAt refund { amount currency } lines { quantity orderLine { id product { id name } unitPrice { amount currency } } } }\n        history(first: 50) { edges { node { id action createdAt note actor { id name } changes { field old new } } } }\n      }\n    }\n  }\n": types.OrderDetailDocument,
    "\n  query ProductSearch($search: String) {\n    products(filter: { search: $search, active: { eq: true } }, first: 20) {\n      edges { node { id sku name trackStock listPrice { amount currency } stock { id available warehouse { id name } } } }\n    }\n  }\n": types.ProductSearchDocument,
    "\n  query Warehouses { warehouses { id name code isDefault } }\n": types.WarehousesDocument,
    "\n  mutation CreateOrder($input: CreateOrderInput!) {\n    createOrder(input: $input) { order { id number } errors { field code message params } }\n  }\n": types.CreateOrderDocument,
    "\n  mutation ConfirmOrder($input: ConfirmOrderInput!) {\n    confirmOrder(input: $input) { order { id status version } errors { field code message params } }\n  }\n": types.ConfirmOrderDocument,
    "\n  mutation CancelOrder($input: CancelOrderInput!) {\n    cancelOrder(input: $input) { order { id status } errors { field code message params } }\n  }\n": types.CancelOrderDocument,
    "\n  mutation CreateShipment($input: CreateShipmentInput!) {\n    createShipment(input: $input) { shipment { id status } errors { field code message params } }\n  }\n": types.CreateShipmentDocument,
    "\n  mutation RecordPayment($input: RecordPaymentInput!) {\n    recordPayment(input: $input) { payment { id } errors { field code message params } }\n  }\n": types.RecordPaymentDocument,
    "\n  mutation CreateReturnRequest($input: CreateReturnRequestInput!) {\n    createReturnRequest(input: $input) { returnRequest { id status } errors { field code message params } }\n  }\n": types.CreateReturnRequestDocument,
    "\n  query StockLevels($filter: StockLevelFilter, $first: Int, $after: String) {\n    stockLevels(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges { node { id onHand reserved available reorderPoint reorderQuantity product { id sku name } warehouse { id name } } }\n    }\n  }\n": types.StockLevelsDocument,
    "\n  query StockMovements($filter: StockMovementFilter, $first: Int, $after: String) {\n    stockMovements(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges { node { id kind quantity onHandDelta reservedDelta reason referenceType createdAt product { id sku name } warehouse { id name } } }\n    }\n  }\n": types.StockMovementsDocument,
    "\n  mutation ReceiveStock($input: ReceiveStockInput!) { receiveStock(input: $input) { level { id onHand available } errors { field code message params } } }\n": types.ReceiveStockDocument,
    "\n  mutation AdjustStock($input: AdjustStockInput!) { adjustStock(input: $input) { level { id onHand available } errors { field code message params } } }\n": types.AdjustStockDocument,
    "\n  mutation TransferStock($input: TransferStockInput!) {\n    transferStock(input: $input) { source { id onHand available } target { id onHand available } errors { field code message params } }\n  }\n": types.TransferStockDocument,
    "\n  mutation ApproveReturn($input: IdInput!) { approveReturn(input: $input) { returnRequest { id status } errors { field code message params } } }\n": types.ApproveReturnDocument,
    "\n  mutation RejectReturn($input: RejectReturnInput!) { rejectReturn(input: $input) { returnRequest { id status } errors { field code message params } } }\n": types.RejectReturnDocument,
    "\n  mutation ReceiveReturn($input: IdInput!) { receiveReturn(input: $input) { returnRequest { id status } errors { field code message params } } }\n": types.ReceiveReturnDocument,
    "\n  mutation RefundReturn($input: RefundReturnInput!) { refundReturn(input: $input) { returnRequest { id status } errors { field code message params } } }\n": types.RefundReturnDocument,
    "\n  mutation UpdateShipmentStatus($input: UpdateShipmentStatusInput!) {\n    updateShipmentStatus(input: $input) { shipment { id status deliveredAt } errors { field code message params } }\n  }\n": types.UpdateShipmentStatusDocument,
    "\n  fragment PayslipFields on Payslip {\n    id period employeeName employeeNumber status\n    base { amount currency } commission { amount currency } bonus { amount currency } gross { amount currency }\n    employeeContributions { amount currency } tax { amount currency } net { amount currency } employerCost { amount currency }\n    lines { code label explanation amount { amount currency } }\n  }\n": types.PayslipFieldsFragmentDoc,
    "\n  query PayRuns {\n    payRuns(first: 24) {\n      edges {\n        node {\n          id period year month status currency payslipCount calculatedAt approvedAt paidAt version\n          gross { amount currency } net { amount currency } tax { amount currency } employerCost { amount currency }\n        }\n      }\n    }\n  }\n": types.PayRunsDocument,
    "\n  query PayRunPayslips($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on PayRun {\n        payslips(first: 100) { edges { node { ...PayslipFields } } }\n      }\n    }\n  }\n": types.PayRunPayslipsDocument,
    "\n  query Employees {\n    employees(first: 100) {\n      edges {\n        node {\n          id employeeNumber department title hireDate status annualLeaveBalance\n          baseSalary { amount currency } bankAccount\n          user { id name email }\n          compensationPlan { id name }\n        }\n      }\n    }\n  }\n": types.EmployeesDocument,
    "\n  query CompensationPlans {\n    compensationPlans { id name description currency newCustomerBonus { amount currency } commissionTiers { rate threshold { amount currency } } }\n  }\n": types.CompensationPlansDocument,
    "\n  mutation CreatePayRun($input: CreatePayRunInput!) { createPayRun(input: $input) { payRun { id period status } errors { field code message params } } }\n": types.CreatePayRunDocument,
    "\n  mutation CalculatePayRun($input: PayRunInput!) { calculatePayRun(input: $input) { payRun { id status payslipCount calculatedAt version } errors { field code message params } } }\n": types.CalculatePayRunDocument,
    "\n  mutation ApprovePayRun($input: PayRunInput!) { approvePayRun(input: $input) { payRun { id status approvedAt version } errors { field code message params } } }\n": types.ApprovePayRunDocument,
    "\n  mutation MarkPayRunPaid($input: PayRunInput!) { markPayRunPaid(input: $input) { payRun { id status paidAt version } errors { field code message params } } }\n": types.MarkPayRunPaidDocument,
    "\n  query MyPayslips {\n    myPayslips(first: 24) { edges { node { ...PayslipFields } } }\n  }\n": types.MyPayslipsDocument,
    "\n  query Pipeline {\n    pipelineStages { id name nameEn position probability isWon isLost }\n    opportunities(first: 100) {\n      totalCount\n      edges { node { id title probability expectedCloseDate version amount { amount currency } stage { id } customer { id name } owner { id name } } }\n    }\n  }\n": types.PipelineDocument,
    "\n  mutation MoveOpportunity($input: MoveOpportunityInput!) {\n    moveOpportunity(input: $input) {\n      opportunity { id version probability stage { id } lostReason wonReason }\n      errors { field code message params }\n    }\n  }\n": types.MoveOpportunityDocument,
    "\n  query Leads($filter: LeadFilter, $orderBy: [LeadSort!], $first: Int, $after: String) {\n    leads(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name company phone email source status score grade createdAt owner { id name } } }\n    }\n  }\n": types.LeadsDocument,
    "\n  query LeadsCursor($filter: LeadFilter, $orderBy: [LeadSort!], $first: Int, $after: String) {\n    leads(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } }\n  }\n": types.LeadsCursorDocument,
    "\n  mutation ConvertLead($input: ConvertLeadInput!) {\n    convertLead(input: $input) {\n      lead { id status }\n      customer { id name }\n      opportunity { id title }\n      errors { field code message params }\n    }\n  }\n": types.ConvertLeadDocument,
    "\n  query MyTasks($filter: TaskFilter, $first: Int, $after: String) {\n    myTasks(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id title description dueAt remindAt priority status isOverdue completedAt version customer { id name } opportunity { id title } } }\n    }\n  }\n": types.MyTasksDocument,
    "\n  query MyTasksCursor($filter: TaskFilter, $first: Int, $after: String) {\n    myTasks(filter: $filter, first: $first, after: $after) { pageInfo { hasNextPage endCursor } }\n  }\n": types.MyTasksCursorDocument,
    "\n  mutation UpdateTask($input: UpdateTaskInput!) {\n    updateTask(input: $input) { task { id status completedAt version } errors { field code message params } }\n  }\n": types.UpdateTaskDocument,
    "\n  query PipelineSummary {\n    pipelineSummary { stage { id name nameEn position } count amounts { amount currency } }\n  }\n": types.PipelineSummaryDocument,
    "\n  mutation CreateLead($input: CreateLeadInput!) {\n    createLead(input: $input) { lead { id name status } errors { field code message params } }\n  }\n": types.CreateLeadDocument,
    "\n  mutation CreateTask($input: CreateTaskInput!) {\n    createTask(input: $input) { task { id title dueAt status priority version } errors { field code message params } }\n  }\n": types.CreateTaskDocument,
    "\n  mutation CreateOpportunity($input: CreateOpportunityInput!) {\n    createOpportunity(input: $input) { opportunity { id title stage { id } } errors { field code message params } }\n  }\n": types.CreateOpportunityDocument,
    "\n  query Stages { pipelineStages { id name nameEn position probability isWon isLost } }\n": types.StagesDocument,
    "\n  query CustomerPick($search: String) {\n    customers(filter: { search: $search }, first: 20, orderBy: [{ field: NAME, direction: ASC }]) { edges { node { id name } } }\n  }\n": types.CustomerPickDocument,
    "\n  query OpportunityDetail($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Opportunity {\n        title probability expectedCloseDate lostReason wonReason isOpen closedAt createdAt version\n        amount { amount currency }\n        stage { id name nameEn isWon isLost position }\n        owner { id name }\n        customer {\n          id name\n          tasks { id title dueAt status priority version opportunity { id } }\n          orders(first: 100) { edges { node { id number status total { amount currency } orderedOn opportunity { id } } } }\n          timeline(first: 100) {\n            edges { node { at kind interaction { id kind summary outcome occurredAt owner { id name } opportunity { id } } } }\n          }\n        }\n        stageHistory(first: 100) { edges { node { id createdAt note fromStage { id name nameEn } toStage { id name nameEn isWon isLost } changedBy { id name } } } }\n      }\n    }\n  }\n": types.OpportunityDetailDocument,
    "\n  subscription PipelineChanged {\n    pipelineChanged { action opportunity { id version stage { id } } }\n  }\n": types.PipelineChangedDocument,
    "\n  query ShipmentQueue($filter: ShipmentFilter, $orderBy: [ShipmentSort!], $first: Int, $after: String, $withCustomer: Boolean!) {\n    shipments(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node {\n        id status carrier trackingNumber shippedAt createdAt\n        warehouse { id name }\n        order { id number shipToName shipToPhone shipToAddress customer @include(if: $withCustomer) { id name } }\n      } }\n    }\n  }\n": types.ShipmentQueueDocument,
    "\n  query ShipmentQueueCursor($filter: ShipmentFilter, $orderBy: [ShipmentSort!], $first: Int, $after: String) {\n    shipments(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } }\n  }\n": types.ShipmentQueueCursorDocument,
    "\n  query PickQueue($filter: OrderFilter, $orderBy: [OrderSort!], $first: Int, $after: String, $withCustomer: Boolean!) {\n    orders(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node {\n        id number status orderedOn confirmedAt shipToName shipToPhone shipToAddress\n        customer @include(if: $withCustomer) { id name }\n        warehouse { id name }\n        lines { id quantity shippedQuantity }\n        shipments { id status }\n      } }\n    }\n  }\n": types.PickQueueDocument,
    "\n  query PickQueueCursor($filter: OrderFilter, $orderBy: [OrderSort!], $first: Int, $after: String) {\n    orders(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } }\n  }\n": types.PickQueueCursorDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshToken($input: RefreshTokenInput!) {\n    refreshToken(input: $input) {\n      accessToken\n      refreshToken\n      expiresIn\n      errors { field code message params }\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshToken($input: RefreshTokenInput!) {\n    refreshToken(input: $input) {\n      accessToken\n      refreshToken\n      expiresIn\n      errors { field code message params }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      user { id email name role team { id name } }\n      permissions { type rowScope writeScope actions fields { field access } }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      user { id email name role team { id name } }\n      permissions { type rowScope writeScope actions fields { field access } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TokenCheck { __typename }\n"): (typeof documents)["\n  query TokenCheck { __typename }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UnreadNotificationCount { unreadNotificationCount }"): (typeof documents)["query UnreadNotificationCount { unreadNotificationCount }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerRow on Customer {\n    id name industry region phone email source lifecycleStage level inPool lastFollowUpAt nextFollowUpAt createdAt\n    owner { id name email }\n    tags { id name color }\n  }\n"): (typeof documents)["\n  fragment CustomerRow on Customer {\n    id name industry region phone email source lifecycleStage level inPool lastFollowUpAt nextFollowUpAt createdAt\n    owner { id name email }\n    tags { id name color }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Customers($filter: CustomerFilter, $orderBy: [CustomerSort!], $first: Int, $after: String) {\n    customers(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { ...CustomerRow } }\n    }\n  }\n"): (typeof documents)["\n  query Customers($filter: CustomerFilter, $orderBy: [CustomerSort!], $first: Int, $after: String) {\n    customers(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { ...CustomerRow } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicPool($filter: CustomerFilter, $orderBy: [CustomerSort!], $first: Int, $after: String) {\n    publicPool(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { ...CustomerRow } }\n    }\n  }\n"): (typeof documents)["\n  query PublicPool($filter: CustomerFilter, $orderBy: [CustomerSort!], $first: Int, $after: String) {\n    publicPool(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { ...CustomerRow } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomersCursor($filter: CustomerFilter, $orderBy: [CustomerSort!], $first: Int, $after: String) {\n    customers(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } }\n  }\n"): (typeof documents)["\n  query CustomersCursor($filter: CustomerFilter, $orderBy: [CustomerSort!], $first: Int, $after: String) {\n    customers(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicPoolCursor($filter: CustomerFilter, $orderBy: [CustomerSort!], $first: Int, $after: String) {\n    publicPool(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } }\n  }\n"): (typeof documents)["\n  query PublicPoolCursor($filter: CustomerFilter, $orderBy: [CustomerSort!], $first: Int, $after: String) {\n    publicPool(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerLookups {\n    tags { id name color }\n    users(first: 100) { edges { node { id name email role isActive team { id } } } }\n  }\n"): (typeof documents)["\n  query CustomerLookups {\n    tags { id name color }\n    users(first: 100) { edges { node { id name email role isActive team { id } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TransferTargets($roles: [String!]!) {\n    users(filter: { role: { in: $roles } }, orderBy: [{ field: NAME, direction: ASC }], first: 100) {\n      edges { node { id name email role isActive team { id name } } }\n    }\n  }\n"): (typeof documents)["\n  query TransferTargets($roles: [String!]!) {\n    users(filter: { role: { in: $roles } }, orderBy: [{ field: NAME, direction: ASC }], first: 100) {\n      edges { node { id name email role isActive team { id name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      customer { id name }\n      duplicates { id name phone email owner { id name } }\n      errors { field code message params }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      customer { id name }\n      duplicates { id name phone email owner { id name } }\n      errors { field code message params }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddTags($input: TagCustomersInput!) {\n    addTags(input: $input) { results { id ok customer { id name } errors { field code message params } } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation AddTags($input: TagCustomersInput!) {\n    addTags(input: $input) { results { id ok customer { id name } errors { field code message params } } errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveTags($input: TagCustomersInput!) {\n    removeTags(input: $input) { results { id ok customer { id name } errors { field code message params } } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation RemoveTags($input: TagCustomersInput!) {\n    removeTags(input: $input) { results { id ok customer { id name } errors { field code message params } } errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TransferCustomers($input: TransferCustomersInput!) {\n    transferCustomers(input: $input) { results { id ok customer { id name } errors { field code message params } } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation TransferCustomers($input: TransferCustomersInput!) {\n    transferCustomers(input: $input) { results { id ok customer { id name } errors { field code message params } } errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReleaseToPool($input: ReleaseToPoolInput!) {\n    releaseToPool(input: $input) { results { id ok customer { id name } errors { field code message params } } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation ReleaseToPool($input: ReleaseToPoolInput!) {\n    releaseToPool(input: $input) { results { id ok customer { id name } errors { field code message params } } errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClaimFromPool($input: ClaimFromPoolInput!) {\n    claimFromPool(input: $input) { results { id ok customer { id name } errors { field code message params } } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation ClaimFromPool($input: ClaimFromPoolInput!) {\n    claimFromPool(input: $input) { results { id ok customer { id name } errors { field code message params } } errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MergeCustomers($input: MergeCustomersInput!) {\n    mergeCustomers(input: $input) { customer { id name } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation MergeCustomers($input: MergeCustomersInput!) {\n    mergeCustomers(input: $input) { customer { id name } errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerDetail($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Customer {\n        name kind industry region address phone email source lifecycleStage level inPool lastFollowUpAt nextFollowUpAt createdAt version\n        owner { id name email }\n        team { id name }\n        tags { id name color }\n        contacts { id name title phone email imHandle isPrimary }\n        timeline(first: 50) {\n          edges {\n            cursor\n            node {\n              at kind\n              interaction { id kind direction summary outcome occurredAt nextFollowUpAt owner { id name } opportunity { id title } }\n              stageChange { id createdAt note fromStage { id name nameEn } toStage { id name nameEn isWon isLost } changedBy { id name } opportunity { id title } }\n              auditEvent { id action objectType objectId requestId createdAt note actor { id name } changes { field old new } }\n            }\n          }\n        }\n        opportunities { id title amount { amount currency } stage { id name nameEn isWon isLost } expectedCloseDate isOpen }\n        tasks { id title dueAt status priority version opportunity { id } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerDetail($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Customer {\n        name kind industry region address phone email source lifecycleStage level inPool lastFollowUpAt nextFollowUpAt createdAt version\n        owner { id name email }\n        team { id name }\n        tags { id name color }\n        contacts { id name title phone email imHandle isPrimary }\n        timeline(first: 50) {\n          edges {\n            cursor\n            node {\n              at kind\n              interaction { id kind direction summary outcome occurredAt nextFollowUpAt owner { id name } opportunity { id title } }\n              stageChange { id createdAt note fromStage { id name nameEn } toStage { id name nameEn isWon isLost } changedBy { id name } opportunity { id title } }\n              auditEvent { id action objectType objectId requestId createdAt note actor { id name } changes { field old new } }\n            }\n          }\n        }\n        opportunities { id title amount { amount currency } stage { id name nameEn isWon isLost } expectedCloseDate isOpen }\n        tasks { id title dueAt status priority version opportunity { id } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogInteraction($input: LogInteractionInput!) {\n    logInteraction(input: $input) {\n      interaction { id kind summary occurredAt }\n      errors { field code message params }\n    }\n  }\n"): (typeof documents)["\n  mutation LogInteraction($input: LogInteractionInput!) {\n    logInteraction(input: $input) {\n      interaction { id kind summary occurredAt }\n      errors { field code message params }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCustomer($input: UpdateCustomerInput!) {\n    updateCustomer(input: $input) {\n      customer { id version name industry region phone email lifecycleStage level }\n      errors { field code message params }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCustomer($input: UpdateCustomerInput!) {\n    updateCustomer(input: $input) {\n      customer { id version name industry region phone email lifecycleStage level }\n      errors { field code message params }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerOrders($id: ID!) {\n    orders(filter: { customer: { eq: $id } }, first: 50) {\n      edges { node { id number status createdAt total { amount currency } } }\n    }\n  }\n"): (typeof documents)["\n  query CustomerOrders($id: ID!) {\n    orders(filter: { customer: { eq: $id } }, first: 50) {\n      edges { node { id number status createdAt total { amount currency } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CustomerTimelineLive($customerId: ID!) {\n    customerTimeline(customerId: $customerId) { at kind }\n  }\n"): (typeof documents)["\n  subscription CustomerTimelineLive($customerId: ID!) {\n    customerTimeline(customerId: $customerId) { at kind }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardFunnel {\n    pipelineSummary { stage { id name nameEn position isWon isLost } count amounts { amount currency } }\n  }\n"): (typeof documents)["\n  query DashboardFunnel {\n    pipelineSummary { stage { id name nameEn position isWon isLost } count amounts { amount currency } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardSales($period: PeriodInput!) {\n    salesSummary(period: $period, groupBy: MONTH) { periodStart booked { amount currency } collected { amount currency } }\n  }\n"): (typeof documents)["\n  query DashboardSales($period: PeriodInput!) {\n    salesSummary(period: $period, groupBy: MONTH) { periodStart booked { amount currency } collected { amount currency } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardLowStock {\n    lowStock { suggestedQuantity level { id product { id name } warehouse { id name } available reorderPoint } }\n  }\n"): (typeof documents)["\n  query DashboardLowStock {\n    lowStock { suggestedQuantity level { id product { id name } warehouse { id name } available reorderPoint } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardTopReps {\n    opportunities(first: 100) { edges { node { id amount { amount currency } stage { id } owner { id name } } } }\n    pipelineStages { id isWon }\n  }\n"): (typeof documents)["\n  query DashboardTopReps {\n    opportunities(first: 100) { edges { node { id amount { amount currency } stage { id } owner { id name } } } }\n    pipelineStages { id isWon }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardTeamPerformance($period: PeriodInput!) {\n    teamPerformance(period: $period) {\n      reps {\n        user { id name }\n        revenueBooked { amount currency }\n        revenueCollected { amount currency }\n        opportunitiesWon\n        winRate\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardTeamPerformance($period: PeriodInput!) {\n    teamPerformance(period: $period) {\n      reps {\n        user { id name }\n        revenueBooked { amount currency }\n        revenueCollected { amount currency }\n        opportunitiesWon\n        winRate\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Orders($filter: OrderFilter, $orderBy: [OrderSort!], $first: Int, $after: String) {\n    orders(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id number status paymentStatus orderedOn createdAt total { amount currency } customer { id name } owner { id name } shipments { id status } } }\n    }\n  }\n"): (typeof documents)["\n  query Orders($filter: OrderFilter, $orderBy: [OrderSort!], $first: Int, $after: String) {\n    orders(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id number status paymentStatus orderedOn createdAt total { amount currency } customer { id name } owner { id name } shipments { id status } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrdersCursor($filter: OrderFilter, $orderBy: [OrderSort!], $first: Int, $after: String) {\n    orders(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } }\n  }\n"): (typeof documents)["\n  query OrdersCursor($filter: OrderFilter, $orderBy: [OrderSort!], $first: Int, $after: String) {\n    orders(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderDetail($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Order {\n        number status paymentStatus currency orderedOn createdAt confirmedAt shippedAt deliveredAt completedAt cancelledAt cancelReason version\n        shipToName shipToPhone shipToAddress\n        total { amount currency } paid { amount currency } balanceDue { amount currency }\n        customer { id name }\n        owner { id name }\n        warehouse { id name }\n        lines {\n          id position quantity reservedQuantity shippedQuantity returnedQuantity\n          unitPrice { amount currency } total { amount currency }\n          product { id sku name }\n        }\n        shipments { id status carrier trackingNumber shippedAt deliveredAt isReplacement warehouse { id name } lines { quantity orderLine { id } } trackingEvents { status occurredAt location note } }\n        payments { id amount { amount currency } method receivedOn reference isRefund }\n        returns { id kind status reason rejectReason createdAt refund { amount currency } lines { quantity orderLine { id product { id name } unitPrice { amount currency } } } }\n        history(first: 50) { edges { node { id action createdAt note actor { id name } changes { field old new } } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrderDetail($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Order {\n        number status paymentStatus currency orderedOn createdAt confirmedAt shippedAt deliveredAt completedAt cancelledAt cancelReason version\n        shipToName shipToPhone shipToAddress\n        total { amount currency } paid { amount currency } balanceDue { amount currency }\n        customer { id name }\n        owner { id name }\n        warehouse { id name }\n        lines {\n          id position quantity reservedQuantity shippedQuantity returnedQuantity\n          unitPrice { amount currency } total { amount currency }\n          product { id sku name }\n        }\n        shipments { id status carrier trackingNumber shippedAt deliveredAt isReplacement warehouse { id name } lines { quantity orderLine { id } } trackingEvents { status occurredAt location note } }\n        payments { id amount { amount currency } method receivedOn reference isRefund }\n        returns { id kind status reason rejectReason createdAt refund { amount currency } lines { quantity orderLine { id product { id name } unitPrice { amount currency } } } }\n        history(first: 50) { edges { node { id action createdAt note actor { id name } changes { field old new } } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductSearch($search: String) {\n    products(filter: { search: $search, active: { eq: true } }, first: 20) {\n      edges { node { id sku name trackStock listPrice { amount currency } stock { id available warehouse { id name } } } }\n    }\n  }\n"): (typeof documents)["\n  query ProductSearch($search: String) {\n    products(filter: { search: $search, active: { eq: true } }, first: 20) {\n      edges { node { id sku name trackStock listPrice { amount currency } stock { id available warehouse { id name } } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Warehouses { warehouses { id name code isDefault } }\n"): (typeof documents)["\n  query Warehouses { warehouses { id name code isDefault } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrder($input: CreateOrderInput!) {\n    createOrder(input: $input) { order { id number } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation CreateOrder($input: CreateOrderInput!) {\n    createOrder(input: $input) { order { id number } errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmOrder($input: ConfirmOrderInput!) {\n    confirmOrder(input: $input) { order { id status version } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation ConfirmOrder($input: ConfirmOrderInput!) {\n    confirmOrder(input: $input) { order { id status version } errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelOrder($input: CancelOrderInput!) {\n    cancelOrder(input: $input) { order { id status } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation CancelOrder($input: CancelOrderInput!) {\n    cancelOrder(input: $input) { order { id status } errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateShipment($input: CreateShipmentInput!) {\n    createShipment(input: $input) { shipment { id status } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation CreateShipment($input: CreateShipmentInput!) {\n    createShipment(input: $input) { shipment { id status } errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordPayment($input: RecordPaymentInput!) {\n    recordPayment(input: $input) { payment { id } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation RecordPayment($input: RecordPaymentInput!) {\n    recordPayment(input: $input) { payment { id } errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateReturnRequest($input: CreateReturnRequestInput!) {\n    createReturnRequest(input: $input) { returnRequest { id status } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation CreateReturnRequest($input: CreateReturnRequestInput!) {\n    createReturnRequest(input: $input) { returnRequest { id status } errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockLevels($filter: StockLevelFilter, $first: Int, $after: String) {\n    stockLevels(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges { node { id onHand reserved available reorderPoint reorderQuantity product { id sku name } warehouse { id name } } }\n    }\n  }\n"): (typeof documents)["\n  query StockLevels($filter: StockLevelFilter, $first: Int, $after: String) {\n    stockLevels(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges { node { id onHand reserved available reorderPoint reorderQuantity product { id sku name } warehouse { id name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockMovements($filter: StockMovementFilter, $first: Int, $after: String) {\n    stockMovements(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges { node { id kind quantity onHandDelta reservedDelta reason referenceType createdAt product { id sku name } warehouse { id name } } }\n    }\n  }\n"): (typeof documents)["\n  query StockMovements($filter: StockMovementFilter, $first: Int, $after: String) {\n    stockMovements(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges { node { id kind quantity onHandDelta reservedDelta reason referenceType createdAt product { id sku name } warehouse { id name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReceiveStock($input: ReceiveStockInput!) { receiveStock(input: $input) { level { id onHand available } errors { field code message params } } }\n"): (typeof documents)["\n  mutation ReceiveStock($input: ReceiveStockInput!) { receiveStock(input: $input) { level { id onHand available } errors { field code message params } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdjustStock($input: AdjustStockInput!) { adjustStock(input: $input) { level { id onHand available } errors { field code message params } } }\n"): (typeof documents)["\n  mutation AdjustStock($input: AdjustStockInput!) { adjustStock(input: $input) { level { id onHand available } errors { field code message params } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TransferStock($input: TransferStockInput!) {\n    transferStock(input: $input) { source { id onHand available } target { id onHand available } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation TransferStock($input: TransferStockInput!) {\n    transferStock(input: $input) { source { id onHand available } target { id onHand available } errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveReturn($input: IdInput!) { approveReturn(input: $input) { returnRequest { id status } errors { field code message params } } }\n"): (typeof documents)["\n  mutation ApproveReturn($input: IdInput!) { approveReturn(input: $input) { returnRequest { id status } errors { field code message params } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectReturn($input: RejectReturnInput!) { rejectReturn(input: $input) { returnRequest { id status } errors { field code message params } } }\n"): (typeof documents)["\n  mutation RejectReturn($input: RejectReturnInput!) { rejectReturn(input: $input) { returnRequest { id status } errors { field code message params } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReceiveReturn($input: IdInput!) { receiveReturn(input: $input) { returnRequest { id status } errors { field code message params } } }\n"): (typeof documents)["\n  mutation ReceiveReturn($input: IdInput!) { receiveReturn(input: $input) { returnRequest { id status } errors { field code message params } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefundReturn($input: RefundReturnInput!) { refundReturn(input: $input) { returnRequest { id status } errors { field code message params } } }\n"): (typeof documents)["\n  mutation RefundReturn($input: RefundReturnInput!) { refundReturn(input: $input) { returnRequest { id status } errors { field code message params } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateShipmentStatus($input: UpdateShipmentStatusInput!) {\n    updateShipmentStatus(input: $input) { shipment { id status deliveredAt } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation UpdateShipmentStatus($input: UpdateShipmentStatusInput!) {\n    updateShipmentStatus(input: $input) { shipment { id status deliveredAt } errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PayslipFields on Payslip {\n    id period employeeName employeeNumber status\n    base { amount currency } commission { amount currency } bonus { amount currency } gross { amount currency }\n    employeeContributions { amount currency } tax { amount currency } net { amount currency } employerCost { amount currency }\n    lines { code label explanation amount { amount currency } }\n  }\n"): (typeof documents)["\n  fragment PayslipFields on Payslip {\n    id period employeeName employeeNumber status\n    base { amount currency } commission { amount currency } bonus { amount currency } gross { amount currency }\n    employeeContributions { amount currency } tax { amount currency } net { amount currency } employerCost { amount currency }\n    lines { code label explanation amount { amount currency } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PayRuns {\n    payRuns(first: 24) {\n      edges {\n        node {\n          id period year month status currency payslipCount calculatedAt approvedAt paidAt version\n          gross { amount currency } net { amount currency } tax { amount currency } employerCost { amount currency }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PayRuns {\n    payRuns(first: 24) {\n      edges {\n        node {\n          id period year month status currency payslipCount calculatedAt approvedAt paidAt version\n          gross { amount currency } net { amount currency } tax { amount currency } employerCost { amount currency }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PayRunPayslips($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on PayRun {\n        payslips(first: 100) { edges { node { ...PayslipFields } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PayRunPayslips($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on PayRun {\n        payslips(first: 100) { edges { node { ...PayslipFields } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Employees {\n    employees(first: 100) {\n      edges {\n        node {\n          id employeeNumber department title hireDate status annualLeaveBalance\n          baseSalary { amount currency } bankAccount\n          user { id name email }\n          compensationPlan { id name }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Employees {\n    employees(first: 100) {\n      edges {\n        node {\n          id employeeNumber department title hireDate status annualLeaveBalance\n          baseSalary { amount currency } bankAccount\n          user { id name email }\n          compensationPlan { id name }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompensationPlans {\n    compensationPlans { id name description currency newCustomerBonus { amount currency } commissionTiers { rate threshold { amount currency } } }\n  }\n"): (typeof documents)["\n  query CompensationPlans {\n    compensationPlans { id name description currency newCustomerBonus { amount currency } commissionTiers { rate threshold { amount currency } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePayRun($input: CreatePayRunInput!) { createPayRun(input: $input) { payRun { id period status } errors { field code message params } } }\n"): (typeof documents)["\n  mutation CreatePayRun($input: CreatePayRunInput!) { createPayRun(input: $input) { payRun { id period status } errors { field code message params } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CalculatePayRun($input: PayRunInput!) { calculatePayRun(input: $input) { payRun { id status payslipCount calculatedAt version } errors { field code message params } } }\n"): (typeof documents)["\n  mutation CalculatePayRun($input: PayRunInput!) { calculatePayRun(input: $input) { payRun { id status payslipCount calculatedAt version } errors { field code message params } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApprovePayRun($input: PayRunInput!) { approvePayRun(input: $input) { payRun { id status approvedAt version } errors { field code message params } } }\n"): (typeof documents)["\n  mutation ApprovePayRun($input: PayRunInput!) { approvePayRun(input: $input) { payRun { id status approvedAt version } errors { field code message params } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkPayRunPaid($input: PayRunInput!) { markPayRunPaid(input: $input) { payRun { id status paidAt version } errors { field code message params } } }\n"): (typeof documents)["\n  mutation MarkPayRunPaid($input: PayRunInput!) { markPayRunPaid(input: $input) { payRun { id status paidAt version } errors { field code message params } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyPayslips {\n    myPayslips(first: 24) { edges { node { ...PayslipFields } } }\n  }\n"): (typeof documents)["\n  query MyPayslips {\n    myPayslips(first: 24) { edges { node { ...PayslipFields } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Pipeline {\n    pipelineStages { id name nameEn position probability isWon isLost }\n    opportunities(first: 100) {\n      totalCount\n      edges { node { id title probability expectedCloseDate version amount { amount currency } stage { id } customer { id name } owner { id name } } }\n    }\n  }\n"): (typeof documents)["\n  query Pipeline {\n    pipelineStages { id name nameEn position probability isWon isLost }\n    opportunities(first: 100) {\n      totalCount\n      edges { node { id title probability expectedCloseDate version amount { amount currency } stage { id } customer { id name } owner { id name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveOpportunity($input: MoveOpportunityInput!) {\n    moveOpportunity(input: $input) {\n      opportunity { id version probability stage { id } lostReason wonReason }\n      errors { field code message params }\n    }\n  }\n"): (typeof documents)["\n  mutation MoveOpportunity($input: MoveOpportunityInput!) {\n    moveOpportunity(input: $input) {\n      opportunity { id version probability stage { id } lostReason wonReason }\n      errors { field code message params }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Leads($filter: LeadFilter, $orderBy: [LeadSort!], $first: Int, $after: String) {\n    leads(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name company phone email source status score grade createdAt owner { id name } } }\n    }\n  }\n"): (typeof documents)["\n  query Leads($filter: LeadFilter, $orderBy: [LeadSort!], $first: Int, $after: String) {\n    leads(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name company phone email source status score grade createdAt owner { id name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeadsCursor($filter: LeadFilter, $orderBy: [LeadSort!], $first: Int, $after: String) {\n    leads(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } }\n  }\n"): (typeof documents)["\n  query LeadsCursor($filter: LeadFilter, $orderBy: [LeadSort!], $first: Int, $after: String) {\n    leads(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConvertLead($input: ConvertLeadInput!) {\n    convertLead(input: $input) {\n      lead { id status }\n      customer { id name }\n      opportunity { id title }\n      errors { field code message params }\n    }\n  }\n"): (typeof documents)["\n  mutation ConvertLead($input: ConvertLeadInput!) {\n    convertLead(input: $input) {\n      lead { id status }\n      customer { id name }\n      opportunity { id title }\n      errors { field code message params }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyTasks($filter: TaskFilter, $first: Int, $after: String) {\n    myTasks(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id title description dueAt remindAt priority status isOverdue completedAt version customer { id name } opportunity { id title } } }\n    }\n  }\n"): (typeof documents)["\n  query MyTasks($filter: TaskFilter, $first: Int, $after: String) {\n    myTasks(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id title description dueAt remindAt priority status isOverdue completedAt version customer { id name } opportunity { id title } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyTasksCursor($filter: TaskFilter, $first: Int, $after: String) {\n    myTasks(filter: $filter, first: $first, after: $after) { pageInfo { hasNextPage endCursor } }\n  }\n"): (typeof documents)["\n  query MyTasksCursor($filter: TaskFilter, $first: Int, $after: String) {\n    myTasks(filter: $filter, first: $first, after: $after) { pageInfo { hasNextPage endCursor } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTask($input: UpdateTaskInput!) {\n    updateTask(input: $input) { task { id status completedAt version } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation UpdateTask($input: UpdateTaskInput!) {\n    updateTask(input: $input) { task { id status completedAt version } errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PipelineSummary {\n    pipelineSummary { stage { id name nameEn position } count amounts { amount currency } }\n  }\n"): (typeof documents)["\n  query PipelineSummary {\n    pipelineSummary { stage { id name nameEn position } count amounts { amount currency } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateLead($input: CreateLeadInput!) {\n    createLead(input: $input) { lead { id name status } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation CreateLead($input: CreateLeadInput!) {\n    createLead(input: $input) { lead { id name status } errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTask($input: CreateTaskInput!) {\n    createTask(input: $input) { task { id title dueAt status priority version } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation CreateTask($input: CreateTaskInput!) {\n    createTask(input: $input) { task { id title dueAt status priority version } errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOpportunity($input: CreateOpportunityInput!) {\n    createOpportunity(input: $input) { opportunity { id title stage { id } } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation CreateOpportunity($input: CreateOpportunityInput!) {\n    createOpportunity(input: $input) { opportunity { id title stage { id } } errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Stages { pipelineStages { id name nameEn position probability isWon isLost } }\n"): (typeof documents)["\n  query Stages { pipelineStages { id name nameEn position probability isWon isLost } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerPick($search: String) {\n    customers(filter: { search: $search }, first: 20, orderBy: [{ field: NAME, direction: ASC }]) { edges { node { id name } } }\n  }\n"): (typeof documents)["\n  query CustomerPick($search: String) {\n    customers(filter: { search: $search }, first: 20, orderBy: [{ field: NAME, direction: ASC }]) { edges { node { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpportunityDetail($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Opportunity {\n        title probability expectedCloseDate lostReason wonReason isOpen closedAt createdAt version\n        amount { amount currency }\n        stage { id name nameEn isWon isLost position }\n        owner { id name }\n        customer {\n          id name\n          tasks { id title dueAt status priority version opportunity { id } }\n          orders(first: 100) { edges { node { id number status total { amount currency } orderedOn opportunity { id } } } }\n          timeline(first: 100) {\n            edges { node { at kind interaction { id kind summary outcome occurredAt owner { id name } opportunity { id } } } }\n          }\n        }\n        stageHistory(first: 100) { edges { node { id createdAt note fromStage { id name nameEn } toStage { id name nameEn isWon isLost } changedBy { id name } } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OpportunityDetail($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Opportunity {\n        title probability expectedCloseDate lostReason wonReason isOpen closedAt createdAt version\n        amount { amount currency }\n        stage { id name nameEn isWon isLost position }\n        owner { id name }\n        customer {\n          id name\n          tasks { id title dueAt status priority version opportunity { id } }\n          orders(first: 100) { edges { node { id number status total { amount currency } orderedOn opportunity { id } } } }\n          timeline(first: 100) {\n            edges { node { at kind interaction { id kind summary outcome occurredAt owner { id name } opportunity { id } } } }\n          }\n        }\n        stageHistory(first: 100) { edges { node { id createdAt note fromStage { id name nameEn } toStage { id name nameEn isWon isLost } changedBy { id name } } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PipelineChanged {\n    pipelineChanged { action opportunity { id version stage { id } } }\n  }\n"): (typeof documents)["\n  subscription PipelineChanged {\n    pipelineChanged { action opportunity { id version stage { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShipmentQueue($filter: ShipmentFilter, $orderBy: [ShipmentSort!], $first: Int, $after: String, $withCustomer: Boolean!) {\n    shipments(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node {\n        id status carrier trackingNumber shippedAt createdAt\n        warehouse { id name }\n        order { id number shipToName shipToPhone shipToAddress customer @include(if: $withCustomer) { id name } }\n      } }\n    }\n  }\n"): (typeof documents)["\n  query ShipmentQueue($filter: ShipmentFilter, $orderBy: [ShipmentSort!], $first: Int, $after: String, $withCustomer: Boolean!) {\n    shipments(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node {\n        id status carrier trackingNumber shippedAt createdAt\n        warehouse { id name }\n        order { id number shipToName shipToPhone shipToAddress customer @include(if: $withCustomer) { id name } }\n      } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShipmentQueueCursor($filter: ShipmentFilter, $orderBy: [ShipmentSort!], $first: Int, $after: String) {\n    shipments(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } }\n  }\n"): (typeof documents)["\n  query ShipmentQueueCursor($filter: ShipmentFilter, $orderBy: [ShipmentSort!], $first: Int, $after: String) {\n    shipments(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PickQueue($filter: OrderFilter, $orderBy: [OrderSort!], $first: Int, $after: String, $withCustomer: Boolean!) {\n    orders(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node {\n        id number status orderedOn confirmedAt shipToName shipToPhone shipToAddress\n        customer @include(if: $withCustomer) { id name }\n        warehouse { id name }\n        lines { id quantity shippedQuantity }\n        shipments { id status }\n      } }\n    }\n  }\n"): (typeof documents)["\n  query PickQueue($filter: OrderFilter, $orderBy: [OrderSort!], $first: Int, $after: String, $withCustomer: Boolean!) {\n    orders(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node {\n        id number status orderedOn confirmedAt shipToName shipToPhone shipToAddress\n        customer @include(if: $withCustomer) { id name }\n        warehouse { id name }\n        lines { id quantity shippedQuantity }\n        shipments { id status }\n      } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PickQueueCursor($filter: OrderFilter, $orderBy: [OrderSort!], $first: Int, $after: String) {\n    orders(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } }\n  }\n"): (typeof documents)["\n  query PickQueueCursor($filter: OrderFilter, $orderBy: [OrderSort!], $first: Int, $after: String) {\n    orders(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;