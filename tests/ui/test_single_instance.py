"""SingleInstance: the second start raises the first; a crashed run's socket does not block."""

from __future__ import annotations

import os
import socket
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtNetwork import QLocalSocket

from app.system.single_instance import SingleInstance, server_name


@pytest.fixture
def key() -> str:
    return f"kiosk-test-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def instances(qapp):
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


def test_the_name_includes_the_user(key):
    user = str(os.getuid()) if hasattr(os, "getuid") else ""
    assert server_name(key).startswith(key)
    assert server_name(key).endswith(user)


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="Unix sockets only")
def test_a_stale_socket_file_does_not_block(instances, key):
    # What a crash leaves: the socket file, with nobody listening on it.
    path = Path(QDir.tempPath()) / server_name(key)
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(str(path))
    dead.close()
    assert path.exists()
    assert instances(key).listen()
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


def test_two_starts_at_once_leave_one_kiosk(qtbot, instances, key, monkeypatch):
    # A double click: the second asked before the first listened, and finds
    # the name taken when it tries to listen itself. It must ask again, not
    # take the name from the first.
    first, second = instances(key), instances(key)
    ask = second._ask_running_to_raise

    def first_listens_right_after(*args):
        answered = ask(*args)
        if first._server is None:
            assert first.listen()
        return answered

    monkeypatch.setattr(second, "_ask_running_to_raise", first_listens_right_after)
    with qtbot.waitSignal(first.activationRequested):
        assert not second.listen()
    assert instances(key + "-other").listen()
    assert not instances(key).listen()  # the first still holds the name
