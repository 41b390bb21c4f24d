"""One shape for every list: a root connection field built from a query, a filter spec and a
sort spec, with `filter`, `orderBy`, `first/after/last/before` and `totalCount`.

    customers: Connection[Customer] = list_field(
        lambda actor: service.customers_query(actor), CUSTOMER_FILTER, CUSTOMER_SORT,
        description="Customers in your row scope.")

The query function returns the rows the actor may read (it starts from `scoped()`); the filter
and the sort check the field policy of every field they use.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from strawberry.types.arguments import StrawberryArgument
from strawberry.types.field import StrawberryField

from crm.core.connections import argument, page_arguments, paginate
from crm.core.filters import FilterSpec, SortSpec
from crm.core.policy import Actor

Query = Callable[[Actor], Any]


class ListField(StrawberryField):
    """A root list (Relay connection) declared from its query, filter and sort."""

    def __init__(self, *, query: Query | None = None, filter_spec: FilterSpec | None = None,
                 sort_spec: SortSpec | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        assert query is not None
        self.query, self.filter_spec, self.sort_spec = query, filter_spec, sort_spec

    @property  # type: ignore[override]
    def arguments(self) -> list[StrawberryArgument]:
        # Built when the schema is, after every module has added its filters.
        if self._arguments is None:
            args: list[StrawberryArgument] = []
            if self.filter_spec is not None:
                args.append(argument("filter", self.filter_spec.input_cls | None,
                                 "Only the items matching this."))
            if self.sort_spec is not None and self.sort_spec.columns:
                args.append(argument("order_by", list[self.sort_spec.input_cls] | None,  # type: ignore[name-defined]
                                 "Sort keys, most significant first."))
            args += page_arguments()
            self._arguments = args
        return self._arguments

    @arguments.setter
    def arguments(self, value: list[StrawberryArgument]) -> None:
        self._arguments = value

    def __copy__(self) -> ListField:
        return ListField(query=self.query, filter_spec=self.filter_spec, sort_spec=self.sort_spec,
                         python_name=self.python_name, graphql_name=self.graphql_name,
                         type_annotation=self.type_annotation, origin=self.origin,
                         description=self.description)

    @property
    def is_basic_field(self) -> bool:
        return False

    def get_result(self, source: Any, info: Any, args: list[Any], kwargs: Any) -> Any:
        actor = info.context.require_actor()
        return list_page(actor, self.query(actor), self.filter_spec, kwargs.get("filter"),
                         self.sort_spec, kwargs.get("order_by"), first=kwargs.get("first"),
                         after=kwargs.get("after"), last=kwargs.get("last"),
                         before=kwargs.get("before"))



async def list_page(actor: Actor, qs: Any, filter_spec: FilterSpec | None, filter_value: Any,
                    sort_spec: SortSpec | None, order_by: list[Any] | None, *,
                    first: int | None, after: str | None, last: int | None,
                    before: str | None) -> Any:
    if filter_spec is not None:
        qs = qs.filter(filter_spec.q(actor, filter_value))
    keys = sort_spec.keys(actor, order_by) if sort_spec is not None else []
    return await paginate(qs, keys, first=first, after=after, last=last, before=before)


def list_field(query: Query, filter_spec: FilterSpec | None, sort_spec: SortSpec | None, *,
               description: str) -> Any:
    return ListField(query=query, filter_spec=filter_spec, sort_spec=sort_spec,
                     description=description)
