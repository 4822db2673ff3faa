"""Errors that reach the user as one line: bad input, bad usage. Everything else is a bug."""


class EventdeskError(Exception):
    """Base class: its message is shown to the user as it is."""


class InputError(EventdeskError):
    """An input that cannot be read or processed (the batch goes on without it)."""


class UsageError(EventdeskError):
    """A command used wrongly (exit status 2)."""
