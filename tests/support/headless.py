"""Run a docassemble 1.10.5 interview in-process, with no web server, database or Redis.

The web app normally registers pluggy hooks for configuration, file storage, Redis and so
on; this module registers small in-memory versions of them (once per process), then drives
``Interview.assemble`` the way ``docassemble.webapp.cron_tasks`` does.  Answers are assigned
as Python values, like the REST API's ``variables``: the web form's datatype conversion and
validation are skipped.

    run = InterviewRun("docassemble.base:data/questions/examples/hyperlink-style.yml")
    run.screen().fields          # ['legal_issue']
    doc = run.answer({"legal_issue": "wills"}).attachments[0]
    assert "law library" in doc.text
"""
from __future__ import annotations

import atexit
import copy
import itertools
import mimetypes
import os
import re
import shutil
import tempfile
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Iterator

import pluggy

hookimpl = pluggy.HookimplMarker("docassemble")
_PDF_PLACEHOLDER = b"%PDF-1.4\n% headless: PDF conversion disabled\n%%EOF\n"
_ROOT = tempfile.mkdtemp(prefix="da-headless-")   # numbered files and temp files live here
_FILES: dict[int, dict[str, Any]] = {}            # file number -> file info
_NUMBERS = itertools.count(1)
_STATE: dict[str, Any] = {"ready": False, "pdf": False}
if not os.environ.get("DA_HEADLESS_KEEP"):
    atexit.register(shutil.rmtree, _ROOT, True)


def _ext_and_mimetype(filename: str) -> tuple[str, str | None]:
    ext = filename.lower().rsplit(".", 1)[-1]
    return {"jpeg": "jpg", "tiff": "tif"}.get(ext, ext), mimetypes.guess_type(filename)[0]


class _Hooks:
    """The server-side hooks docassemble.base calls, answered from memory or a temp dir."""

    def __init__(self, config: dict[str, Any], redis: Any) -> None:
        self.config, self.redis = config, redis

    @hookimpl
    def get_configuration(self) -> dict: return self.config
    @hookimpl
    def get_debug_status(self) -> bool: return bool(self.config.get("debug"))
    @hookimpl
    def get_hostname(self) -> str: return "localhost"
    @hookimpl
    def get_default_language(self) -> str: return self.config.get("language", "en")
    @hookimpl
    def get_default_dialect(self) -> str: return self.config.get("dialect", "us")
    @hookimpl
    def get_default_locale(self) -> str: return self.config.get("locale", "en_US.utf8")
    @hookimpl
    def get_default_voice(self) -> Any: return None
    @hookimpl
    def get_default_timezone(self) -> str: return self.config.get("timezone", "America/New_York")
    @hookimpl
    def get_default_country(self) -> str: return self.config.get("country", "US")
    @hookimpl
    def get_default_table_class(self) -> str: return '"table table-striped"'
    @hookimpl
    def get_default_thead_class(self) -> str: return ""
    @hookimpl
    def get_main_page_parts(self) -> dict: return {"*": {}}
    @hookimpl
    def get_server_redis(self) -> Any: return self.redis
    @hookimpl
    def get_server_redis_user(self) -> Any: return self.redis
    @hookimpl
    def get_ext_and_mimetype(self, filename: str) -> tuple: return _ext_and_mimetype(filename)
    @hookimpl
    def url_finder(self, file_reference: Any, kwargs: dict) -> str: return f"headless://{file_reference}"
    @hookimpl
    def url_for(self, endpoint: str, kwargs: dict) -> str: return f"headless://{endpoint}"
    @hookimpl
    def secure_filename(self, filename: str) -> str: return re.sub(r"[^\w.-]", "_", filename, flags=re.A).strip("._") or "file"
    @hookimpl
    def secure_filename_spaces_ok(self, filename: str) -> str: return re.sub(r"[^\w. -]", "", filename, flags=re.A).strip("._ ")
    @hookimpl
    def secure_filename_unicode_ok(self, the_filename: str) -> str: return re.sub(r"[^\w. -]", "", the_filename.replace("/", "_")).strip("._ ")

    @hookimpl
    def to_text(self, html_doc: str) -> str:
        from bs4 import BeautifulSoup
        return BeautifulSoup(html_doc, "html.parser").get_text("\n")

    @hookimpl
    def get_new_file_number(self, user_code: Any, file_name: str, yaml_file_name: Any) -> int:
        number = next(_NUMBERS)
        ext, mimetype = _ext_and_mimetype(file_name)
        folder = os.path.join(_ROOT, str(user_code or "unattached"), str(number))
        os.makedirs(folder)
        base = os.path.join(folder, "file")
        _FILES[number] = {"filename": file_name, "extension": ext, "mimetype": mimetype, "path": base,
                          "fullpath": f"{base}.{ext}", "private": True, "persistent": False}
        return number

    @hookimpl
    def save_numbered_file(self, filename: str, orig_path: str, yaml_file_name: Any, uid: Any) -> tuple:
        from docassemble.base.functions import get_uid
        number = self.get_new_file_number(uid or get_uid(), filename, yaml_file_name)
        info = _FILES[number]
        shutil.copyfile(orig_path, info["fullpath"])
        return number, info["extension"], info["mimetype"]

    @hookimpl
    def file_number_finder(self, file_number: Any, filename: Any, uids: Any, privileged: Any) -> dict:
        return dict(_FILES.get(int(file_number), {}))

    @hookimpl
    def file_finder(self, file_reference: Any, question: Any, folder: Any, package: Any,
                    filename: Any, return_nonexistent: Any, uids: Any) -> dict:
        from docassemble.base.functions import get_current_package, static_filename_path
        ref = str(file_reference)
        if ref.isdigit():
            return dict(_FILES.get(int(ref), {"fullpath": None}))
        if ":" not in ref:
            pkg = question.from_source.package if question is not None else package
            if folder and "/" not in ref:
                ref = f"data/{folder}/{ref}"
            ref = f"{pkg or get_current_package() or 'docassemble.base'}:{ref}"
        path = static_filename_path(ref, return_nonexistent=return_nonexistent)
        if path is None:
            return {"fullpath": None}
        ext, mimetype = _ext_and_mimetype(path)
        return {"fullpath": path, "filename": os.path.basename(path), "path": os.path.splitext(path)[0],
                "extension": ext, "mimetype": mimetype}

    @hookimpl
    def get_saved_file_class(self) -> type: return _SavedFile


