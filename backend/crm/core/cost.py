"""The cost of an operation, computed from its selection before anything executes.

Every object a response can hold costs the weight of the field that returns it (1 unless a
hint says otherwise); leaves (scalars and enums) cost nothing. A field that returns several
objects multiplies everything under it by how many it may return:

- a paged field (it takes `first`/`last`): the value asked for (variables resolved), else the
  argument's schema default, else `DEFAULT_PAGE`. For a connection the page size multiplies
  its `edges`; the connection object and its `pageInfo` and `totalCount` exist once.
- a plain list: the size registered with `register_cost_hint`, else `DEFAULT_LIST_SIZE`.

So `customers(first: 100) { pageInfo { hasNextPage } edges { node { name owner { name } } } }`
costs 1 (the connection) + 1 (pageInfo) + 100 (customers) + 100 (owners) = 202. The edge
wrappers weigh 0: they hold nothing a node does not; a connection's `totalCount` weighs 1 (it
is a COUNT statement). Modules register hints for their fields in their `cost.py`.

Fragments (named and inline) are flattened like the executor does, fields of one response key
are merged, and fields skipped by `@skip`/`@include` cost nothing. On an interface or union
the cost is that of the most expensive type the object could be, since it is only one.

The cost is linear in the multiplier of a selection, so each (type, selection) is costed once
at multiplier 1 and scaled: fragments spread many times, or a fragment bomb, cost a walk each.
Only validated documents are costed (validation has ruled out unknown fields and cycles).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from graphql import (
    BooleanValueNode,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
    InlineFragmentNode,
    IntValueNode,
    ListValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValueNode,
    VariableNode,
    get_named_type,
    is_abstract_type,
    is_leaf_type,
    is_list_type,
)
from graphql.pyutils import Undefined
from graphql.type import SchemaMetaFieldDef, TypeMetaFieldDef, TypeNameMetaFieldDef

from crm.core.connections import DEFAULT_PAGE

DEFAULT_LIST_SIZE = 10
OBJECT_WEIGHT = 1
LEAF_WEIGHT = 0


@dataclass(frozen=True)
class CostHint:
    """How many items a list field returns per parent (`size`), what each costs (`weight`),
    or which list argument gives the size (`size_arg`, e.g. `nodes(ids:)`)."""

    size: int | None = None
    weight: int | None = None
    size_arg: str | None = None


_HINTS: dict[tuple[str, str], CostHint] = {}


def register_cost_hint(type_name: str, field_name: str, *, size: int | None = None,
                       weight: int | None = None, size_arg: str | None = None) -> None:
    """Tell the cost what a field really returns: `Customer.contacts` holds a handful, a
    computed field that runs a query of its own may weigh more than 1."""
    if (size is not None and size < 0) or (weight is not None and weight < 0):
        raise ValueError(f"Cost hint of {type_name}.{field_name} must not be negative")
    _HINTS[(type_name, field_name)] = CostHint(size=size, weight=weight, size_arg=size_arg)


def cost_hint(type_name: str, field_name: str) -> CostHint | None:
    return _HINTS.get((type_name, field_name))


def unknown_hints(schema: GraphQLSchema) -> list[str]:
    """Hints naming a type or field the schema does not have (renamed, removed, misspelt)."""
    missing = []
    for type_name, field_name in _HINTS:
        gtype = schema.type_map.get(type_name)
        fields = getattr(gtype, "fields", None)
        if not fields or field_name not in fields:
            missing.append(f"{type_name}.{field_name}")
    return sorted(missing)


# Introspection: a field that points at a type the response already lists (`ofType`, a
# field's `type`) adds no object worth counting, while its lists still multiply, so nested
# introspection (types > fields > type > fields > ...) stays bounded.
for _type, _field in (("__Schema", "queryType"), ("__Schema", "mutationType"),
                      ("__Schema", "subscriptionType"), ("__Type", "ofType"),
                      ("__Field", "type"), ("__InputValue", "type")):
    register_cost_hint(_type, _field, weight=0)


def _is_connection(gtype: Any) -> bool:
    return (isinstance(gtype, GraphQLObjectType) and "edges" in gtype.fields
            and "pageInfo" in gtype.fields)


class _Coster:
    def __init__(self, schema: GraphQLSchema, fragments: dict[str, FragmentDefinitionNode],
                 operation: OperationDefinitionNode, variables: Mapping[str, Any]) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self.defaults = {
            d.variable.name.value: d.default_value
            for d in operation.variable_definitions or ()
            if d.default_value is not None
        }
        self.memo: dict[tuple[str, tuple[int, ...], int | None], int] = {}

    # --- values ---------------------------------------------------------------------------

    def value(self, node: ValueNode | None) -> Any:
        """The plain value of a literal or variable, as far as the cost needs one: ints,
        booleans and list lengths; anything else is None (coercion will judge it)."""
        if isinstance(node, VariableNode):
            name = node.name.value
            if name in self.variables:
                return self.variables[name]
            return self.value(self.defaults.get(name))
        if isinstance(node, IntValueNode):
            return int(node.value)
        if isinstance(node, BooleanValueNode):
            return node.value
        if isinstance(node, ListValueNode):
            return [self.value(v) for v in node.values]
        return None

    def argument(self, field: FieldNode, name: str) -> Any:
        for arg in field.arguments or ():
            if arg.name.value == name:
                return self.value(arg.value)
        return Undefined

    def included(self, node: FieldNode | FragmentSpreadNode | InlineFragmentNode) -> bool:
        for directive in node.directives or ():
            name = directive.name.value
            if name not in ("skip", "include"):
                continue
            condition = next((self.value(a.value) for a in directive.arguments or ()
                              if a.name.value == "if"), None)
            if isinstance(condition, bool) and condition == (name == "skip"):
                return False
        return True

    # --- selections -----------------------------------------------------------------------

    def matches(self, type_condition: str | None, runtime: GraphQLObjectType) -> bool:
        if type_condition is None or type_condition == runtime.name:
            return True
        condition = self.schema.get_type(type_condition)
        return is_abstract_type(condition) and self.schema.is_sub_type(
            condition, runtime)  # type: ignore[arg-type]

    def collect(self, runtime: GraphQLObjectType, selection_sets: Sequence[SelectionSetNode],
                ) -> dict[str, list[FieldNode]]:
        """The fields an object of `runtime` type gets, by response key (as the executor
        groups them), through fragments whose condition it meets and not skipped."""
        fields: dict[str, list[FieldNode]] = {}
        visited: set[str] = set()
        pending: list[SelectionSetNode] = list(selection_sets)
        while pending:
            selection_set = pending.pop()
            for selection in selection_set.selections:
                if not self.included(selection):  # type: ignore[arg-type]
                    continue
                if isinstance(selection, FieldNode):
                    key = (selection.alias or selection.name).value
                    fields.setdefault(key, []).append(selection)
                elif isinstance(selection, InlineFragmentNode):
                    condition = selection.type_condition
                    if self.matches(condition.name.value if condition else None, runtime):
                        pending.append(selection.selection_set)
                elif isinstance(selection, FragmentSpreadNode):
                    name = selection.name.value
                    fragment = self.fragments.get(name)
                    # A fragment spread twice into one object yields its fields once.
                    if name in visited or fragment is None:
                        continue
                    visited.add(name)
                    if self.matches(fragment.type_condition.name.value, runtime):
                        pending.append(fragment.selection_set)
        return fields

    def selection_cost(self, parent: Any, selection_sets: Sequence[SelectionSetNode],
                       page: int | None = None) -> int:
        """The cost of one object of type `parent` with these selections (multiplier 1)."""
        key = (parent.name, tuple(id(s) for s in selection_sets), page)
        cached = self.memo.get(key)
        if cached is not None:
            return cached
        if isinstance(parent, GraphQLInterfaceType | GraphQLUnionType):
            runtimes = self.schema.get_possible_types(parent)
            cost = max((self.object_cost(t, selection_sets, page) for t in runtimes), default=0)
        else:
            cost = self.object_cost(parent, selection_sets, page)
        self.memo[key] = cost
        return cost

    def object_cost(self, runtime: GraphQLObjectType, selection_sets: Sequence[SelectionSetNode],
                    page: int | None) -> int:
        total = 0
        for nodes in self.collect(runtime, selection_sets).values():
            total += self.field_cost(runtime, nodes, page)
        return total

    def field_def(self, parent: GraphQLObjectType, name: str) -> GraphQLField | None:
        if name == "__typename":
            return TypeNameMetaFieldDef
        if parent is self.schema.query_type and name == "__schema":
            return SchemaMetaFieldDef
        if parent is self.schema.query_type and name == "__type":
            return TypeMetaFieldDef
        return parent.fields.get(name)

    def hint(self, parent: GraphQLObjectType, name: str) -> CostHint | None:
        found = cost_hint(parent.name, name)
        if found is None:
            for interface in parent.interfaces:
                found = cost_hint(interface.name, name)
                if found is not None:
                    break
        return found

    def field_cost(self, parent: GraphQLObjectType, nodes: list[FieldNode],
                   page: int | None) -> int:
        """Cost of one response key of one `parent` object: the objects it returns times
        their weight, plus what is selected under each of them. `page` is the page size
        asked of `parent` when it is a connection."""
        first = nodes[0]
        name = first.name.value
        definition = self.field_def(parent, name)
        if definition is None:
            return 0
        hint = self.hint(parent, name)
        hinted_weight = hint.weight if hint is not None else None
        target = get_named_type(definition.type)
        if is_leaf_type(target):
            if hinted_weight is not None:
                return hinted_weight
            # A count is a statement of its own, unlike the columns of a loaded row.
            return OBJECT_WEIGHT if name == "totalCount" and _is_connection(parent) else LEAF_WEIGHT
        weight = OBJECT_WEIGHT if hinted_weight is None else hinted_weight
        items = 1
        child_page: int | None = None
        if "first" in definition.args or "last" in definition.args:
            size = self.page_size(definition, first)
            if _is_connection(target):
                child_page = size
            else:
                items = size
        elif _is_connection(parent) and name == "edges":
            # The wrappers of a connection's items: the nodes under them carry the weight.
            items = page if page is not None else DEFAULT_PAGE
            weight = 0 if hinted_weight is None else hinted_weight
        elif _is_list(definition.type):
            items = self.list_size(first, hint)
        selection_sets = [n.selection_set for n in nodes if n.selection_set is not None]
        children = self.selection_cost(target, selection_sets, child_page) if selection_sets else 0
        return items * (weight + children)

    def page_size(self, definition: GraphQLField, node: FieldNode) -> int:
        sizes = []
        for arg in ("first", "last"):
            if arg not in definition.args:
                continue
            value = self.argument(node, arg)
            if value is Undefined or value is None:
                value = definition.args[arg].default_value
            if isinstance(value, int) and not isinstance(value, bool):
                sizes.append(max(value, 0))
        return max(sizes) if sizes else DEFAULT_PAGE

    def list_size(self, node: FieldNode, hint: CostHint | None) -> int:
        if hint is not None and hint.size_arg is not None:
            value = self.argument(node, hint.size_arg)
            if isinstance(value, list):
                return len(value)
        if hint is not None and hint.size is not None:
            return hint.size
        return DEFAULT_LIST_SIZE


def _is_list(gtype: Any) -> bool:
    return is_list_type(gtype.of_type if isinstance(gtype, GraphQLNonNull) else gtype)


def select_operation(document: DocumentNode, operation_name: str | None,
                     ) -> OperationDefinitionNode | None:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is None:
        return operations[0] if len(operations) == 1 else None
    return next((o for o in operations if o.name and o.name.value == operation_name), None)


def operation_cost(schema: GraphQLSchema, document: DocumentNode,
                   operation_name: str | None = None,
                   variables: Mapping[str, Any] | None = None) -> int:
    """The cost of the operation `operation_name` of a validated document, with the variables
    as the client sent them (before coercion)."""
    operation = select_operation(document, operation_name)
    if operation is None:
        return 0
    root = schema.get_root_type(operation.operation)
    if root is None:
        return 0
    fragments = {d.name.value: d for d in document.definitions
                 if isinstance(d, FragmentDefinitionNode)}
    coster = _Coster(schema, fragments, operation, variables or {})
    return coster.selection_cost(root, [operation.selection_set])
