"""A client reads the schema, not our code: every element of the public schema says what it is.

Third parties and the SPA's generated types take their documentation from the SDL, so a type,
field, argument, input field or enum value without a description is a question nobody can
answer from outside.
"""

from __future__ import annotations

from enum import Enum

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
    build_schema,
)

from crm.core.enums import public_enum
from crm.schema import export_sdl

# Scalars the GraphQL spec defines: their meaning is the spec's, and the SDL does not print them.
BUILT_IN = {"String", "Int", "Float", "Boolean", "ID"}


def undescribed(schema: GraphQLSchema) -> tuple[int, list[str]]:
    """(how many elements the schema has, the coordinates of those without a description)."""
    count, missing = 0, []

    def check(coordinate: str, description: str | None) -> None:
        nonlocal count
        count += 1
        if not (description or "").strip():
            missing.append(coordinate)

    for name, named in schema.type_map.items():
        if name.startswith("__") or name in BUILT_IN:
            continue
        check(name, named.description)
        if isinstance(named, GraphQLObjectType | GraphQLInterfaceType):
            for field_name, field in named.fields.items():
                check(f"{name}.{field_name}", field.description)
                for arg_name, arg in field.args.items():
                    check(f"{name}.{field_name}({arg_name}:)", arg.description)
        elif isinstance(named, GraphQLInputObjectType):
            for field_name, input_field in named.fields.items():
                check(f"{name}.{field_name}", input_field.description)
        elif isinstance(named, GraphQLEnumType):
            for value_name, value in named.values.items():
                check(f"{name}.{value_name}", value.description)
        elif isinstance(named, GraphQLUnionType):
            pass  # a union's description is its only text
    return count, missing


def test_every_element_of_the_published_schema_has_a_description():
    # Read back from the SDL we publish, so what is checked is what clients receive.
    count, missing = undescribed(build_schema(export_sdl()))
    assert count > 1500, count  # the whole graph, not an empty schema passing by accident
    assert not missing, f"{len(missing)} of {count} elements have no description:\n" + \
        "\n".join(missing)


def test_the_check_notices_one_missing_description():
    sdl = '"""Reads."""\ntype Query {\n  """Described."""\n  a(x: Int): Int\n  b: Int\n}\n'
    count, missing = undescribed(build_schema(sdl))
    assert (count, missing) == (4, ["Query.a(x:)", "Query.b"])


def test_a_public_enum_refuses_a_value_without_a_description():
    class Colour(Enum):
        RED = "red"
        BLUE = "blue"

    with pytest.raises(ValueError, match=r"missing \['BLUE'\]"):
        public_enum(Colour, name="Colour", description="A colour.", values={"RED": "Red."})


def test_a_public_enum_carries_each_value_description_into_the_schema():
    class Shade(Enum):
        DARK = "dark"
        LIGHT = "light"

    public_enum(Shade, name="Shade", description="A shade.",
                values={"DARK": "Little light.", "LIGHT": "Much light."})
    values = {v.name: v.description for v in Shade.__strawberry_definition__.values}  # type: ignore[attr-defined]
    assert values == {"DARK": "Little light.", "LIGHT": "Much light."}
