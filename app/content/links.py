"""Web links the kiosk shows as QR codes (the clinic's website, a paper's
page): checked before they are encoded, so a code always scans to a web page
the patient's phone may open."""

from __future__ import annotations

from urllib.parse import urlsplit

from app.content.characters import unsafe_characters
from app.content.limits import MAX_LINK_LENGTH


def web_link_problem(url: str, schemes: tuple[str, ...] = ("https",)) -> str:
    """Why `url` may not become a QR code; "" when it may."""
    if len(url) > MAX_LINK_LENGTH:
        return (
            f"link is {len(url)} characters long; links over {MAX_LINK_LENGTH} "
            "make QR codes too dense to scan (use a shorter address)"
        )
    if any(c.isspace() for c in url) or unsafe_characters(url):
        return "link has spaces or control characters in it"
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # e.g. a malformed [IPv6] host or port
        return f"{url} is not a web address"
    wanted = " or ".join(f"{s}:" for s in schemes)
    if parts.scheme.lower() not in schemes:
        return f"link must start with {wanted}//, not {parts.scheme or 'nothing'}:"
    if not host or "." not in host:
        return f"{url} has no web site name (like https://clinic.example)"
    if parts.username is not None or parts.password is not None:
        return "link may not hold a user name or password"
    return ""
