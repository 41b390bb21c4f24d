import { graphql } from '../../gql';

export const PipelineQuery = graphql(`
  query Pipeline {
    pipelineStages { id name nameEn position probability isWon isLost }
    opportunities(first: 100) {
      totalCount
      edges { node { id title probability expectedCloseDate version amount { amount currency } stage { id } customer { id name } owner { id name } } }
    }
  }
`);

export const MoveOpportunityMutation = graphql(`
  mutation MoveOpportunity($input: MoveOpportunityInput!) {
    moveOpportunity(input: $input) {
      opportunity { id version probability stage { id } lostReason wonReason }
      errors { field code message params }
    }
  }
`);

export const LeadsQuery = graphql(`
  query Leads($filter: LeadFilter, $orderBy: [LeadSort!], $first: Int, $after: String) {
    leads(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name company phone email source status score grade createdAt owner { id name } } }
    }
  }
`);

export const LeadsCursorQuery = graphql(`
  query LeadsCursor($filter: LeadFilter, $orderBy: [LeadSort!], $first: Int, $after: String) {
    leads(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } }
  }
`);

export const ConvertLeadMutation = graphql(`
  mutation ConvertLead($input: ConvertLeadInput!) {
    convertLead(input: $input) {
      lead { id status }
      customer { id name }
      opportunity { id title }
      errors { field code message params }
    }
  }
`);

export const MyTasksQuery = graphql(`
  query MyTasks($filter: TaskFilter, $first: Int, $after: String) {
    myTasks(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id title description dueAt remindAt priority status isOverdue completedAt version customer { id name } opportunity { id title } } }
    }
  }
`);

export const MyTasksCursorQuery = graphql(`
  query MyTasksCursor($filter: TaskFilter, $first: Int, $after: String) {
    myTasks(filter: $filter, first: $first, after: $after) { pageInfo { hasNextPage endCursor } }
  }
`);

export const UpdateTaskMutation = graphql(`
  mutation UpdateTask($input: UpdateTaskInput!) {
    updateTask(input: $input) { task { id status completedAt version } errors { field code message params } }
  }
`);

export const PipelineSummaryQuery = graphql(`
  query PipelineSummary {
    pipelineSummary { stage { id name nameEn position } count amounts { amount currency } }
  }
`);

export const CreateLeadMutation = graphql(`
  mutation CreateLead($input: CreateLeadInput!) {
    createLead(input: $input) { lead { id name status } errors { field code message params } }
  }
`);

export const CreateTaskMutation = graphql(`
  mutation CreateTask($input: CreateTaskInput!) {
    createTask(input: $input) { task { id title dueAt status priority version } errors { field code message params } }
  }
`);

export const CreateOpportunityMutation = graphql(`
  mutation CreateOpportunity($input: CreateOpportunityInput!) {
    createOpportunity(input: $input) { opportunity { id title stage { id } } errors { field code message params } }
  }
`);

export const StagesQuery = graphql(`
  query Stages { pipelineStages { id name nameEn position probability isWon isLost } }
`);

/** Customers to pick from when a record is created outside a customer's page. */
export const CustomerPickQuery = graphql(`
  query CustomerPick($search: String) {
    customers(filter: { search: $search }, first: 20, orderBy: [{ field: NAME, direction: ASC }]) { edges { node { id name } } }
  }
`);

/**
 * An opportunity with what the schema links to it: its stage history, and through its
 * customer the follow-ups, tasks and orders that name it (the API has no such lists on
 * Opportunity itself yet).
 */
export const OpportunityDetailQuery = graphql(`
  query OpportunityDetail($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Opportunity {
        title probability expectedCloseDate lostReason wonReason isOpen closedAt createdAt version
        amount { amount currency }
        stage { id name nameEn isWon isLost position }
        owner { id name }
        customer {
          id name
          tasks { id title dueAt status priority version opportunity { id } }
          orders(first: 100) { edges { node { id number status total { amount currency } orderedOn opportunity { id } } } }
          timeline(first: 100) {
            edges { node { at kind interaction { id kind summary outcome occurredAt owner { id name } opportunity { id } } } }
          }
        }
        stageHistory(first: 100) { edges { node { id createdAt note fromStage { id name nameEn } toStage { id name nameEn isWon isLost } changedBy { id name } } } }
      }
    }
  }
`);

export const PipelineChangedSubscription = graphql(`
  subscription PipelineChanged {
    pipelineChanged { action opportunity { id version stage { id } } }
  }
`);
