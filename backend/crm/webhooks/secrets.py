"""Signing secrets at rest: sealed with Fernet (AES-128-CBC + HMAC-SHA256, from
`cryptography`) under a key derived from SECRET_KEY by HKDF-SHA256 with a purpose label of its
own, so the key that signs tokens never touches webhook secrets and a leaked database dump
holds no usable secret.

The relay must sign with the secret, so it is encrypted, not hashed. Changing SECRET_KEY makes
the sealed secrets unreadable: deliveries then fail with a message saying so until each
endpoint's secret is rotated.
"""

from __future__ import annotations

import base64
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from crm.settings import get_settings

# What sealed values start with; a plain secret starts with `whsec_`.
SEALED = "v1:"
PLAIN = "whsec_"
_PURPOSE = b"crm/webhooks/signing-secret/v1"


class SecretUnreadable(Exception):
    """A sealed secret this SECRET_KEY cannot open (the key changed, or the value is damaged)."""


@lru_cache(maxsize=4)
def _fernet(secret_key: str) -> Fernet:
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                   info=_PURPOSE).derive(secret_key.encode())
    return Fernet(base64.urlsafe_b64encode(derived))


def seal(secret: str) -> str:
    """The stored form of a signing secret."""
    token = _fernet(get_settings().secret_key).encrypt(secret.encode())
    return SEALED + token.decode()


def is_sealed(stored: str) -> bool:
    return stored.startswith(SEALED)


def reveal(stored: str) -> str:
    """The signing secret of a stored value. A plain one (a row the migration did not reach,
    e.g. written by an older process during a rolling deploy) is returned as it is."""
    if not is_sealed(stored):
        return stored
    try:
        return _fernet(get_settings().secret_key).decrypt(
            stored[len(SEALED):].encode()).decode()
    except InvalidToken:
        raise SecretUnreadable("the signing secret cannot be decrypted with this SECRET_KEY; "
                               "rotate the endpoint's secret") from None
