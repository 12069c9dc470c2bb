"""The systemd units `clinic-kiosk service` prints, and the PAM file one needs.

Two ways to keep the kiosk on screen:

- the system unit (`--system`): cage, a Wayland kiosk compositor, on a
  virtual terminal as a dedicated user with its own PAM session, the way
  cage's documentation starts it at boot. This is the clinic PC recipe.
- the user unit: the kiosk inside an ordinary desktop session, started by
  that session's autostart once the display is there.

Both are `Type=notify`: the kiosk says READY after its first paint and pings
the watchdog from its event loop (app/system/service_notify.py), so a frozen
kiosk is killed and restarted. Staff Exit and "already running" have their
own exit statuses (app/system/exit_codes.py) that stop the restarts.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from app.system.exit_codes import ALREADY_RUNNING, STAFF_EXIT

UNIT_NAME = "clinic-kiosk.service"
PAM_NAME = "clinic-kiosk"  # the unit's PAMName=, so the file is /etc/pam.d/clinic-kiosk
DEFAULT_USER = "kiosk"
DEFAULT_TTY = "tty7"  # above the six text consoles logind spawns gettys on
CAGE = "/usr/bin/cage"
WLR_RANDR = "/usr/bin/wlr-randr"

# Outside quotes systemd splits on whitespace and reads quotes and C escapes;
# anything like that gets quoted. A lone ";" once separated two commands.
_NEEDS_QUOTES = re.compile(r"""[\s"'\\;]""")
_NAME = re.compile(r"[a-z_][a-z0-9_-]{0,31}")  # a user name useradd accepts
_TTY = re.compile(r"tty[0-9]{1,2}")

# Shared by both units. The delay grows from 2 s to 1 min over 5 restarts
# (systemd 254 and later; older ones warn about the two keys and keep 2 s).
# At 1 min between starts the limit below is never reached, so a kiosk that
# keeps failing keeps trying, once a minute; on an older systemd the limit
# stops a fast crash loop after 15 starts.
_START_LIMIT = """\
StartLimitIntervalSec=5min
StartLimitBurst=15
"""

_SERVICE = """\
Type=notify
# The kiosk may be a child of cage, not the main process.
NotifyAccess=all
# No ping for 30 s (the kiosk pings every 15 s from its event loop): a frozen
# kiosk is killed and restarted.
WatchdogSec=30s
TimeoutStartSec=2min
ExecStart={exec_start}
Restart=always
RestartSec=2s
RestartSteps=5
RestartMaxDelaySec=1min
# Staff chose Exit ({staff_exit}) or a kiosk already runs here ({already_running}): stay stopped.
RestartPreventExitStatus={staff_exit} {already_running}
"""

USER_TEMPLATE = """\
# Clinic kiosk as a systemd user service, for an ordinary desktop session.
# (On a PC that is only a kiosk, use `clinic-kiosk service --system`.)
#
# As the kiosk's own user, not root:
#
#   mkdir -p ~/.config/systemd/user
#   clinic-kiosk service > ~/.config/systemd/user/{unit}
#   systemctl --user daemon-reload
#
# Then let the desktop start it once it is up, so the kiosk gets the display:
# add these two commands to the session's autostart (openbox:
# ~/.config/openbox/autostart; other desktops: a file in ~/.config/autostart/
# whose Exec= runs them through sh -c):
#
#   systemctl --user import-environment DISPLAY WAYLAND_DISPLAY XAUTHORITY
#   systemctl --user start {unit}
#
# Turn on automatic login for the user in the display manager.
# Logs: journalctl --user -u clinic-kiosk

[Unit]
Description=Clinic kiosk (patient education)
{start_limit}
[Service]
{service}"""

