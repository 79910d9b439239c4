"""The exception tree, drawn in one place.

Every error carries a stable code (``E1xx`` input, ``E2xx`` resources, ``E3xx`` store, ``E4xx``
configuration) so that a batch log can be grepped and a user can look the code up in docs/errors.md.
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose."""

    code = "E000"

    def __init__(self, code: str | None = None, message: str = "", *, origin: str | None = None) -> None:
        if code:
            self.code = code
        self.message = message
        self.origin = origin
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = f"{self.origin}: " if self.origin else ""
        return f"[{self.code}] {where}{self.message}"

    def with_origin(self, origin: str) -> EventwireError:
        return type(self)(self.code, self.message, origin=origin)


class InputError(EventwireError):
    """The input cannot be read as an English news article (empty, binary, too large, ...)."""

    code = "E100"


class ResourceError(EventwireError):
    """A model or data file eventwire needs is not installed, or the server has no capacity left."""

    code = "E200"


class StoreError(EventwireError):
    """The database cannot be opened or written."""

    code = "E300"


class ConfigError(EventwireError):
    """A setting or option is invalid."""

    code = "E400"


# The catalogue of input errors: one line each, so messages stay consistent everywhere.
E_EMPTY = "E101"
E_BAD_DATE = "E102"
E_BINARY = "E103"
E_ENCODING = "E104"
E_TOO_LARGE = "E105"
E_NOT_FOUND = "E106"
E_NOT_ENGLISH = "E107"
E_BAD_HTML = "E108"
E_BAD_FEED = "E109"
E_BAD_DUMP = "E110"
E_NOT_REGULAR = "E111"
E_MODEL_MISSING = "E201"
E_GAZETTEER = "E202"
E_WEB_ASSETS = "E210"
E_BUSY = "E220"
E_TIME_BUDGET = "E221"
E_STORE_OPEN = "E301"
E_STORE_WRITE = "E302"
E_BAD_URL = "E401"
E_BAD_SETTING = "E406"
E_UNEXPECTED = "E500"


def exit_code_for(exc: EventwireError) -> int:
    """The CLI's exit status for an error that stops a whole command (docs/cli.md, "Exit codes").

    An input error is one item failing (1); anything else means the command could not run at all:
    a store that cannot be opened, a bad option, a missing model (2)."""
    return 1 if isinstance(exc, InputError) else 2
