"""The display off while the clinic is closed, and on again: through the
compositor's output settings (`wlr-randr --output NAME --off` under cage).

Each command runs in a QProcess, never waited for on the UI thread; a
command that hangs is killed after a few seconds. One runs at a time and
only the latest wish counts: off, on, off in quick taps ends off. Without
an output name the outputs are found once by listing them with `wlr-randr`. A
missing or failing wlr-randr is logged once; the kiosk carries on with the
display as it is.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QProcess, QTimer, Signal

log = logging.getLogger(__name__)

PROGRAM = "wlr-randr"
# The tools (app/content/hours_toml.TOOLS): wlr-randr disables the output
# (it leaves the compositor's layout); wlopm only powers it down
# (wlr-output-power-management), so the screen and its touch input stay.
TIMEOUT_MS = 10_000


def output_names(listing: str) -> list[str]:
    """The names of the enabled outputs that `wlr-randr` lists; [] if none.

    Plain `wlr-randr` prints each output's name at the start of a line and
    its details indented ("  Enabled: no"): every version does (`--json`
    came later, and Debian 12 has 0.2). A JSON listing is read too."""
    if listing.lstrip().startswith("["):
        try:
            outputs = json.loads(listing)
        except ValueError:
            return []
        return [
            o["name"]
            for o in outputs
            if isinstance(o, dict) and isinstance(o.get("name"), str) and o.get("enabled", True)
        ]
    names: list[str] = []
    for line in listing.splitlines():
        if line.strip() and not line[0].isspace():
            names.append(line.split()[0])
        elif line.strip().lower() == "enabled: no" and names:
            names.pop()
    return names


def power_arguments(program: str, outputs: list[str], on: bool) -> list[str]:
    """One call for every output: wlr-randr --output A --off --output B --off,
    or wlopm --off A --off B."""
    switch = "--on" if on else "--off"
    arguments = []
    for name in outputs:
        if program == "wlopm":
            arguments += [switch, name]
        else:
            arguments += ["--output", name, switch]
    return arguments


class DisplayPower(QObject):
    done = Signal()  # a command ended, well or not (tests wait for it)

    def __init__(
        self, output: str = "", program: str = PROGRAM, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.program = program
        # None: ask wlr-randr; wlopm takes "*" for every output.
        self.outputs: list[str] | None = [output] if output else None
        if not output and program == "wlopm":
            self.outputs = ["*"]
        self.wanted: bool | None = None  # the latest wish
        self.applied: bool | None = None  # the last wish tried (None: the display as found)
        self.busy = False
        self._reported = False
        # One process, started again for each command.
        self.process = QProcess(self)
        self.process.setProgram(program)
        self.process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        self.process.finished.connect(self._finished)
        self.process.errorOccurred.connect(self._error)
        self._then: Callable[[bool, str], None] = lambda ok, output: None
        self.timeout = QTimer(self, singleShot=True, interval=TIMEOUT_MS)
        self.timeout.timeout.connect(self._kill)
        # The next command starts from the event loop, not inside the last
        # one's finished signal.
        self.soon = QTimer(self, singleShot=True, interval=0)
        self.soon.timeout.connect(self._next)

    def set_on(self, on: bool) -> None:
        self.wanted = on
        self._next()

    def restore_detached(self) -> None:
        """At exit: the display on again, by a process that outlives the
        kiosk (nothing is waited for). The caller knows it turned it off."""
        if self.outputs:
            QProcess.startDetached(self.program, power_arguments(self.program, self.outputs, True))

    def stop(self) -> None:
        """No command left running (the session ends)."""
        self.timeout.stop()
        self.soon.stop()
        if self.process.state() != QProcess.ProcessState.NotRunning:
            self._reported = True  # a kill of our own is not a failure to report
            self.process.kill()
            self.process.waitForFinished(1000)  # a killed child ends at once

    def _next(self) -> None:
        if self.busy or self.wanted is None or self.wanted == self.applied:
            return
        if self.outputs is None:
            self._run([], self._found_outputs)
            return
        wish = self.wanted
        self._run(
            power_arguments(self.program, self.outputs, wish), lambda ok, _out: self._applied(wish)
        )

    def _found_outputs(self, ok: bool, listing: str) -> None:
        names = output_names(listing) if ok else []
        if names:
            self.outputs = names
        else:
            if ok:
                self._report("`wlr-randr` listed no enabled output")
            self.applied = self.wanted  # nothing to turn: wait for the next wish

    def _applied(self, wish: bool) -> None:
        self.applied = wish

    def _run(self, arguments: list[str], then: Callable[[bool, str], None]) -> None:
        self.busy = True
        self._then = then
        self.process.setArguments(arguments)
        self.timeout.start()
        self.process.start()

    def _finished(self, code: int, status: QProcess.ExitStatus) -> None:
        ok = status == QProcess.ExitStatus.NormalExit and code == 0
        output = bytes(self.process.readAll().data()).decode("utf-8", "replace")
        if not ok:
            command = " ".join([self.program, *self.process.arguments()])
            self._report(f"`{command}` failed: {output.strip()}")
        self._ended(ok, output)

    def _error(self, kind: QProcess.ProcessError) -> None:
        if kind == QProcess.ProcessError.FailedToStart:  # no finished() follows
            self._report(f"{self.program} could not start ({self.process.errorString()})")
            self._ended(False, "")

    def _ended(self, ok: bool, output: str) -> None:
        if not self.busy:
            return
        self.busy = False
        self.timeout.stop()
        self._then(ok, output)
        if not ok:
            self.applied = self.wanted  # tried: no retry until the wish changes
        self.done.emit()
        self.soon.start()

    def _kill(self) -> None:
        if self.busy:
            self._report(f"{self.program} did not answer in {TIMEOUT_MS // 1000} s")
            self.process.kill()  # finished() follows, as a crash

    def _report(self, message: str) -> None:
        """Said once: a kiosk without wlr-randr would otherwise log it all night."""
        if self._reported:
            log.debug("display power: %s", message)
            return
        self._reported = True
        log.warning("display power: %s; the display is left as it is", message)
