import { graphql } from '../../gql';

/** New entries of a customer's timeline, pushed as they are committed (the detail page only). */
export const CustomerTimelineSubscription = graphql(`
  subscription CustomerTimelineLive($customerId: ID!) {
    customerTimeline(customerId: $customerId) { at kind }
  }
`);
