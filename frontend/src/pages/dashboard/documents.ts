import { graphql } from '../../gql';

export const DashboardFunnelQuery = graphql(`
  query DashboardFunnel {
    pipelineSummary { stage { id name nameEn position isWon isLost } count amounts { amount currency } }
  }
`);

export const DashboardSalesQuery = graphql(`
  query DashboardSales($period: PeriodInput!) {
    salesSummary(period: $period, groupBy: MONTH) { periodStart booked { amount currency } collected { amount currency } }
  }
`);

export const DashboardLowStockQuery = graphql(`
  query DashboardLowStock {
    lowStock { suggestedQuantity level { id product { id name } warehouse { id name } available reorderPoint } }
  }
`);

export const DashboardTopRepsQuery = graphql(`
  query DashboardTopReps {
    opportunities(first: 100) { edges { node { id amount { amount currency } stage { id } owner { id name } } } }
    pipelineStages { id isWon }
  }
`);

/** Per rep over a year: revenue booked and collected, win rate (managers: their teams; hr: all). */
export const DashboardTeamPerformanceQuery = graphql(`
  query DashboardTeamPerformance($period: PeriodInput!) {
    teamPerformance(period: $period) {
      reps {
        user { id name }
        revenueBooked { amount currency }
        revenueCollected { amount currency }
        opportunitiesWon
        winRate
      }
    }
  }
`);
