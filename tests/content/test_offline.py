"""check works with no network: textstat 0.7.9+ would fetch NLTK data
(docs/architecture.md, dependencies)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.content.packs import spanish_files, write_pack


def test_check_runs_with_the_network_blocked(tmp_path):
    root = write_pack(tmp_path, spanish_files())
    code = (
        "import socket\n"
        "def refuse(*args, **kwargs):\n"
        "    raise OSError('network use is not allowed')\n"
        "socket.socket.connect = refuse\n"
        "socket.socket.connect_ex = refuse\n"
        "socket.create_connection = refuse\n"
        "socket.getaddrinfo = refuse\n"
        "from pathlib import Path\n"
        "from app.content.check import check_pack, format_problems\n"
        f"problems = check_pack(Path({str(root)!r}))\n"
        "print(format_problems(problems))\n"
        "assert [p.severity for p in problems] == ['note'] * 4, problems\n"
    )
    repo = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=repo, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "reading grade" in result.stdout
