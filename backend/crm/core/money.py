"""Money: exact decimals on the wire, integer minor units in the database.

Amounts travel as the `Decimal` scalar (a string) and are stored as integer minor units plus an
ISO 4217 currency code, so SQLite and PostgreSQL store, compare and SUM them exactly.
"""

from __future__ import annotations

import decimal
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import strawberry
from graphql import GraphQLError

# Currencies whose minor unit is not 1/100 (ISO 4217); every other code uses 2 places.
_EXPONENTS = {"JPY": 0, "KRW": 0, "VND": 0, "CLP": 0, "ISK": 0, "BHD": 3, "KWD": 3, "JOD": 3,
              "OMR": 3, "TND": 3, "LYD": 3, "IQD": 3}
MAX_DIGITS = 18
MAX_PLACES = 6
# Digits with an optional sign, point and exponent. Python's Decimal also reads "1_000" and
# " 1 " as numbers; an amount a person typed with a separator is more likely a mistake.
_DECIMAL_TEXT = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
MAX_MINOR = 10**15


def _parse_decimal(value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise GraphQLError("Decimal must be a string such as \"12.50\" (or an integer)")
    text = str(value).strip()
    if text.lstrip("+-").lower() in ("nan", "snan", "inf", "infinity"):
        raise GraphQLError("Decimal must be finite: NaN and infinity are refused")
    if not _DECIMAL_TEXT.match(text):
        raise GraphQLError(f"{str(value)[:40]!r} is not a decimal number such as \"1234.50\"")
    try:
        d = Decimal(text)
    except decimal.InvalidOperation:
        raise GraphQLError(f"{value!r} is not a decimal number") from None
    if not d.is_finite():
        raise GraphQLError("Decimal must be finite: NaN and infinity are refused")
    exponent = d.as_tuple().exponent
    assert isinstance(exponent, int)
    if -exponent > MAX_PLACES:
        raise GraphQLError(f"Decimal has more than {MAX_PLACES} decimal places")
    if len(d.as_tuple().digits) + max(exponent, 0) > MAX_DIGITS:
        raise GraphQLError(f"Decimal has more than {MAX_DIGITS} digits")
    return d


def _serialize_decimal(value: Decimal) -> str:
    return format(value, "f")


DecimalScalar = strawberry.scalar(
    name="Decimal",
    description="An exact decimal number as a string, e.g. \"1234.50\". NaN, infinity and more "
    f"than {MAX_PLACES} decimal places are refused.",
    serialize=_serialize_decimal,
    parse_value=_parse_decimal,
)


def exponent_of(currency: str) -> int:
    return _EXPONENTS.get(currency, 2)


def valid_currency(currency: str) -> bool:
    return len(currency) == 3 and currency.isascii() and currency.isalpha() and currency.isupper()


def to_minor(amount: Decimal, currency: str) -> int:
    """Minor units of an amount; refuses (never rounds) more places than the currency has."""
    places = exponent_of(currency)
    scaled = amount.scaleb(places)
    if scaled != scaled.to_integral_value():
        raise ValueError(f"{currency} amounts have at most {places} decimal places")
    return int(scaled)


def from_minor(minor: int, currency: str) -> Decimal:
    places = exponent_of(currency)
    return Decimal(minor).scaleb(-places).quantize(Decimal(1).scaleb(-places))


@dataclass(frozen=True)
class MoneyValue:
    amount: Decimal
    currency: str

    @classmethod
    def from_minor(cls, minor: int | None, currency: str | None) -> MoneyValue | None:
        if minor is None or currency is None:
            return None
        return cls(from_minor(minor, currency), currency)


@strawberry.type(name="Money", description="An exact amount in one currency.")
class Money:
    amount: Decimal = strawberry.field(
        description="The exact amount, as a decimal string (e.g. \"1299.50\").")
    currency: str = strawberry.field(description="The ISO 4217 code, e.g. CNY.")

    @classmethod
    def of(cls, minor: int | None, currency: str | None) -> Money | None:
        if minor is None or currency is None:
            return None
        return cls(amount=from_minor(minor, currency), currency=currency)


@strawberry.input(name="MoneyInput", description="An exact amount in one currency.")
class MoneyInput:
    amount: Decimal = strawberry.field(
        description="The amount as a decimal string, at most the currency's minor digits.")
    currency: str = strawberry.field(description="The ISO 4217 code, e.g. CNY.")


def parse_money(amount: Decimal, currency: str, field: str = "amount", *,
                allow_negative: bool = False) -> int:
    """Validated minor units of an input amount: a ServiceError names the field, never rounds."""
    from crm.core.errors import ErrorCode, ServiceError

    if not valid_currency(currency):
        raise ServiceError(ErrorCode.INVALID, f"{currency!r} is not an ISO 4217 currency code",
                           f"{field}.currency")
    if amount < 0 and not allow_negative:
        raise ServiceError(ErrorCode.INVALID, "Amount must not be negative", f"{field}.amount")
    try:
        minor = to_minor(amount, currency)
    except ValueError as exc:
        raise ServiceError(ErrorCode.INVALID, str(exc), f"{field}.amount") from None
    if abs(minor) >= MAX_MINOR:
        raise ServiceError(ErrorCode.INVALID, "Amount is too large", f"{field}.amount")
    return minor


def round_half_up(value: Decimal) -> int:
    """The nearest integer, halves away from zero (the commercial rounding of amounts)."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def parse_percent(value: Decimal, field: str) -> int:
    """Basis points of a percentage between 0 and 100 with at most two decimals."""
    from crm.core.errors import ErrorCode, ServiceError
    if value < 0 or value > 100:
        raise ServiceError(ErrorCode.INVALID, "A percentage is between 0 and 100", field)
    bp = value * 100
    if bp != bp.to_integral_value():
        raise ServiceError(ErrorCode.INVALID, "A percentage has at most two decimals", field)
    return int(bp)


def percent_of(bp: int) -> Decimal:
    """A percentage with two places from basis points."""
    return (Decimal(bp) / Decimal(100)).quantize(Decimal("0.01"))


def format_money(minor: int, currency: str) -> str:
    return f"{from_minor(minor, currency)} {currency}"


# The metadata key of a Money field made from the row's own columns (see money_field).
MONEY_TERMS = "crm.money_terms"


def money_field(*terms: str, description: str, currency: str = "currency") -> Any:
    """A Money field of the row's columns: the sum of `terms` (minor-unit columns; a leading
    "-" subtracts one) in the currency of column `currency`. Declared as data, so that compiled
    reads build it in SQL as the resolver builds it here."""
    columns = [(t.lstrip("-"), -1 if t.startswith("-") else 1) for t in terms]

    def resolve(root: strawberry.Parent[Any]) -> Money | None:
        total = 0
        for column, sign in columns:
            value = getattr(root, column)
            if value is None:
                return None
            total += sign * value
        return Money.of(total, getattr(root, currency))

    return strawberry.field(resolver=resolve, description=description,
                            metadata={MONEY_TERMS: (tuple(columns), currency)})


def exponents() -> dict[str, int]:
    """The currencies whose minor unit is not a hundredth, with their exponent."""
    return dict(_EXPONENTS)
