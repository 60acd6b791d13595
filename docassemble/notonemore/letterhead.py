"""The block at the top of every letter: who writes, and how to reach them."""
from __future__ import annotations


def letterhead_lines(signer_name: str, organization: str = "", phone: str = "", email: str = "") -> list[str]:
    """The organization's name first when an advocate writes for one, then the signer, then the contacts.

    Empty parts are left out, so a family member's letterhead is their name and phone.
    """
    name, org = (signer_name or "").strip(), (organization or "").strip()
    lines = [org, name] if org else [name]
    contacts = " · ".join(part.strip() for part in (phone or "", email or "") if part and part.strip())
    if contacts:
        lines.append(contacts)
    return [line for line in lines if line]
