"""Create the package's docassemble privilege ``attorney``, once; safe to run again.

It also lets docassemble's per-user file access work: docassemble 1.10.5 declares both owner columns
of ``uploadsuserauth`` (``user_id``, ``temp_user_id``) as NOT NULL, so ``DAFile.user_access(user_id)``
(one of them is always empty) fails; the attorney's access to a case's drafts needs it.

Run after docassemble's ``create_tables`` with the server's config (``DA_CONFIG_FILE``):
``python -m docassemble.notonemore.privileges``. An administrator then gives the privilege to an
account in *User List → Edit* (tick ``attorney``) or through the API (``POST /api/user/<id>/privileges``).
"""
from __future__ import annotations

import sys

#: The privileges this package adds to docassemble's own (user, admin, developer, advocate...).
PRIVILEGES: tuple[str, ...] = ("attorney",)


def main(argv: list[str]) -> int:
    import docassemble.base.config
    docassemble.base.config.load(arguments=argv)
    # docassemble's own helper, the one create_tables uses for its roles: adds the role only when missing
    from docassemble.webapp.create_tables import get_role
    from docassemble.webapp.database import dbprefix, dbtableprefix
    from docassemble.webapp.db import session_scope
    from sqlalchemy import text
    result: dict = {}
    with session_scope() as session:
        for name in PRIVILEGES:
            get_role(session, name, result=result)
        if dbprefix.startswith("postgresql"):
            for column in ("user_id", "temp_user_id"):
                session.execute(text(f'ALTER TABLE "{dbtableprefix}uploadsuserauth" ALTER COLUMN {column} DROP NOT NULL'))
    print("privileges:", ", ".join(PRIVILEGES), "(added)" if result.get("changed") else "(already there)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
