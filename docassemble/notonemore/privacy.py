"""Deleting one case: every file the session stored (uploads and assembled documents).

docassemble's own ``exit`` command deletes the session's answers and its rows in the
uploads table, but in 1.10.5 it leaves the files themselves in the upload folder. This
removes them first. It runs inside the web app only (it reads the app's uploads table).
"""
from __future__ import annotations

__all__ = ["delete_session_files"]


def delete_session_files(session_id: str, yaml_filename: str) -> int:
    """Delete every stored file of one session from the upload folder; return how many."""
    from sqlalchemy import select

    from docassemble.base.util import get_saved_file_class
    from docassemble.webapp.extensions import db
    from docassemble.webapp.main.models import Uploads

    numbers = db.session.execute(select(Uploads.indexno).filter_by(key=session_id, yamlfile=yaml_filename)).scalars().all()
    saved_file = get_saved_file_class()
    for number in numbers:
        saved_file(number).delete()
    return len(numbers)