SYSTEM_TEMPLATE = """\
# Clinic kiosk on {tty}: the cage kiosk compositor, as user {user}, with its
# own login session (PAM), started at boot. As root, save this text as
# /etc/systemd/system/{unit}, then:
#
#   clinic-kiosk service --pam > /etc/pam.d/{pam}
#   systemctl daemon-reload
#   systemctl enable {unit}
#   systemctl set-default graphical.target
#
# Logs: journalctl -u clinic-kiosk; the kiosk's own in ~{user}/.local/state/clinic-kiosk/log/

[Unit]
Description=Clinic kiosk on {tty} (cage, user {user})
# After logins are allowed, and after the boot splash has let go of the screen.
After=systemd-user-sessions.service plymouth-quit-wait.service
Before=graphical.target
ConditionPathExists=/dev/tty0
# cage takes the screen, keyboard and touch through logind.
Wants=dbus.socket systemd-logind.service
After=dbus.socket systemd-logind.service
# No login prompt on the kiosk's terminal.
Conflicts=getty@{tty}.service
After=getty@{tty}.service
{start_limit}
[Service]
{service}User={user}
# A real login session on the seat, which cage needs for the display and input.
PAMName={pam}
TTYPath=/dev/{tty}
TTYReset=yes
TTYVHangup=yes
TTYVTDisallocate=yes
# Fail (and be retried) rather than wait when the terminal is not free.
StandardInput=tty-fail
StandardOutput=journal
StandardError=journal
# Shows up in `who` like any login.
UtmpIdentifier={tty}
UtmpMode=user
Environment=QT_QPA_PLATFORM=wayland
Environment=XDG_SESSION_TYPE=wayland

[Install]
WantedBy=graphical.target
"""

PAM_TEMPLATE = """\
# /etc/pam.d/{pam}: the login session systemd opens for {unit}
# (its PAMName={pam}). No password is asked: systemd does not authenticate,
# it opens a session for the unit's User=. pam_systemd registers the session
# with logind on the seat, which gives cage the screen and input devices and
# the user its XDG_RUNTIME_DIR.
auth     required  pam_unix.so nullok
account  required  pam_unix.so
session  optional  pam_loginuid.so
session  required  pam_unix.so
session  required  pam_systemd.so
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


def kiosk_command(executable: str, content: Path | None = None) -> list[str]:
    """`<executable> --kiosk [--content <absolute path>]`."""
    if "/" in executable:  # a bare name is left for systemd to find in its PATH
        executable = str(Path(executable).expanduser().absolute())
    args = [executable, "--kiosk"]
    if content is not None:
        args += ["--content", str(Path(content).expanduser().absolute())]
    return args


def unit_text(executable: str, content: Path | None = None) -> str:
    """The user unit running `<executable> --kiosk [--content <dir>]`."""
    service = _service(kiosk_command(executable, content))
    return USER_TEMPLATE.format(unit=UNIT_NAME, start_limit=_START_LIMIT, service=service)


def system_unit_text(
    executable: str,
    content: Path | None = None,
    user: str = DEFAULT_USER,
    tty: str = DEFAULT_TTY,
    rotate_output: str | None = None,
    cage: str = CAGE,
) -> str:
    """The system unit running the kiosk in cage on `tty` as `user`.

    `rotate_output` names a screen (as `wlr-randr` lists it, e.g. HDMI-A-1)
    to turn to portrait (90 degrees) before the kiosk starts. Raises
    ValueError for a user or terminal name systemd would not take.
    """
    if not _NAME.fullmatch(user):
        raise ValueError(f"not a user name: {user!r}")
    if not _TTY.fullmatch(tty):
        raise ValueError(f"not a virtual terminal like tty7: {tty!r}")
    command = kiosk_command(executable, content)
    if rotate_output:
        # cage runs one program; a small shell turns the screen, then becomes
        # the kiosk. A wrong output name only leaves the screen as it was.
        rotate = shlex.join([WLR_RANDR, "--output", rotate_output, "--transform", "90"])
        command = ["/bin/sh", "-c", f"{rotate}; exec {shlex.join(command)}"]
    return SYSTEM_TEMPLATE.format(
        unit=UNIT_NAME,
        pam=PAM_NAME,
        user=user,
        tty=tty,
        start_limit=_START_LIMIT,
        service=_service([cage, "--", *command]),
    )


def pam_text() -> str:
    """/etc/pam.d/clinic-kiosk, the session the system unit's PAMName= opens."""
    return PAM_TEMPLATE.format(pam=PAM_NAME, unit=UNIT_NAME)


def _service(args: list[str]) -> str:
    return _SERVICE.format(
        exec_start=" ".join(quote_arg(arg) for arg in args),
        staff_exit=STAFF_EXIT,
        already_running=ALREADY_RUNNING,
    )
