"""Render a DOCX template without an interview, and save templates the way LibreOffice does.

``render_text(path, truthy)`` renders a template with docxtpl and a Jinja environment like
docassemble's for DOCX (its filter names, its fixing of Word's curly quotes inside tags), where every name the template uses is a
``Placeholder`` that prints its own name (``«client.name.first»``). With ``truthy=True`` every
``{%p if %}`` is taken and every ``{%p for %}`` runs once; with ``truthy=False`` the ``else``
branches and empty loops are taken. Two templates that render the same text for both are the
same document for an interview's values, whatever their XML looks like.

``LibreOfficeSave(paths)`` opens each template in LibreOffice and saves it as Word (what an
attorney's "Save as Word" in LibreOffice Writer does), all in one ``soffice`` call, started in
the background so that it runs while other tests do.
"""
from __future__ import annotations

import ast
import atexit
import functools
import importlib.util
import io
import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any, Iterable, Iterator

import jinja2

from tests.support.documents import docx_text


class Placeholder:
    """A value for any name a template uses: prints its name, answers every attribute, item and call."""

    def __init__(self, name: str, truthy: bool) -> None:
        self._name, self._truthy = name, truthy

    def _child(self, name: str) -> "Placeholder":
        return Placeholder(name, self._truthy)

    def __getattr__(self, attribute: str) -> "Placeholder":
        if attribute.startswith("__"):
            raise AttributeError(attribute)
        return self._child(f"{self._name}.{attribute}")

    def __getitem__(self, key: Any) -> "Placeholder":
        return self._child(f"{self._name}[{key!r}]")

    def __call__(self, *args: Any, **kwargs: Any) -> "Placeholder":
        return self._child(f"{self._name}()")

    def __iter__(self) -> Iterator["Placeholder"]:
        return iter([self._child(f"{self._name}[0]")] if self._truthy else [])

    def __len__(self) -> int:
        return 1 if self._truthy else 0

    def __bool__(self) -> bool:
        return self._truthy

    def __eq__(self, other: object) -> bool:
        return self._truthy

    def __ne__(self, other: object) -> bool:
        return not self._truthy

    __lt__ = __le__ = __gt__ = __ge__ = __contains__ = __eq__

    def __hash__(self) -> int:
        return hash(self._name)

    def __str__(self) -> str:
        return f"«{self._name}»"

    __repr__ = __str__

    def __add__(self, other: Any) -> "Placeholder":
        return self._child(f"{self._name}+")

    __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = __mod__ = __add__


def _permissive(filter_function):
    """A filter that, given a placeholder, names the filtering instead of failing on it."""
    name = getattr(filter_function, "__name__", "filter")
    passed = getattr(filter_function, "jinja_pass_arg", None)   # jinja's filters that take the environment first
    if passed is None:
        def run(value, *args, **kwargs):
            if isinstance(value, Placeholder):
                return value._child(f"{value._name}|{name}")
            return filter_function(value, *args, **kwargs)
        return run

    def run_passed(first, value, *args, **kwargs):
        if isinstance(value, Placeholder):
            return value._child(f"{value._name}|{name}")
        return filter_function(first, value, *args, **kwargs)
    run_passed.jinja_pass_arg = passed
    return run_passed


# filters that take str(value) (jinja's own), which a placeholder gives; every other filter names itself
_STRING_FILTERS = {"striptags", "string", "trim", "e", "escape", "safe"}


@functools.lru_cache(maxsize=None)
def docassemble_filter_names() -> frozenset[str]:
    """The filters docassemble adds to a DOCX template's Jinja (``get_builtin_jinja_filters``), read from its source.

    Read, not imported: importing docassemble.base.jinja loads its language tools (about 5 s),
    and these tests need only the names, each of which becomes a placeholder filter.
    """
    source = Path(importlib.util.find_spec("docassemble.base.jinja").origin).read_text(encoding="utf-8")
    function = next(node for node in ast.walk(ast.parse(source))
                    if isinstance(node, ast.FunctionDef) and node.name == "get_builtin_jinja_filters")
    returned = next(node.value for node in ast.walk(function) if isinstance(node, ast.Return))
    names = frozenset(key.value for key in returned.keys)
    assert {"format_date", "comma_and_list", "markdown"} <= names, "docassemble's filters were not found"
    return names


class _Environment(jinja2.Environment):
    """As docassemble's DAEnvironment: curly quotes that Word typed inside a tag count as straight."""

    def from_string(self, source, **kwargs):  # noqa: D102
        from docassemble.base.helpers import fix_quotes   # a small module: no docassemble start-up
        return super().from_string(re.sub(r"({[\%\{].*?[\%\}]})", fix_quotes, source), **kwargs)


