"""Run a docassemble 1.10.5 interview in-process: no web server, no PostgreSQL, no Redis.

Registers in-memory stand-ins for the pluggy hooks the web app normally provides (config,
file storage, Redis, ...) once per process, then drives ``Interview.assemble`` the way
``docassemble.webapp.cron_tasks`` does.  Answers are assigned as Python values, like the
REST API's ``variables``: the web form's datatype conversion and validation are skipped.

    run = InterviewRun("docassemble.base:data/questions/examples/hyperlink-style.yml")
    run.screen().fields                                  # ['legal_issue']
    doc = run.set(legal_issue="wills").attachments[0]
    assert "law library" in doc.text
"""
from __future__ import annotations

import atexit
import copy
import itertools
import mimetypes
import json
import os
import re
import shutil
import subprocess
import tempfile
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from types import SimpleNamespace
from typing import Any, Callable, Iterator

import pluggy

hookimpl = pluggy.HookimplMarker("docassemble")
_PDF_MARK = "headless: PDF conversion disabled"


def _placeholder_pdf() -> bytes:
    """A valid one-page blank PDF whose title says no conversion was made (so a package can still be built)."""
    import io
    import pikepdf
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(612, 792))
    pdf.docinfo["/Title"] = _PDF_MARK
    out = io.BytesIO()
    pdf.save(out, compress_streams=False, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    return out.getvalue()
_ROOT = tempfile.mkdtemp(prefix="da-headless-")  # numbered files + docassemble's temp files
_FILES: dict[int, dict[str, Any]] = {}           # file number -> what file_number_finder returns
_NUMBERS = itertools.count(1)
_STATE: dict[str, Any] = {"ready": False, "pdf": False}
if not os.environ.get("DA_HEADLESS_KEEP"):
    atexit.register(shutil.rmtree, _ROOT, True)


def _ext_and_mimetype(filename: str) -> tuple[str, str | None]:
    ext = filename.lower().rsplit(".", 1)[-1]
    return {"jpeg": "jpg", "tiff": "tif"}.get(ext, ext), mimetypes.guess_type(filename)[0]


def _new_file_number(user_code: Any, file_name: str, yaml_file_name: Any) -> int:
    number = next(_NUMBERS)
    ext, mimetype = _ext_and_mimetype(file_name)
    base = os.path.join(_ROOT, str(user_code or "unattached"), str(number), "file")
    os.makedirs(os.path.dirname(base))
    _FILES[number] = {"filename": file_name, "extension": ext, "mimetype": mimetype, "path": base,
                      "fullpath": f"{base}.{ext}", "private": True, "persistent": False}
    # as the web app lays a file out: the content at ``path``, ``path.ext`` a link to it (DAFile.copy_into writes ``path``)
    open(base, "wb").close()
    os.symlink(os.path.basename(base), f"{base}.{ext}")
    return number


def _save_numbered_file(filename: str, orig_path: str, yaml_file_name: Any, uid: Any) -> tuple:
    from docassemble.base.functions import get_uid
    number = _new_file_number(uid or get_uid(), filename, yaml_file_name)
    shutil.copyfile(orig_path, _FILES[number]["fullpath"])
    return number, _FILES[number]["extension"], _FILES[number]["mimetype"]


def _file_info(number: int) -> dict:
    """What the web app knows of a numbered file; a PDF's page count too, as the web app stores it."""
    info = dict(_FILES.get(number, {}))
    if info.get("extension") == "pdf" and os.path.exists(info["fullpath"]):
        import pikepdf
        try:
            with pikepdf.open(info["fullpath"]) as pdf:
                info["pages"] = len(pdf.pages)
        except pikepdf.PdfError:  # not a real PDF (a bad upload): no page count, as in the web app
            pass
    return info


def _file_finder(file_reference: Any, question: Any, folder: Any, package: Any, filename: Any,
                 return_nonexistent: Any, uids: Any) -> dict:
    """A file number, or a package file such as 'letter.docx' / 'pkg:data/templates/x.docx'."""
    from docassemble.base.functions import get_current_package, static_filename_path
    ref = str(file_reference)
    if ref.isdigit():
        return _file_info(int(ref)) or {"fullpath": None}
    if ":" not in ref:
        pkg = question.from_source.package if question is not None else package
        ref = f"{pkg or get_current_package() or 'docassemble.base'}:" + (
            f"data/{folder}/{ref}" if folder and "/" not in ref else ref)
    path = static_filename_path(ref, return_nonexistent=return_nonexistent)
    if path is None:
        return {"fullpath": None}
    ext, mimetype = _ext_and_mimetype(path)
    return {"fullpath": path, "filename": os.path.basename(path), "path": os.path.splitext(path)[0],
            "extension": ext, "mimetype": mimetype}


class _SavedFile:
    """Stand-in for the web app's SavedFile class: a numbered file, already in place."""

    def __init__(self, number: int, **kwargs: Any) -> None:
        self.info = _FILES[int(number)]
        self.path = self.info["path"]

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Nothing to do: files are written to their place directly."""
    finalize = fetch = save

    def delete(self) -> None:
        shutil.rmtree(os.path.dirname(self.path), ignore_errors=True)

    def copy_from(self, orig_path: str, **kwargs: Any) -> None:
        shutil.copyfile(orig_path, self.info["fullpath"])


#: docassemble's server-side store (``server_sql_*``), for the process
_SQL: dict[str, Any] = {}


def _hooks(config: dict[str, Any], redis: Any) -> SimpleNamespace:
    """The plugin: hook name -> implementation (pluggy dispatches on the attribute name)."""
    try:  # the web app's defaults: the config's timezone, else the machine's
        import tzlocal
        timezone = config.get("timezone") or tzlocal.get_localzone_name()
    except Exception:
        timezone = config.get("timezone") or "America/New_York"
    locale = config.get("locale", "en_US.utf8")

    def const(value: Any) -> Callable[[], Any]:
        def impl() -> Any:
            return value
        return impl

    def to_text(html_doc: str) -> str:
        from bs4 import BeautifulSoup
        return BeautifulSoup(html_doc, "html.parser").get_text("\n")

    impls: dict[str, Callable[..., Any]] = {name: const(value) for name, value in {
        "get_configuration": config, "get_debug_status": bool(config.get("debug")),
        "get_hostname": "localhost", "get_default_language": config.get("language", "en"),
        "get_default_dialect": config.get("dialect", "us"), "get_default_voice": None,
        "get_default_locale": locale, "get_default_timezone": timezone,
        "get_default_country": config.get("country") or locale.split(".")[0].split("_")[-1],
        "get_default_table_class": '"table table-striped"', "get_default_thead_class": "",
        "get_main_page_parts": {"*": {}}, "get_button_class_prefix": "btn-", "get_server_redis": redis, "get_server_redis_user": redis,
        "get_saved_file_class": _SavedFile}.items()}
    impls.update(
        get_ext_and_mimetype=lambda filename: _ext_and_mimetype(filename),
        get_new_file_number=_new_file_number, save_numbered_file=_save_numbered_file,
        file_number_finder=lambda file_number, filename, uids, privileged: _file_info(int(file_number)),
        file_finder=_file_finder, to_text=to_text,
        # a DAFile by its number (a text file's str() is its content, which has no place in a link)
        url_finder=lambda file_reference, kwargs: f"headless://file/{getattr(file_reference, 'number', file_reference)}",
        url_for=lambda endpoint, kwargs: f"headless://{endpoint}",
        secure_filename=lambda filename: re.sub(r"[^\w.-]", "_", filename, flags=re.A).strip("._") or "file",
        secure_filename_spaces_ok=lambda filename: re.sub(r"[^\w. -]", "", filename, flags=re.A).strip("._ "),
        secure_filename_unicode_ok=lambda the_filename: re.sub(r"[^\w. -]", "", the_filename.replace("/", "_")).strip("._ "),
        # docassemble's server-side store (the attorney review's packets and roster) and per-user file
        # access, in memory
        server_sql_get=lambda key, secret: _SQL.get(key), server_sql_defined=lambda key: key in _SQL,
        server_sql_set=lambda key, val, encrypted, secret, the_user_id: _SQL.__setitem__(key, val),
        server_sql_delete=lambda key: _SQL.pop(key, None),
        server_sql_keys=lambda prefix: [key[len(prefix):] for key in _SQL if key.startswith(prefix)],
        file_user_access=lambda file_number, allow_user_id, allow_email, disallow_user_id, disallow_email, disallow_all: None)
    return SimpleNamespace(**{name: hookimpl(func) for name, func in impls.items()})


def _soffice_to_pdf(in_file: str, out_file: str, tagged: bool) -> bool:
    """DOCX to PDF by a LibreOffice of this driver's own (its own profile, so its own instance).

    docassemble's local conversion runs a macro through ``libreoffice``, which hands the job to
    any LibreOffice already running for the user (seen with the test server's unoserver
    running: no file, five times); a separate profile keeps the two apart.
    """
    outdir = tempfile.mkdtemp(prefix="pdf-", dir=_ROOT)
    export = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}' if tagged else "pdf"
    result = subprocess.run(["soffice", f"-env:UserInstallation=file://{_ROOT}/lo-profile", "--headless",
                             "--convert-to", export, "--outdir", outdir, in_file],
                            capture_output=True, timeout=180, check=False)
    made = os.path.join(outdir, os.path.splitext(os.path.basename(in_file))[0] + ".pdf")
    if result.returncode != 0 or not os.path.isfile(made) or os.path.getsize(made) == 0:
        return False
    shutil.move(made, out_file)
    return True


def setup(config: dict[str, Any] | None = None) -> None:
    """Load docassemble once per process: config, hooks, LibreOffice, PDF switch.

    ``config`` adds docassemble configuration keys (e.g. ``timezone``); only the first call
    counts, so call ``setup(...)`` before the first InterviewRun (a conftest fixture).
    """
    if _STATE["ready"]:
        return
    import fakeredis
    import yaml
    config_path = os.path.join(_ROOT, "config.yml")
    with open(config_path, "w", encoding="utf-8") as fp:
        yaml.safe_dump({"debug": True, "secretkey": uuid.uuid4().hex, "uploads": os.path.join(_ROOT, "uploads"),
                        **(config or {})}, fp)
    import docassemble.base.config as da_config
    da_config.load(filename=config_path)  # docassemble's defaults; must precede parse/pandoc imports
    from docassemble.base.plugin_manager import pm
    pm.register(_hooks(da_config.daconfig, fakeredis.FakeRedis()), name="headless")
    import docassemble.base.pandoc as pandoc
    import docassemble.base.parse as parse
    import docassemble.base.util as util
    if shutil.which(pandoc.LIBREOFFICE_PATH):  # 1.10.5 turns LibreOffice on only if pandoc exists
        pandoc.LIBREOFFICE_MODE = pandoc.LOCAL
    real_word_to_pdf = pandoc.word_to_pdf

    def word_to_pdf(in_file: str, in_format: str, out_file: str, *args: Any, **kwargs: Any) -> bool:
        if _STATE["pdf"] == "fail":   # a converter that is down, as docassemble reports it
            return False
        if _STATE["pdf"] and (pandoc.UNOCONV_AVAILABLE or pandoc.UNOCONVERT_AVAILABLE):   # bench: the server's unoserver
            return real_word_to_pdf(in_file, in_format, out_file, *args, **kwargs)
        if _STATE["pdf"]:
            return _soffice_to_pdf(in_file, out_file, bool(kwargs.get("tagged")))
        with open(out_file, "wb") as out:
            out.write(_placeholder_pdf())
        return True
    parse.word_to_pdf = util.word_to_pdf = pandoc.word_to_pdf = word_to_pdf
    _STATE["ready"] = True


@dataclass
class Document:
    """One assembled attachment; ``files`` maps a format ('docx', 'pdf', ...) to its path."""
    name: str
    filename: str
    files: dict[str, str]

    @property
    def docx_path(self) -> str | None:
        return self.files.get("docx")

    @property
    def pdf_path(self) -> str | None:
        """The PDF, or None if there is none or the run was made with ``pdf=False``."""
        path = self.files.get("pdf")
        if path is not None:
            with open(path, "rb") as fp:
                if _PDF_MARK.encode() in fp.read():
                    return None
        return path

    @cached_property
    def text(self) -> str:
        """The DOCX's text, a line per paragraph: body (tables too), headers, footers, notes; a raw file
        (TXT, CSV, ICS) as written."""
        from tests.support.documents import docx_text
        if self.docx_path is None and "raw" in self.files:
            with open(self.files["raw"], encoding="utf-8-sig") as handle:
                return handle.read()
        if self.docx_path is None:
            raise ValueError(f"{self.filename}: no DOCX was assembled (formats: {sorted(self.files)})")
        return docx_text(self.docx_path)


@dataclass
class Screen:
    """The current screen.  ``raw`` is docassemble's own REST-API view of it (``as_data``)."""
    id: str | None                            # the block's ``id:``, if it has one
    name: str                                 # docassemble's internal question name
    question_type: str                        # 'fields', 'yesno', 'multiple_choice', 'settrue', 'deadend', ...
    question: str
    subquestion: str
    fields: list[str]                         # variables to answer (iterators resolved: 'fruit[0]')
    continue_field: str | None                # set to True by continue_() / answer()
    choices: dict[str, list[tuple[str, Any]]]  # variable -> [(label, value)]
    buttons: list[tuple[str, Any]]            # choices not tied to a variable (exit, restart, ...)
    attachments: list[Document]
    event: bool                               # the block is an ``event:``
    raw: dict[str, Any] = field(repr=False)

    @property
    def is_terminal(self) -> bool:
        """Nothing to answer or continue (end screen, or only exit/restart buttons)."""
        return not self.fields and self.continue_field is None


class InterviewRun:
    """One session of one interview ('package:path'), with its own fresh user_dict."""

    def __init__(self, yaml_filename: str, *, pdf: bool | str = False, url_args: dict[str, Any] | None = None) -> None:
        """``pdf=True`` converts DOCX to PDF with LibreOffice (~1.5 s a document); ``pdf="fail"``: every conversion fails."""
        setup()
        from docassemble.base.parse import get_initial_dict
        self.yaml_filename, self.pdf, self.session_id = yaml_filename, pdf, uuid.uuid4().hex
        self.user_dict: dict[str, Any] = get_initial_dict()
        self.user_dict["url_args"] = dict(url_args or {})
        self.user = {"is_anonymous": True, "is_authenticated": False, "email": None, "theid": None, "the_user_id": "t0",
                     "roles": ["user"], "location": None, "session_uid": self.session_id[:10], "device_id": "headless",
                     **dict.fromkeys(("firstname", "lastname", "nickname", "country", "organization",
                                      "subdivisionfirst", "subdivisionsecond", "subdivisionthird"), "")}
        self._status: Any = None
        self._screen: Screen | None = None
        with self._context():
            from docassemble.base.interview_cache import get_interview
            self.interview = get_interview(yaml_filename)

    @contextmanager
    def _context(self, action: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
        """docassemble's per-request thread state for one step; an ``action`` key only if given."""
        from docassemble.base.thread_context import empty_globals, global_context, this_thread, user_dict_context
        info = {"session": self.session_id, "secret": None, "yaml_filename": self.yaml_filename,
                "interface": "web", "url": "http://localhost/interview", "url_root": "http://localhost/",
                "encrypted": False, "user": dict(self.user), "headers": {}, "clientip": None, "method": None,
                **(action or {})}
        tmp = os.path.join(_ROOT, self.session_id, "tmp")
        os.makedirs(tmp, exist_ok=True)
        saved = tempfile.tempdir, _STATE["pdf"]
        tempfile.tempdir, _STATE["pdf"] = tmp, self.pdf
        try:
            with global_context(empty_globals()), user_dict_context(self.user_dict):
                this_thread.current_info = info
                yield info
        finally:
            tempfile.tempdir, _STATE["pdf"] = saved

    def screen(self) -> Screen:
        """Assemble the interview and describe the current screen (cached until the next answer)."""
        return self._assemble() if self._screen is None else self._screen

    def refresh(self) -> Screen:
        """Assemble the current screen again, as reloading the page does."""
        return self._assemble()

    def action(self, name: str, **arguments: Any) -> Screen:
        """Run an event/action as ``?action=`` or an action button would; returns its screen."""
        return self._assemble({"action": name, "arguments": arguments})

    def _assemble(self, action: dict[str, Any] | None = None) -> Screen:
        from docassemble.base.parse import InterviewStatus
        with self._context(action) as info:
            status = InterviewStatus(current_info=info)
            self.interview.assemble(self.user_dict, status)
            self._status, self._screen = status, self._describe(status, status.as_data(self.user_dict, encode=False))
        return self._screen

    def _resolve(self, name: str) -> str:
        """'fruit[i]' -> 'fruit[0]', from the iterator values assembly left in the user_dict."""
        return re.sub(r"\[([ijklmn])\]", lambda m: f"[{self.user_dict[m[1]]!r}]" if m[1] in self.user_dict else m[0], name)

    def _describe(self, status: Any, data: dict[str, Any]) -> Screen:
        question, fields, choices, buttons = status.question, [], {}, []
        saveas = getattr(question, "fields_saveas", None) or getattr(question, "review_saveas", None)
        continue_field = saveas and self._resolve(saveas)
        for item in data.get("fields", []):
            var = item.get("variable_name") and self._resolve(item["variable_name"])
            pairs = [(c.get("label", ""), c.get("value")) for c in item.get("choices", [])]
            if item.get("datatype") == "plainchoice":   # a long list (choices.py): its options, the empty one left out
                pairs = [(label, value) for value, label in json.loads(item["options"]) if value]
            if var and question.question_type == "settrue":
                continue_field = var
            elif var and not var.startswith("_internal"):
                fields.append(var)
                choices.update({var: pairs} if pairs else {})
            else:
                buttons.extend(pairs)
        docs = [Document(att.get("name") or "", att.get("filename") or "",
                         {fmt: _FILES[int(num)]["fullpath"] for fmt, num in att.get("file", {}).items()})
                for att in status.attachments or []]
        return Screen(getattr(question, "id", None), question.name, question.question_type,
                      data.get("questionText", ""), data.get("subquestionText", ""), fields, continue_field,
                      choices, buttons, docs, bool(re.search(r"^event\s*:", question.source_code or "", re.M)), data)

    def answer(self, values: dict[str, Any], *, mark_answered: bool = True) -> Screen:
        """Assign ``{"variable.name": value}`` like the REST API's ``variables``, submit, return the next screen.

        As a web submission does, the screen's continue field is set to True and a mandatory
        question is marked answered.  Values are deep-copied into the user_dict.
        """
        self.screen()
        todo, old = dict(values), {}
        if self._screen.continue_field and self._screen.continue_field not in todo:
            todo[self._screen.continue_field] = True
        with self._context():
            for name, val in todo.items():
                try:
                    old[name] = eval(name, self.user_dict)
                except Exception:  # not defined yet: no old value to invalidate from
                    pass
                if name.isidentifier():
                    self.user_dict[name] = copy.deepcopy(val)
                else:  # 'a.b[0]': the target's base is looked up in the user_dict
                    exec(f"{name} = _value", self.user_dict, {"_value": copy.deepcopy(val)})
                self.user_dict["_internal"]["dirty"].pop(name, None)
            stack = self.user_dict["_internal"]["event_stack"].get(self.user["session_uid"], [])
            for name in list(todo) + self._screen.raw.get("event_list", []):
                if stack and stack[0]["action"] == name:
                    stack.pop(0)
            for name in todo:
                if name in self.interview.invalidation_todo or name in self.interview.onchange_todo:
                    self.interview.invalidate_dependencies(name, self.user_dict, old)
            if mark_answered:
                self._status.question.mark_as_answered(self.user_dict)
        self.user_dict["_internal"]["steps"] += 1
        self._screen = None
        return self.screen()

    def set(self, **values: Any) -> Screen:
        """``answer()`` for plain variable names: ``run.set(legal_issue="wills")``."""
        return self.answer(values)

    def continue_(self) -> Screen:
        """Press Continue on the current screen."""
        return self.answer({})

    def set_file(self, variable: str, path: str, filename: str | None = None) -> Screen:
        """Store a file (an upload, a signature image) and answer ``variable`` with it as a DAFile."""
        from docassemble.base.util import DAFile
        filename = filename or os.path.basename(path)
        number, ext, mimetype = _save_numbered_file(filename, path, self.yaml_filename, self.session_id)
        with self._context():
            the_file = DAFile(variable, number=number, filename=filename, extension=ext, mimetype=mimetype)
        return self.answer({variable: the_file})

    def walk(self, answers: dict[str, Any], max_steps: int = 200) -> Screen:
        """Answer screen after screen from ``answers``; stop at the first screen asking something else.

        A continue-only screen is passed when its continue field is a key of ``answers``.
        """
        for _ in range(max_steps):
            screen = self.screen()
            if screen.fields and all(name in answers for name in screen.fields):
                self.answer({name: answers[name] for name in screen.fields})
            elif not screen.fields and screen.continue_field in answers:
                self.answer({screen.continue_field: answers[screen.continue_field]})
            else:
                return screen
        raise RuntimeError(f"walk: still going after {max_steps} screens")

    def clone(self) -> "InterviewRun":
        """A second session at the same point: its answers copied as docassemble saves and restores them
        between two requests (pickled, without the functions and classes the interview's modules put
        in, which are shared), so that answering in one never changes the other."""
        import pickle
        from docassemble.base.functions import pickleable_objects
        self.screen()
        other = copy.copy(self)
        with self._context():
            kept = pickleable_objects(self.user_dict)
            other.user_dict = pickle.loads(pickle.dumps(kept))
        other.user_dict.update({key: item for key, item in self.user_dict.items() if key not in kept})
        other.user = dict(self.user)
        return other

    def value(self, expr: str) -> Any:
        """Evaluate ``expr`` in the interview's user_dict (NameError if undefined)."""
        self.screen()  # the user_dict gets docassemble's names on the first assembly
        with self._context():
            return eval(expr, self.user_dict)
