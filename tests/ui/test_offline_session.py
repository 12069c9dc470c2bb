"""A whole kiosk session with the network and the system browser forbidden.

Every slide, every reference, the contact screen, an idle reset and a live
content reload: if anything (app code or a library) tries to reach the
network or hand a link to the desktop, the test fails."""

from __future__ import annotations

import shutil
import socket

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices

from app import resources
from app.ui.content_watcher import ContentWatcher
from tests.ui.kiosk_helpers import end_session, fire, start_kiosk


@pytest.fixture
def no_network(monkeypatch):
    attempts: list[str] = []

    def refuse(name):
        def fail(*args, **kwargs):
            attempts.append(name)
            raise AssertionError(f"{name} called: the kiosk must stay offline")

        return fail

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("gethostbyname"))
    monkeypatch.setattr(QDesktopServices, "openUrl", refuse("QDesktopServices.openUrl"))
    yield attempts
    assert attempts == []


def test_a_whole_session_stays_offline(qtbot, tmp_path, monkeypatch, no_network):
    monkeypatch.setenv("CLINIC_KIOSK_CONFIG_DIR", str(tmp_path / "config"))
    pack_dir = tmp_path / "content"
    shutil.copytree(resources.content_dir(), pack_dir)
    session, clock = start_kiosk(qtbot, pack_dir)
    win = session.window
    watcher = ContentWatcher(pack_dir, settle_ms=50, parent=win)
    watcher.packReady.connect(win.offer_pack)
    try:
        qtbot.mouseClick(win.slides.next_button, Qt.MouseButton.LeftButton)  # ends attract
        count = len(win.pack.slides)
        for index in range(count):
            win.controller.go(index)
            if win.slides.more_button.isVisible():
                qtbot.mouseClick(win.slides.more_button, Qt.MouseButton.LeftButton)
            win.grab()
        for reference in win.pack.references:
            win.open_references(reference.id)
            win.grab()
            qtbot.mouseClick(win.references.header.back_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(win.slides.contact_button, Qt.MouseButton.LeftButton)
        win.grab()
        # Idle: the prompt, then the reset.
        clock.advance(win.pack.deck.kiosk.idle_seconds)
        fire(session)
        clock.advance(win.pack.deck.kiosk.warning_seconds)
        fire(session)
        assert win.current_screen is win.slides
        assert win.slides.title_label.text() == win.pack.slides[0].title
        # A live update of the pack on disk.
        slide = sorted((pack_dir / "en").glob("*.md"))[1]
        old = win.pack.slides[1].title
        slide.write_text(
            slide.read_text(encoding="utf-8").replace(f"title: {old}", "title: Updated title"),
            encoding="utf-8",
        )
        qtbot.waitUntil(lambda: win.has_pending_pack, timeout=5000)
        win.controller.next()
        assert win.slides.title_label.text() == "Updated title"
    finally:
        end_session(session)