def jinja_env(truthy: bool) -> jinja2.Environment:
    """A Jinja environment like docassemble's for DOCX (its filters, its quote fixing), with placeholders for every name."""

    class Unknown(jinja2.Undefined):
        """Any name the template uses and the context lacks: a placeholder of that name."""
        def _placeholder(self) -> Placeholder:
            return Placeholder(self._undefined_name or "?", truthy)

        def __getattr__(self, attribute: str):
            if attribute.startswith("__"):
                raise AttributeError(attribute)
            return getattr(self._placeholder(), attribute)

        def __getitem__(self, key):
            return self._placeholder()[key]

        def __call__(self, *args, **kwargs):
            return self._placeholder()(*args, **kwargs)

        def __str__(self) -> str:
            return str(self._placeholder())

        __repr__ = __str__

        def __iter__(self):
            return iter(self._placeholder())

        def __len__(self) -> int:
            return len(self._placeholder())

        def __bool__(self) -> bool:
            return truthy

        def __eq__(self, other: object) -> bool:
            return truthy

        def __ne__(self, other: object) -> bool:
            return not truthy

        __hash__ = jinja2.Undefined.__hash__

    env = _Environment(undefined=Unknown)
    filters = {**{name: _named(name) for name in docassemble_filter_names()}, **env.filters}
    env.filters = {name: (f if name in _STRING_FILTERS else _permissive(f)) for name, f in filters.items()}
    return env


def _named(name: str):
    def placeholder_filter(value, *args, **kwargs):
        return Placeholder(f"{value}|{name}", True)
    placeholder_filter.__name__ = name
    return placeholder_filter


def render(path: Path | str, truthy: bool):
    """The template rendered with placeholders for every name (see the module's docstring), open in python-docx."""
    from docxtpl import DocxTemplate
    template = DocxTemplate(str(path))
    template.render({}, jinja_env=jinja_env(truthy))
    return template.docx


def template_names(path: Path | str) -> set[str]:
    """The names the template uses, compiled by docxtpl with docassemble's filters (a syntax error raises)."""
    from docxtpl import DocxTemplate
    return set(DocxTemplate(str(path)).get_undeclared_template_variables(jinja_env(True)))


def render_text(path: Path | str, truthy: bool) -> str:
    """The rendered template's text (body, tables, page header and footer), whitespace folded."""
    return " ".join(docx_text(render(path, truthy)).split())


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


class LibreOfficeSave:
    """Each DOCX opened in LibreOffice Writer and saved as Word, in one ``soffice`` call, in the background.

    ``start()`` launches the call (once; again is a no-op) so it runs while other tests do;
    ``result()`` waits for it and gives name -> the saved copy; ``close()`` removes the copies.
    """

    def __init__(self, paths: Iterable[Path]) -> None:
        self.paths = list(paths)
        self.folder: Path | None = None
        self.process: subprocess.Popen | None = None
        self.seconds = 0.0

    def start(self) -> None:
        if self.process is not None:
            return
        self.folder = Path(tempfile.mkdtemp(prefix="libreoffice-save-"))
        atexit.register(self.close)      # also when no test asks for the result
        self._started = time.monotonic()
        # its own profile and HOME: never hand the job to a LibreOffice already running for the user
        self.process = subprocess.Popen(
            [soffice() or "soffice", f"-env:UserInstallation=file://{self.folder}/profile", "--headless",
             "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(self.folder / "saved"), *map(str, self.paths)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "HOME": str(self.folder)})

    def result(self) -> dict[str, Path]:
        self.start()
        assert self.process is not None and self.folder is not None
        try:
            _, errors = self.process.communicate(timeout=300)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise
        self.seconds = self.seconds or time.monotonic() - self._started
        saved = {p.name: self.folder / "saved" / p.name for p in self.paths}
        missing = [name for name, copy in saved.items() if not copy.is_file()]
        if self.process.returncode or missing:
            raise RuntimeError(f"LibreOffice did not save {missing or 'the templates'}: {(errors or '')[-2000:]}")
        return saved

    def close(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)


def libreoffice_docx(paths: Iterable[Path]) -> dict[str, Path]:
    """Each DOCX as LibreOffice saves it, name -> copy (waits; the copies stay until the process ends)."""
    save = LibreOfficeSave(paths)
    return save.result()
