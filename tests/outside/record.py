"""What a screen reader meets today, for a person to read: the kiosk's
accessible tree at start and the AT-SPI events of one slide change.

    .venv/bin/python -m tests.outside.record [--hidden]

--hidden adds the screens and overlays that are built but not on screen."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from tests.outside.atspi_session import on_screen, outline
from tests.outside.kiosk_under_reader import running_kiosk, title_objects


def describe(event: dict) -> str:
    source = event["source"] or {}
    data = event["data"]
    if isinstance(data, dict):
        data = f"[{data['role']}] {data['name']!r}"
    elif isinstance(data, str):
        data = repr(data.strip()[:70])
    return (
        f"{event['type']} [{source.get('role')}] {source.get('name')!r} "
        f"detail1={event['detail1']} detail2={event['detail2']} data={data}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hidden", action="store_true", help="list objects not on screen too")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, running_kiosk(Path(folder), 3600) as kiosk:
        session = kiosk.session
        tree = kiosk.tree_at_start
        print("== The kiosk at start ==")
        print(outline(tree if args.hidden else on_screen(tree)))
        print("\n== The focused object at start ==")
        print(kiosk.focus_at_start)
        mark = session.mark()
        session.key("Right")
        second = kiosk.english.slides[1].title
        session.wait_until(lambda: title_objects(session, second), 10, "the second slide")
        settled = len(session.events)
        while True:  # the slide's animation may say more: until half a second of quiet
            session.pull_events(wait_ms=500)
            if len(session.events) == settled:
                break
            settled = len(session.events)
        print("\n== AT-SPI events of one press of Right ==")
        for event in session.events_since(mark):
            print(describe(event))


if __name__ == "__main__":
    main()