class _SavedFile:
    """Stand-in for the web app's SavedFile: a numbered file in the temp dir."""

    def __init__(self, number: int, extension: str | None = None, fix: bool = False, should_not_exist: bool = False) -> None:
        self.info = _FILES[int(number)]
        self.path = self.info["path"]

    def save(self, finalize: bool = False) -> None: pass
    def finalize(self) -> None: pass
    def fetch(self) -> None: pass
    def delete(self) -> None: shutil.rmtree(os.path.dirname(self.path), ignore_errors=True)
    def copy_from(self, orig_path: str, **kwargs: Any) -> None: shutil.copyfile(orig_path, self.info["fullpath"])


def setup() -> None:
    """Load docassemble once per process: config, hooks, PDF switch.  Idempotent."""
    if _STATE["ready"]:
        return
    import yaml
    import fakeredis
    config_path = os.path.join(_ROOT, "config.yml")
    macro = os.path.expanduser("~/.config/libreoffice/4/user/basic/Standard/Module1.xba")
    with open(config_path, "w", encoding="utf-8") as fp:
        yaml.safe_dump({"debug": True, "secretkey": uuid.uuid4().hex, "uploads": os.path.join(_ROOT, "uploads"),
                        "libreoffice macro file": macro}, fp)
    import docassemble.base.config as da_config
    da_config.load(filename=config_path)      # fills in docassemble's defaults; never reads sys.argv
    from docassemble.base.plugin_manager import pm
    pm.register(_Hooks(da_config.daconfig, fakeredis.FakeRedis()), name="headless")
    import docassemble.base.pandoc as pandoc
    import docassemble.base.parse as parse
    import docassemble.base.util as util
    if shutil.which(pandoc.LIBREOFFICE_PATH):   # 1.10.5 enables LibreOffice only if pandoc exists
        pandoc.LIBREOFFICE_MODE = pandoc.LOCAL
    real_word_to_pdf = pandoc.word_to_pdf

    def word_to_pdf(in_file: str, in_format: str, out_file: str, *args: Any, **kwargs: Any) -> bool:
        if _STATE["pdf"]:
            return real_word_to_pdf(in_file, in_format, out_file, *args, **kwargs)
        with open(out_file, "wb") as fp:
            fp.write(_PDF_PLACEHOLDER)
        return True
    parse.word_to_pdf = util.word_to_pdf = word_to_pdf
    _STATE["ready"] = True


