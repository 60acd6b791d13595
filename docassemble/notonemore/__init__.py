"""docassemble.notonemore: the #Not1More step-by-step campaign guide as a docassemble interview."""

__version__ = "0.1.0"
