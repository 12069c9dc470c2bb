"""The systemd user unit that keeps the kiosk on screen: started with the
desktop session, restarted within seconds whenever it stops."""

from __future__ import annotations

import re
from pathlib import Path

UNIT_NAME = "clinic-kiosk.service"

# Outside quotes systemd splits on whitespace and reads quotes and C escapes;
# anything like that gets quoted. A lone ";" once separated two commands.
_NEEDS_QUOTES = re.compile(r"""[\s"'\\;]""")

TEMPLATE = """\
# Clinic kiosk as a systemd user service.
#
# Save this file as ~/.config/systemd/user/{unit} (as the kiosk's
# own user, not root), then run:
#
#   systemctl --user daemon-reload
#   systemctl --user enable --now clinic-kiosk
#
# It starts when that user's graphical session starts, so turn on automatic
# login for the user in the display manager. Logs: journalctl --user -u clinic-kiosk

[Unit]
Description=Clinic kiosk (patient education)
After=graphical-session.target
PartOf=graphical-session.target
# Never give up restarting (systemd otherwise stops after 5 failures in 10 s).
StartLimitIntervalSec=0

[Service]
ExecStart={exec_start}
Restart=always
RestartSec=3

[Install]
WantedBy=graphical-session.target
"""


def quote_arg(arg: str) -> str:
    """One ExecStart word, quoted and escaped the way systemd reads it back."""
    # %-specifiers and $VARIABLES are expanded even inside quotes.
    text = arg.replace("%", "%%").replace("$", "$$")
    if text and not _NEEDS_QUOTES.search(text):
        return text
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    text = text.replace("\n", "\\n").replace("\t", "\\t")
    return f'"{text}"'


def unit_text(executable: str, content: Path | None = None) -> str:
    """The unit running `<executable> --kiosk [--content <absolute path>]`."""
    if "/" in executable:  # a bare name is left for systemd to find in its PATH
        executable = str(Path(executable).expanduser().absolute())
    args = [executable, "--kiosk"]
    if content is not None:
        args += ["--content", str(Path(content).expanduser().absolute())]
    exec_start = " ".join(quote_arg(arg) for arg in args)
    return TEMPLATE.format(unit=UNIT_NAME, exec_start=exec_start)