@dataclass
class Document:
    """One assembled attachment; ``files`` maps a format ('docx', 'pdf', ...) to a path."""
    name: str
    filename: str
    files: dict[str, str]

    @property
    def docx_path(self) -> str | None: return self.files.get("docx")

    @property
    def pdf_path(self) -> str | None:
        """The PDF, or None when there is none or the run was made with ``pdf=False``."""
        path = self.files.get("pdf")
        if path is None:
            return None
        with open(path, "rb") as fp:
            return None if fp.read(len(_PDF_PLACEHOLDER)) == _PDF_PLACEHOLDER else path

    @cached_property
    def text(self) -> str:
        """Text of the DOCX: body (tables included), headers, footers, foot/endnotes."""
        import docx
        from docx.oxml.ns import qn
        from lxml import etree
        if self.docx_path is None:
            raise ValueError(f"{self.filename}: no DOCX was assembled (formats: {sorted(self.files)})")
        parts = sorted(docx.Document(self.docx_path).part.package.iter_parts(), key=lambda p: (
            not str(p.partname).endswith("/document.xml"), str(p.partname)))
        lines = []
        for part in parts:
            if re.search(r"/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$", str(part.partname)):
                for para in etree.fromstring(part.blob).iter(qn("w:p")):
                    lines.append("".join(n.text or "" if n.tag == qn("w:t") else "\t" if n.tag == qn("w:tab") else "\n"
                                         for n in para.iter(qn("w:t"), qn("w:tab"), qn("w:br"))))
        return "\n".join(lines)


@dataclass
class Screen:
    """What the user would see now.  ``raw`` is docassemble's own API view (``as_data``)."""
    id: str | None
    name: str
    question_type: str
    question: str
    subquestion: str
    fields: list[str]
    continue_field: str | None
    choices: dict[str, list[tuple[str, Any]]]
    buttons: list[tuple[str, Any]]
    attachments: list[Document]
    event: bool
    raw: dict[str, Any] = field(repr=False)

    @property
    def is_terminal(self) -> bool:
        """True when nothing on the screen can be answered (end screen, exit/restart buttons)."""
        return not self.fields and self.continue_field is None


