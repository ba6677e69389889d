"""Errors the optimizer reports as one clear line."""


class OptimizerError(Exception):
    """A failure the user must see as one clear line (exit code 1, or 2 for usage)."""

    def __init__(self, message, exit_code=1):
        super().__init__(message)
        self.exit_code = exit_code


class WorkerError(Exception):
    """The worker answered a request with an error, or died: the trial fails."""
