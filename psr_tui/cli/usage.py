"""A user error on the command line: one line on stderr, exit status 2."""


class UsageError(Exception):
    pass
