"""Guards that run before anything executes: the query cost budget.

Every refusal is one GraphQL error with `extensions.code = "LIMIT_REACHED"`, answered with
HTTP 200 and no resolver run (so no SQL).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import ExecutionResult
from strawberry.extensions import SchemaExtension

from crm.core.cost import operation_cost, select_operation
from crm.core.errors import ClientError, ErrorCode
from crm.settings import get_settings


class LimitReached(ClientError):
    def __init__(self, message: str, **extra: Any) -> None:
        super().__init__(message, ErrorCode.LIMIT_REACHED, **extra)


# --- the extension ----------------------------------------------------------------------------

class RequestLimits(SchemaExtension):
    """Refuses, before execution, operations over the cost budget; reports every operation's
    cost in the response's `extensions.cost`."""

    def __init__(self) -> None:
        self.cost = 0

    def on_execute(self) -> Iterator[None]:
        ctx = self.execution_context
        document = ctx.graphql_document
        operation = select_operation(document, ctx.operation_name) if document else None
        if document is not None and operation is not None and ctx.result is None:
            settings = get_settings()
            schema = ctx.schema._schema
            variables = ctx.variables or {}
            self.cost = operation_cost(schema, document, ctx.operation_name, variables)
            refusal = None
            if self.cost > settings.max_query_cost:
                refusal = LimitReached(
                    f"This operation costs {self.cost}, over the budget of "
                    f"{settings.max_query_cost}: ask for smaller pages or fewer nested lists",
                    cost=self.cost, maxCost=settings.max_query_cost)
            if refusal is not None:
                ctx.result = ExecutionResult(data=None, errors=[refusal])
        yield

    def get_results(self) -> dict[str, Any]:
        return {"cost": self.cost}
