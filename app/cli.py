"""Command line: `clinic-kiosk [--kiosk|--present]`, `check`, `export --png|--pdf`,
`set-pin`, `service [--system|--pam|--desktop-file]`, `stats`."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from app import __version__, resources


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        message = f"expected WIDTHxHEIGHT, like 1920x1080, not {text!r}"
        raise argparse.ArgumentTypeError(message) from None
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise argparse.ArgumentTypeError("width and height must be between 200 and 8000")
    return width, height


def _day(text: str) -> str:
    import datetime

    try:
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a day like 2025-03-01, not {text!r}") from None


def build_parser() -> argparse.ArgumentParser:
    # --content is accepted before or after the command; SUPPRESS keeps the
    # sub-command's copy from overwriting a value given before it.
    content_main = argparse.ArgumentParser(add_help=False)
    content_main.add_argument(
        "--content", type=Path, metavar="DIR", help="content pack folder (default: bundled)"
    )
    content_sub = argparse.ArgumentParser(add_help=False)
    content_sub.add_argument(
        "--content", type=Path, metavar="DIR", default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )
    parser = argparse.ArgumentParser(
        prog="clinic-kiosk",
        description="Offline patient-education kiosk.",
        parents=[content_main],
    )
    parser.add_argument("--version", action="version", version=f"clinic-kiosk {__version__}")
    parser.add_argument(
        "--kiosk", action="store_true", help="full screen, for an unattended waiting room"
    )
    parser.add_argument(
        "--present",
        action="store_true",
        help="staff presenter mode: slides full screen, a console with notes and timer",
    )
    parser.add_argument(
        "--exit-after-first-paint",
        action="store_true",
        help=argparse.SUPPRESS,  # for the start-up benchmark (tests/bench/bench.py)
    )
    parser.add_argument(
        "--lang", metavar="xx", help="language to start in (default: the deck's first)"
    )
    commands = parser.add_subparsers(dest="command")
    check = commands.add_parser(
        "check", parents=[content_sub], help="validate a content pack and report every problem"
    )
    check.add_argument(
        "dir", nargs="?", type=Path, help="pack folder (default: --content or bundled)"
    )
    check.add_argument(
        "--layout",
        action="store_true",
        help="lay out every screen offscreen (3 screen sizes, every language, text size and "
        "theme) and report words that are cut off or overlap",
    )
    export = commands.add_parser(
        "export",
        parents=[content_sub],
        help="render every screen to PNG, or a printable PDF handout, without a display",
    )
    target = export.add_mutually_exclusive_group(required=True)
    target.add_argument("--png", type=Path, metavar="DIR", help="output folder for PNGs")
    target.add_argument("--pdf", type=Path, metavar="FILE", help="write a printable handout")
    export.add_argument("--size", type=_size, default=(1920, 1080), metavar="WxH")
    export.add_argument(
        "--text-size",
        choices=("normal", "large", "largest"),
        default="normal",
        help="PNG: the patient's text size setting",
    )
    export.add_argument("--high-contrast", action="store_true", help="PNG: the high-contrast theme")
    export.add_argument("--lang", metavar="xx", default=argparse.SUPPRESS)
    export.add_argument(
        "--notes", action="store_true", help="PDF: add the speaker notes to each slide"
    )
    export.add_argument(
        "--paper", choices=("a4", "letter"), default="a4", help="PDF: paper size (default a4)"
    )
    commands.add_parser(
        "set-pin", help="set the staff PIN (stored as a salted scrypt hash, never in the pack)"
    )
    stats = commands.add_parser(
        "stats", help="the kiosk's usage counts: topics viewed, use by day, comfort settings"
    )
    stats.add_argument("--since", type=_day, metavar="YYYY-MM-DD", help="from this day on")
    stats.add_argument("--csv", type=Path, metavar="FILE", help="also write the counts as CSV")
    stats.add_argument(
        "--from",
        dest="sources",
        type=Path,
        action="append",
        metavar="CSV",
        help="read these CSV files (from several kiosks, added up) instead of this kiosk's counts",
    )
    service = commands.add_parser(
        "service",
        parents=[content_sub],
        help="print a systemd unit that runs the kiosk and restarts it (user unit by default)",
    )
    what = service.add_mutually_exclusive_group()
    what.add_argument(
        "--system",
        action="store_true",
        help="a system unit: the kiosk in cage on a virtual terminal as a dedicated user",
    )
    what.add_argument(
        "--pam", action="store_true", help="the PAM file the system unit needs (/etc/pam.d/)"
    )
    what.add_argument(
        "--desktop-file", action="store_true", help="the clinic-kiosk.desktop launcher"
    )
    service.add_argument(
        "--user", default="kiosk", metavar="NAME", help="--system: the kiosk's user (kiosk)"
    )
    service.add_argument(
        "--tty", default="tty7", metavar="ttyN", help="--system: its virtual terminal (tty7)"
    )
    service.add_argument(
        "--rotate",
        metavar="OUTPUT",
        help="--system: turn this screen to portrait first (a name wlr-randr lists)",
    )
    service.add_argument(
        "--executable",
        metavar="PATH",
        help="the clinic-kiosk command to run (default: this installation's)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is not None:
        # One-shot commands log to the terminal; the kiosk itself sets up its
        # rotating log file in app.main.run.
        logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    content = args.content or resources.content_dir()
    if args.command == "check" and args.layout:
        return check_layout(args.dir or content)
    if args.command == "check":
        return check(args.dir or content)
    if args.command == "export" and args.pdf is not None:
        from app.export.pdf import HandoutError, export_pdf

        try:
            pages = export_pdf(content, args.pdf, args.lang, args.paper, args.notes)
        except HandoutError as exc:
            print(f"no handout written: {exc}", file=sys.stderr)
            return 1
        print(f"wrote a {pages}-page handout to {args.pdf}")
        return 0
    if args.command == "export":
        from app.export.png import export_png

        written = export_png(
            content,
            args.png,
            args.size,
            args.lang,
            text_size=("normal", "large", "largest").index(args.text_size),
            high_contrast=args.high_contrast,
        )
        print(f"wrote {len(written)} images to {args.png}")
        return 0
    if args.command == "set-pin":
        return set_pin()
    if args.command == "stats":
        return stats(args.since or "", args.csv, args.sources)
    if args.command == "service":
        return service(args)
    from app.main import run

    return run(
        content,
        kiosk=args.kiosk,
        present=args.present,
        language=args.lang,
        exit_after_first_paint=args.exit_after_first_paint,
    )


def check(folder: Path) -> int:
    """Print every problem in the pack; 1 when one of them is an error."""
    # Only qtawesome knows its icon names, and it needs a Qt application:
    # an offscreen one, so check runs without a display.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QGuiApplication

    from app.content.check import check_pack, format_problems, has_errors
    from app.content.progress_line import terminal_progress
    from app.ui.widgets.icons import icon_problem

    if QGuiApplication.instance() is None:
        QGuiApplication([sys.argv[0]])
    progress = terminal_progress(sys.stderr)  # a big pack takes seconds
    problems = check_pack(folder, icon_problem=icon_problem, progress=progress)
    if progress is not None:
        progress.done()
    if problems:
        print(format_problems(problems))
    return 1 if has_errors(problems) else 0


def check_layout(folder: Path) -> int:
    """Print every place a screen cuts or overlaps words; 1 when there is one."""
    from app.content.check import format_problems, has_errors
    from app.export.layout_check import check_layout as lay_out_and_measure

    problems = lay_out_and_measure(folder)
    if problems:
        print(format_problems(problems))
    return 1 if has_errors(problems) else 0


def stats(since: str, csv_file: Path | None, sources: list[Path] | None) -> int:
    """Print the usage counts since a day; write them as CSV if asked."""
    from app.system import usage_report
    from app.system.usage_store import UsageStore

    if sources:
        try:
            rows = usage_report.merge(*(usage_report.read_csv(path) for path in sources))
        except (OSError, ValueError) as exc:
            print(f"cannot read the usage CSV: {exc}", file=sys.stderr)
            return 1
        rows = usage_report.since(rows, since)
    else:
        rows = UsageStore().rows(since)
    print(usage_report.summary(rows))
    if csv_file is not None:
        try:
            written = usage_report.write_csv(rows, csv_file)
        except OSError as exc:
            print(f"cannot write {csv_file}: {exc.strerror or exc}", file=sys.stderr)
            return 1
        print(f"wrote {written} rows to {csv_file}")
    return 0


def set_pin() -> int:
    """Ask for the staff PIN twice and store only its salted hash."""
    import getpass

    from app.core.pin_store import pin_path, save_pin_hash
    from app.core.staff_pin import hash_pin, valid_pin

    if sys.stdin.isatty():
        pin = getpass.getpass("New staff PIN (4 to 12 digits): ")
        again = getpass.getpass("The same PIN again: ")
    else:  # piped in, e.g. by a provisioning script: one line
        pin = again = sys.stdin.readline().strip()
    problem = valid_pin(pin)
    if problem:
        print(f"PIN not set: {problem}", file=sys.stderr)
        return 1
    if pin != again:
        print("PIN not set: the two PINs differ", file=sys.stderr)
        return 1
    try:
        save_pin_hash(hash_pin(pin))
    except OSError as exc:
        print(f"PIN not set: cannot write {pin_path()}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"Staff PIN set (stored as a salted hash in {pin_path()}).")
    return 0


def service(args: argparse.Namespace) -> int:
    """Print a unit, the PAM file or the desktop file (`clinic-kiosk service --help`)."""
    from app.system import desktop_entry, service_unit

    if args.pam:
        print(service_unit.pam_text(), end="")
        return 0
    executable = args.executable or _executable()
    if executable is None:
        print(
            "clinic-kiosk is not installed as a command; run pip install . first",
            file=sys.stderr,
        )
        return 1
    if args.desktop_file:
        print(desktop_entry.desktop_file_text(executable), end="")
        return 0
    if not args.system:
        print(service_unit.unit_text(executable, args.content), end="")
        return 0
    try:
        text = service_unit.system_unit_text(
            executable, args.content, user=args.user, tty=args.tty, rotate_output=args.rotate
        )
    except ValueError as exc:
        print(f"no unit printed: {exc}", file=sys.stderr)
        return 2
    print(text, end="")
    return 0


def _executable() -> str | None:
    """The installed clinic-kiosk command of this installation (its venv first)."""
    import shutil

    beside = Path(sys.executable).with_name("clinic-kiosk")
    return str(beside) if beside.exists() else shutil.which("clinic-kiosk")


if __name__ == "__main__":
    sys.exit(main())
