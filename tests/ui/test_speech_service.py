"""A speech service that hangs: the kiosk stays responsive and Listen tells
the truth (hidden, never stuck on "Stop").

The first test starts Qt's real speech-dispatcher engine against a socket the
test opens and never answers (SPEECHD_ADDRESS): the library then blocks for
good inside spd_open, as on a clinic PC without working audio."""

from __future__ import annotations

import contextlib
import ctypes.util
import itertools
import shutil
import socket
import tempfile
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from app.ui import read_aloud
from app.ui.main_window import MainWindow
from tests.ui.test_comfort import needs_tts, tap, wait_for_voices


def speechd_library() -> bool:
    return ctypes.util.find_library("speechd") is not None


class SilentService:
    """A speech-dispatcher socket that takes connections and never answers."""

    def __init__(self) -> None:
        # A short folder: a socket's path must fit in 108 bytes.
        self.folder = Path(tempfile.mkdtemp(prefix="spd-"))
        self.path = self.folder / "speechd.sock"
        self.server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.server.bind(str(self.path))
        self.server.listen()
        self.peers: dict[socket.socket, int] = {}  # each client, and its requests not answered

    def first_request(self, seconds: float = 10) -> bytes:
        """Wait for a client and read what it asks (then leave it waiting)."""
        self.server.settimeout(seconds)
        peer, _ = self.server.accept()
        peer.settimeout(seconds)
        request = peer.recv(4096)
        self.peers[peer] = request.count(b"\n")
        return request

    def refuse_until_threads_end(self, seconds: float = 10) -> None:
        """Answer every request with an SSIP error, so the library gives up
        and the stuck speech thread can end. (Closing the socket instead
        makes libspeechd crash on the missing reply.)"""
        self.server.settimeout(0.05)
        deadline = time.monotonic() + seconds
        while read_aloud.threads_left_running() and time.monotonic() < deadline:
            with contextlib.suppress(TimeoutError):
                self.peers[self.server.accept()[0]] = 0
            for peer, waiting in self.peers.items():
                peer.sendall(b"300 ERR\r\n" * waiting)
                peer.settimeout(0.05)
                try:
                    self.peers[peer] = peer.recv(4096).count(b"\n")
                except TimeoutError:
                    self.peers[peer] = 0

    def close(self) -> None:
        for peer in self.peers:
            peer.close()
        self.server.close()
        shutil.rmtree(self.folder)


@pytest.fixture
def silent_service(monkeypatch):
    service = SilentService()
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{service.path}")
    yield service
    try:
        service.refuse_until_threads_end()
    finally:
        service.close()
    assert read_aloud.threads_left_running() == [], "the speech thread did not end"


def show(qtbot, window: MainWindow, pack_dir: Path) -> MainWindow:
    qtbot.addWidget(window)
    window.load(pack_dir)
    window.slides.transition.enabled = False
    window.resize(1920, 1080)
    return window


@needs_tts
@pytest.mark.skipif(not speechd_library(), reason="libspeechd2 is not installed")
def test_a_speech_service_that_never_answers_leaves_the_kiosk_responsive(
    qtbot, silent_service, pack_dir
):
    window = show(qtbot, MainWindow(speech_engine="speechd", warm_up_ms=0), pack_dir)
    ticks: list[float] = []
    timer = QTimer(interval=20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    try:
        with qtbot.waitSignal(window.warmedUp, timeout=10_000):
            window.show()  # the warm-up asks for the speech engine
        # The library has connected and now waits for an answer that never comes.
        assert silent_service.first_request().startswith(b"SET SELF CLIENT_NAME")
        since = len(ticks)
        for index in (1, 2):
            tap(qtbot, window.slides.next_button)
            assert window.controller.index == index
        assert window.slides.title_label.text() == "Third slide"
        qtbot.waitUntil(lambda: len(ticks) >= since + 100, timeout=10_000)  # about 2 s
        gaps = [later - earlier for earlier, later in itertools.pairwise(ticks[since:])]
        assert max(gaps) < 0.5, f"the UI thread stalled for {max(gaps):.2f} s"
        assert window.comfort.reader.speaking is False
        assert not window.slides.comfort.read_aloud_button.isVisible()
    finally:
        timer.stop()
    started = time.monotonic()
    assert not window.comfort.shut_down()  # stuck: left running, not waited for
    assert time.monotonic() - started < read_aloud.STOP_WAIT_MS / 1000 + 1


@pytest.fixture
def win(qtbot, pack_dir, monkeypatch):
    monkeypatch.setattr(read_aloud, "ANSWER_MS", 300)
    window = show(qtbot, MainWindow(speech_engine="mock"), pack_dir)
    window.show()
    qtbot.waitExposed(window)
    wait_for_voices(qtbot, window)
    return window


def swallow(monkeypatch, reader, method: str) -> None:
    """The service takes `method` and never answers it."""
    post = reader._post

    def post_but_that(name: str, *values) -> None:
        if name != method:
            post(name, *values)

    monkeypatch.setattr(reader, "_post", post_but_that)


@needs_tts
def test_a_service_that_never_starts_speaking_hides_listen(win, qtbot, monkeypatch):
    reader = win.comfort.reader
    swallow(monkeypatch, reader, "say")
    button = win.slides.comfort.read_aloud_button
    tap(qtbot, button)
    qtbot.waitUntil(lambda: not button.isVisible(), timeout=5000)
    assert not reader.speaking and not reader.available


@needs_tts
def test_a_service_that_never_stops_does_not_leave_stop_on_screen(win, qtbot, monkeypatch):
    reader = win.comfort.reader
    button = win.slides.comfort.read_aloud_button
    tap(qtbot, button)
    qtbot.waitUntil(lambda: reader.speaking)
    assert button.accessibleName() == "Stop"
    swallow(monkeypatch, reader, "stop")
    tap(qtbot, button)
    qtbot.waitUntil(lambda: not button.isVisible(), timeout=5000)
    assert not reader.speaking
    # The mock engine, still talking, ends its sentence: it answers again.
    qtbot.waitUntil(button.isVisible, timeout=10_000)
    assert button.accessibleName() == "Listen"
