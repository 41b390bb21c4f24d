"""销售管理: leads, the pipeline and opportunities, interactions, tasks."""