class InterviewRun:
    """One session of one interview, with its own fresh user_dict."""

    def __init__(self, yaml_filename: str, *, pdf: bool = False, url_args: dict[str, Any] | None = None) -> None:
        setup()
        from docassemble.base.parse import get_initial_dict
        self.yaml_filename, self.pdf = yaml_filename, pdf
        self.session_id = uuid.uuid4().hex
        self.user_dict: dict[str, Any] = get_initial_dict()
        self.user_dict["url_args"] = dict(url_args or {})
        self.user = {"is_anonymous": True, "is_authenticated": False, "email": None, "theid": None,
                     "the_user_id": "t0", "roles": ["user"], "firstname": "", "lastname": "", "nickname": "",
                     "country": "", "subdivisionfirst": "", "subdivisionsecond": "", "subdivisionthird": "",
                     "organization": "", "location": None, "session_uid": self.session_id[:10], "device_id": "headless"}
        self._status: Any = None
        self._screen: Screen | None = None
        with self._context():
            from docassemble.base.interview_cache import get_interview
            self.interview = get_interview(yaml_filename)

    @contextmanager
    def _context(self) -> Iterator[dict[str, Any]]:
        """docassemble's per-request thread state, around one step (no ``action`` key)."""
        from docassemble.base.thread_context import empty_globals, global_context, this_thread, user_dict_context
        info = {"session": self.session_id, "secret": None, "yaml_filename": self.yaml_filename,
                "interface": "web", "url": "http://localhost/interview", "url_root": "http://localhost/",
                "encrypted": False, "user": dict(self.user), "headers": {}, "clientip": None, "method": None}
        tmp = os.path.join(_ROOT, self.session_id, "tmp")
        os.makedirs(tmp, exist_ok=True)
        old_tmp, old_pdf = tempfile.tempdir, _STATE["pdf"]
        tempfile.tempdir, _STATE["pdf"] = tmp, self.pdf
        try:
            with global_context(empty_globals()), user_dict_context(self.user_dict):
                this_thread.current_info = info
                yield info
        finally:
            tempfile.tempdir, _STATE["pdf"] = old_tmp, old_pdf

    def screen(self) -> Screen:
        """Assemble the interview and describe the current screen (cached until an answer)."""
        if self._screen is None:
            from docassemble.base.parse import InterviewStatus
            with self._context() as info:
                status = InterviewStatus(current_info=info)
                self.interview.assemble(self.user_dict, status)
                self._status, self._screen = status, self._describe(status, status.as_data(self.user_dict, encode=False))
        return self._screen

    def _describe(self, status: Any, data: dict[str, Any]) -> Screen:
        question = status.question
        fields, choices, buttons = [], {}, []
        continue_field = getattr(question, "fields_saveas", None)
        for item in data.get("fields", []):
            var = item.get("variable_name")
            pairs = [(c.get("label", ""), c.get("value")) for c in item.get("choices", [])]
            if var and question.question_type == "settrue":
                continue_field = var
            elif var:
                fields.append(var)
                if pairs:
                    choices[var] = pairs
            elif not var:
                buttons.extend(pairs)
        docs = []
        for att in status.attachments or []:
            files = {fmt: _FILES[int(num)]["fullpath"] for fmt, num in att.get("file", {}).items()}
            docs.append(Document(name=att.get("name") or "", filename=att.get("filename") or "", files=files))
        return Screen(id=getattr(question, "id", None), name=question.name, question_type=question.question_type,
                      question=data.get("questionText", ""), subquestion=data.get("subquestionText", ""),
                      fields=fields, continue_field=continue_field, choices=choices, buttons=buttons, attachments=docs,
                      event=bool(re.search(r"^event\s*:", getattr(question, "source_code", "") or "", re.M)), raw=data)

    def answer(self, values: dict[str, Any], *, mark_answered: bool = True) -> Screen:
        """Assign ``{"variable.name": value}`` like the REST API's ``variables`` and submit the screen.

        As a web submission does, the screen's ``continue button field`` is set to True and
        a mandatory question is marked answered.  Returns the next screen.
        """
        self.screen()
        question, vars_set, old, todo = self._status.question, [], {}, dict(values)
        if self._screen.continue_field and self._screen.continue_field not in todo:
            todo[self._screen.continue_field] = True
        with self._context():
            for name, val in todo.items():
                try:
                    old[name] = eval(name, self.user_dict)
                except Exception:
                    pass
                self.user_dict["_xxheadlessxx"] = copy.deepcopy(val)
                try:
                    exec(f"{name} = _xxheadlessxx", self.user_dict)
                finally:
                    del self.user_dict["_xxheadlessxx"]
                vars_set.append(name)
                self.user_dict["_internal"]["dirty"].pop(name, None)
            stack = self.user_dict["_internal"]["event_stack"].get(self.user["session_uid"], [])
            for name in vars_set + self._screen.raw.get("event_list", []):
                if stack and stack[0]["action"] == name:
                    stack.pop(0)
            for name in vars_set:
                if name in self.interview.invalidation_todo or name in self.interview.onchange_todo:
                    self.interview.invalidate_dependencies(name, self.user_dict, old)
            if mark_answered:
                question.mark_as_answered(self.user_dict)
        self.user_dict["_internal"]["steps"] += 1
        self._screen = None
        return self.screen()

    def set(self, **values: Any) -> Screen:
        """``answer()`` for plain variable names: ``run.set(legal_issue="wills")``."""
        return self.answer(values)

    def continue_(self) -> Screen:
        """Press Continue on the current screen (sets its continue field / marks it answered)."""
        return self.answer({})

    def set_file(self, variable: str, path: str, filename: str | None = None) -> Screen:
        """Store a file (upload, signature image) and assign it as a DAFile, then submit."""
        from docassemble.base.hooks import save_numbered_file
        from docassemble.base.util import DAFile
        filename = filename or os.path.basename(path)
        number, ext, mimetype = save_numbered_file(filename, path, yaml_file_name=self.yaml_filename, uid=self.session_id)
        with self._context():
            the_file = DAFile(variable, number=number, filename=filename, extension=ext, mimetype=mimetype)
        return self.answer({variable: the_file})

    def walk(self, answers: dict[str, Any], max_steps: int = 200) -> Screen:
        """Answer screen after screen from ``answers`` until a screen asks something not in it."""
        for _ in range(max_steps):
            screen = self.screen()
            if screen.fields and all(name in answers for name in screen.fields):
                self.answer({name: answers[name] for name in screen.fields})
            elif not screen.fields and screen.continue_field in answers:
                self.answer({screen.continue_field: answers[screen.continue_field]})
            else:
                return screen
        raise RuntimeError(f"walk: still going after {max_steps} screens")

    def value(self, expr: str) -> Any:
        """Evaluate ``expr`` in the interview's user_dict (raises NameError if undefined)."""
        with self._context():
            return eval(expr, self.user_dict)
