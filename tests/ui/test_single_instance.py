"""SingleInstance: one kiosk per seat; a later start raises the first; a
killed kiosk's socket does not block; another display is another seat."""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
import uuid
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalSocket

from app.system.single_instance import SingleInstance, server_name

UID = os.getuid()


@pytest.fixture
def runtime_dir(monkeypatch):
    """A runtime folder of the test's own, short enough for socket paths."""
    folder = Path(tempfile.mkdtemp(prefix="kiosk-"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    for variable in ("WAYLAND_DISPLAY", "DISPLAY", "XDG_SEAT"):
        monkeypatch.delenv(variable, raising=False)
    yield folder
    shutil.rmtree(folder)


@pytest.fixture
def key() -> str:
    return f"kiosk-test-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def instances(qapp, runtime_dir):
    made: list[SingleInstance] = []

    def make(key: str) -> SingleInstance:
        made.append(SingleInstance(key))
        return made[-1]

    yield make
    for instance in made:
        instance.release()


def test_the_second_claim_fails_and_raises_the_first(qtbot, instances, key):
    first, second = instances(key), instances(key)
    assert first.listen()
    with qtbot.waitSignal(first.activationRequested):
        assert not second.listen()


def test_each_start_raises_again(qtbot, instances, key):
    first = instances(key)
    assert first.listen()
    for _ in range(2):
        with qtbot.waitSignal(first.activationRequested):
            assert not instances(key).listen()


def test_claiming_twice_in_one_instance_is_fine(qtbot, instances, key):
    first = instances(key)
    assert first.listen()
    with qtbot.assertNotEmitted(first.activationRequested):
        assert first.listen()


def test_different_keys_do_not_collide(instances, key):
    assert instances(key).listen()
    assert instances(key + "-other").listen()


def test_after_release_the_next_start_claims(instances, key):
    first = instances(key)
    assert first.listen()
    first.release()
    assert instances(key).listen()


def test_the_socket_is_in_the_runtime_folder_named_for_user_and_display(runtime_dir, monkeypatch):
    monkeypatch.setenv("DISPLAY", ":1")
    assert server_name("k") == str(runtime_dir / f"k-{UID}-_1")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")  # Wayland first: cage sets both
    assert server_name("k") == str(runtime_dir / f"k-{UID}-wayland-0")
    monkeypatch.delenv("WAYLAND_DISPLAY")
    monkeypatch.delenv("DISPLAY")
    monkeypatch.setenv("XDG_SEAT", "seat1")
    assert server_name("k") == str(runtime_dir / f"k-{UID}-seat1")
    monkeypatch.setenv("DISPLAY", "../../etc/passwd")  # never a path out of the folder
    assert Path(server_name("k")).parent == runtime_dir


def test_without_a_runtime_folder_the_temp_folder_is_used(monkeypatch):
    from PySide6.QtCore import QDir

    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    assert Path(server_name("k")).parent == Path(QDir.tempPath())
    monkeypatch.setenv("XDG_RUNTIME_DIR", "/nonexistent/folder")
    assert Path(server_name("k")).parent == Path(QDir.tempPath())


def test_two_displays_are_two_seats(instances, key, monkeypatch):
    monkeypatch.setenv("DISPLAY", ":0")
    first = instances(key)
    monkeypatch.setenv("DISPLAY", ":1")
    second = instances(key)
    assert first.listen()
    assert second.listen()
    assert first.name != second.name


def test_a_stale_socket_file_does_not_block(instances, key):
    # What a kill -9 leaves: the socket file, with nobody listening on it.
    path = Path(server_name(key))
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(str(path))
    dead.close()
    assert path.exists()
    assert instances(key).listen()
    assert not instances(key).listen()


def test_a_stale_lock_file_does_not_block(instances, key):
    Path(server_name(key) + ".lock").write_text("12345\n")  # a killed kiosk's
    assert instances(key).listen()


def test_a_kiosk_still_starting_keeps_the_seat(instances, key):
    # The first holds the lock but does not listen yet: a second start finds
    # no socket to ask, and still must not start a second kiosk.
    assert instances(key)._take_lock()
    assert not instances(key).listen()


def test_a_stranger_sending_junk_does_not_raise(qtbot, instances, key):
    first = instances(key)
    assert first.listen()
    stranger = QLocalSocket()
    stranger.connectToServer(first.name)
    assert stranger.waitForConnected(1000)
    with qtbot.assertNotEmitted(first.activationRequested):
        stranger.write(b"hello\n" + b"x" * 100)
        stranger.flush()
        qtbot.waitUntil(lambda: stranger.state() == QLocalSocket.LocalSocketState.UnconnectedState)
