"""Logs: one JSON object a line (or plain text), each carrying the request id it belongs to."""

from __future__ import annotations

import logging
import sys

from pythonjsonlogger.json import JsonFormatter

from crm.core.requests import current

_TEXT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"


class RequestIdFilter(logging.Filter):
    """Stamps every record with the id of the request being served ('-' outside one)."""

    def filter(self, record: logging.LogRecord) -> bool:
        # uvicorn attaches a copy of its message with terminal colours: noise in a JSON line.
        record.__dict__.pop("color_message", None)
        info = current()
        if not hasattr(record, "request_id"):
            record.request_id = info.request_id if info else "-"
        if info and info.client_request_id and not hasattr(record, "client_request_id"):
            record.client_request_id = info.client_request_id
        return True


def configure_logging(settings: object) -> None:
    fmt = getattr(settings, "log_format", "json")
    level = getattr(settings, "log_level", "INFO")
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(RequestIdFilter())
    if fmt == "json":
        handler.setFormatter(JsonFormatter(
            "%(levelname)s %(name)s %(message)s %(request_id)s",
            rename_fields={"levelname": "level", "name": "logger"},
            timestamp="time",
        ))
    else:
        handler.setFormatter(logging.Formatter(_TEXT))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in ("uvicorn", "uvicorn.error"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
    # Tortoise says "shutdown" and "init" at INFO on every command: noise for an operator.
    logging.getLogger("tortoise").setLevel(max(logging.WARNING, root.level))
    # Our access line replaces uvicorn's (it has the request id and the operation).
    logging.getLogger("uvicorn.access").disabled = True
