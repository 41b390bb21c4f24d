"""Guards that run before anything executes: the query cost budget and the bounds of input
values; and the cap on errors per response.

Every refusal is one GraphQL error with `extensions.code = "LIMIT_REACHED"`, answered with
HTTP 200 and no resolver run (so no SQL).

Input bounds, checked on the raw values before graphql-core coerces them and Strawberry
converts them. What broke without them, all past coercion: 1,000 `or` items overflowed the
stack in Tortoise's Q resolution (the filter builder chains alternatives left-deep), 1,000
`and` items in pypika's SQL rendering, 100 nested `not`s SQLite's parser stack (an INTERNAL
error); 1,000 nested `not`s (2,000 JSON levels) overflowed the JSON decoder before GraphQL
saw them (crm.app answers that); graphql-core refuses values nested past ~200 levels itself.

- depth: nesting of input objects and lists in one argument or variable, at most
  `max_input_depth` (an argument `{name: {eq: "x"}}` is 2 deep);
- inside filters (input types named `*Filter` and anything under them, e.g. `ContactMatch`):
  at most `max_filter_width` items per list, and at most `max_filter_nodes` input objects
  plus list items in one argument or variable.

Lists outside filters (bulk ids, order lines) are not limited here: their services cap them,
and the request body is capped at 1 MB. Literals are checked by a validation rule (so they are
cached with the validation of the document), variables when the operation is about to run. A
variable embedded in a literal is measured on its own, from its own type.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from graphql import (
    ArgumentNode,
    DocumentNode,
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLSchema,
    InlineFragmentNode,
    ListValueNode,
    ObjectValueNode,
    SelectionSetNode,
    ValidationRule,
    VariableDefinitionNode,
)
from graphql.language.visitor import SKIP, VisitorAction
from graphql.utilities import type_from_ast
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from crm.core import quotas, requests
from crm.core.cost import operation_cost, select_operation
from crm.core.errors import ClientError, ErrorCode, RateLimited
from crm.core.lru import LRU, text_key, variables_key
from crm.core.quotas import PREPAID
from crm.settings import Settings, get_settings


class LimitReached(ClientError):
    def __init__(self, message: str, **extra: Any) -> None:
        super().__init__(message, ErrorCode.LIMIT_REACHED, **extra)


# --- input bounds -----------------------------------------------------------------------------

@dataclass(frozen=True)
class InputBounds:
    depth: int
    width: int
    nodes: int

    @classmethod
    def of(cls, settings: Settings) -> InputBounds:
        return cls(settings.max_input_depth, settings.max_filter_width, settings.max_filter_nodes)


def _is_filter(gtype: Any) -> bool:
    return isinstance(gtype, GraphQLInputObjectType) and gtype.name.endswith("Filter")


def _unwrap(gtype: Any) -> Any:
    return gtype.of_type if isinstance(gtype, GraphQLNonNull) else gtype


def _json_children(value: Any) -> tuple[str, Sequence[tuple[Any, Any]]] | None:
    if isinstance(value, dict):
        return "object", list(value.items())
    if isinstance(value, list):
        return "list", list(enumerate(value))
    return None


def _literal_children(value: Any) -> tuple[str, Sequence[tuple[Any, Any]]] | None:
    if isinstance(value, ObjectValueNode):
        return "object", [(f.name.value, f.value) for f in value.fields]
    if isinstance(value, ListValueNode):
        return "list", list(enumerate(value.values))
    return None


def _format_path(path: tuple[Any, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def find_excess(value: Any, gtype: Any, root: str, bounds: InputBounds, *,
                literal: bool = False, in_filter: bool = False) -> LimitReached | None:
    """The first bound `value` (of input type `gtype`, named `root` in messages) breaks.

    Iterative on purpose: the values it guards against are the ones that exhaust a stack."""
    children_of = _literal_children if literal else _json_children
    nodes = 0
    stack: list[tuple[Any, Any, int, bool, tuple[Any, ...]]] = [
        (value, gtype, 0, in_filter, (root,))]
    while stack:
        current, ctype, depth, filtering, path = stack.pop()
        found = children_of(current)
        if found is None:
            continue
        kind, children = found
        depth += 1
        ctype = _unwrap(ctype)
        if depth > bounds.depth:
            return LimitReached(
                f"{root} is nested more than {bounds.depth} levels deep (at {_format_path(path)})",
                inputPath=_format_path(path), maxDepth=bounds.depth)
        if kind == "object":
            filtering = filtering or _is_filter(ctype)
            fields = ctype.fields if isinstance(ctype, GraphQLInputObjectType) else {}
            if filtering:
                nodes += 1
            for key, child in children:
                field = fields.get(key)
                stack.append((child, field.type if field is not None else None, depth,
                              filtering, (*path, key)))
        else:
            item_type = ctype.of_type if isinstance(ctype, GraphQLList) else None
            if filtering or _is_filter(_unwrap(item_type)):
                if len(children) > bounds.width:
                    return LimitReached(
                        f"{_format_path(path)} has {len(children)} items; filters take at most "
                        f"{bounds.width} per list", inputPath=_format_path(path),
                        maxWidth=bounds.width)
                # Objects count themselves when they are walked.
                nodes += sum(1 for _, child in children if children_of(child) is None)
            for index, child in reversed(children):
                stack.append((child, item_type, depth, filtering, (*path, index)))
        if nodes > bounds.nodes:
            return LimitReached(
                f"{root} holds more than {bounds.nodes} filter conditions and items",
                inputPath=_format_path(path), maxNodes=bounds.nodes)
    return None


def input_bounds_rule(bounds: InputBounds) -> type[ValidationRule]:
    """A validation rule checking the literal values of a document (arguments and variable
    defaults). Built once per schema, so the validation cache keeps working."""

    class InputBoundsRule(ValidationRule):
        def enter_argument(self, node: ArgumentNode, *_args: Any) -> VisitorAction:
            argument = self.context.get_argument()
            gtype = argument.type if argument is not None else None
            error = find_excess(node.value, gtype, node.name.value, bounds, literal=True,
                                in_filter=node.name.value == "filter")
            if error is not None:
                self.report_error(_located(error, node))
            return SKIP

        def enter_variable_definition(self, node: VariableDefinitionNode,
                                      *_args: Any) -> VisitorAction:
            if node.default_value is not None:
                gtype = type_from_ast(self.context.schema, node.type)
                name = f"${node.variable.name.value}"
                error = find_excess(node.default_value, gtype, name, bounds, literal=True)
                if error is not None:
                    self.report_error(_located(error, node))
            return SKIP

    return InputBoundsRule


def _located(error: LimitReached, node: Any) -> GraphQLError:
    return GraphQLError(error.message, nodes=node, extensions=error.extensions)


def find_excess_in_variables(schema: GraphQLSchema, operation: Any,
                             variables: Mapping[str, Any], bounds: InputBounds,
                             ) -> LimitReached | None:
    for definition in operation.variable_definitions or ():
        name = definition.variable.name.value
        if name not in variables:
            continue
        gtype = type_from_ast(schema, definition.type)
        error = find_excess(variables[name], gtype, f"${name}", bounds)
        if error is not None:
            return error
    return None


# --- fragment fan-out ---------------------------------------------------------------------------

def expanded_size(document: DocumentNode, cap: int) -> int:
    """How many selections the document's operations hold once every fragment spread is
    replaced by its fragment, counted once per fragment (so counting costs the document's size,
    not its expansion); any number over `cap` means "too many"."""
    fragments = {d.name.value: d for d in document.definitions
                 if isinstance(d, FragmentDefinitionNode)}
    sizes: dict[str, int] = {}

    def of_set(selection_set: SelectionSetNode | None, seen: frozenset[str]) -> int:
        total = 0
        for sel in selection_set.selections if selection_set is not None else ():
            if isinstance(sel, FieldNode):
                total += 1 + of_set(sel.selection_set, seen)
            elif isinstance(sel, InlineFragmentNode):
                total += of_set(sel.selection_set, seen)
            elif isinstance(sel, FragmentSpreadNode):
                total += of_fragment(sel.name.value, seen)
            if total > cap:
                break
        return total

    def of_fragment(name: str, seen: frozenset[str]) -> int:
        if name not in sizes:
            fragment = fragments.get(name)
            if fragment is None or name in seen:
                return 0  # unknown or cyclic: validation reports it
            sizes[name] = of_set(fragment.selection_set, seen | {name})
        return sizes[name]

    try:
        return sum(of_set(d.selection_set, frozenset()) for d in document.definitions
                   if not isinstance(d, FragmentDefinitionNode) and hasattr(d, "selection_set"))
    except RecursionError:  # a chain of fragments deeper than Python's stack
        return cap + 1


class FragmentFanOut(SchemaExtension):
    """Refuses, before validation, a document that expands through its fragments to more
    selections than it could spell out within the token limit (fragments spreading each other
    twice, forty deep, are a few hundred tokens and 10**12 selections): the validators of depth
    and aliases walk every expansion, so such a document would hold a worker for hours.
    Listed before the validation cache, which validates in its own hook."""

    def on_validate(self) -> Iterator[None]:
        ctx = self.execution_context
        document = ctx.graphql_document
        if document is not None:
            cap = get_settings().max_tokens
            # Counted on every request (it costs the document's size): a cache keyed by the
            # text would keep up to a megabyte per entry.
            if expanded_size(document, cap) > cap:
                raise LimitReached(
                    f"This document expands through its fragments to more than {cap} "
                    "selections: spread fewer fragments into each other", maxSelections=cap)
        yield


# --- the extension ----------------------------------------------------------------------------

# The cost of an operation depends on its text and variables only: a repeated query is not
# walked again.
COSTS: LRU[int] = LRU(1024)

class RequestLimits(SchemaExtension):
    """Refuses, before execution, variables out of bounds and operations over the cost
    budget; reports every operation's cost in the response's `extensions.cost`."""

    def __init__(self) -> None:
        self.cost = 0

    async def on_execute(self) -> AsyncIterator[None]:  # type: ignore[override]
        ctx = self.execution_context
        document = ctx.graphql_document
        operation = select_operation(document, ctx.operation_name) if document else None
        if document is not None and operation is not None and ctx.result is None:
            settings = get_settings()
            schema = ctx.schema._schema
            variables = ctx.variables or {}
            written = variables_key(variables)
            key = (text_key(ctx.query, ctx.operation_name), written)
            cost = COSTS.get(key) if written is not None else None
            if cost is None:
                cost = operation_cost(schema, document, ctx.operation_name, variables)
                if written is not None:
                    COSTS.put(key, cost)
            self.cost = cost
            refusal: GraphQLError | None = find_excess_in_variables(
                schema, operation, variables, InputBounds.of(settings))
            if refusal is None and self.cost > settings.max_query_cost:
                refusal = LimitReached(
                    f"This operation costs {self.cost}, over the budget of "
                    f"{settings.max_query_cost}: ask for smaller pages or fewer nested lists",
                    cost=self.cost, maxCost=settings.max_query_cost)
            actor = getattr(ctx.context, "actor", None)
            info = requests.current()
            if info is not None and info.notes.get(PREPAID) == key:
                info.notes.pop(PREPAID)  # the kept statements charged it before handing it back
            elif refusal is None and actor is not None:
                try:
                    await quotas.spend(actor, self.cost)
                except RateLimited as exc:
                    refusal = exc.as_error()
            if refusal is not None:
                if ctx.operation_type is OperationType.SUBSCRIPTION:
                    # Strawberry starts a subscription whatever result this sets: refuse it
                    # by raising, which ends the operation with this one error.
                    raise refusal
                ctx.result = ExecutionResult(data=None, errors=[refusal])
        yield

    def get_results(self) -> dict[str, Any]:
        return {"cost": self.cost}


# --- errors per response ----------------------------------------------------------------------

def cap_errors(errors: list[GraphQLError], limit: int) -> list[GraphQLError]:
    """At most `limit` errors, and one more saying how many were left out."""
    if len(errors) <= limit:
        return errors
    dropped = len(errors) - limit
    return [*errors[:limit], GraphQLError(
        f"{dropped} more errors were left out of this response (at most {limit} are listed)",
        extensions={"code": ErrorCode.LIMIT_REACHED.value, "dropped": dropped,
                    "maxErrors": limit})]
