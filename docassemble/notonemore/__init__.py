"""docassemble.notonemore: the #Not1More step-by-step campaign guide as a docassemble interview."""

__version__ = "0.1.0"

# The data type of the long lists (datatype: plainchoice) must be known before docassemble reads the
# questions that use it; docassemble imports this package to find them, before any `modules` block runs.
from . import choices  # noqa: E402,F401
