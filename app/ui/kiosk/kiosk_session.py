"""Kiosk mode: the rules of app.core.kiosk_policy and app.core.staff_pin,
driven by Qt timers and input events.

One single-shot timer is armed for the next moment something is due (the
policy says when), so nothing ticks while the screen is still. The only
repeating timer is the 'Still reading?' countdown, which changes every
second on screen anyway."""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

from app import __version__
from app.core.kiosk_policy import KioskAction, KioskPolicy, KioskState
from app.core.pin_store import load_pin_hash, pin_path
from app.core.staff_pin import PinGate, PinResult
from app.ui.kiosk.attract_banner import AttractBanner
from app.ui.kiosk.idle_prompt import IdlePrompt
from app.ui.kiosk.pin_pad import PinPad
from app.ui.kiosk.staff_menu import StaffMenu
from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)

STAFF_CHORD = "Ctrl+Alt+Shift+S"
CORNER_HOLD_MS = 3000
CURSOR_HIDE_MS = 3000

INPUT_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.TouchBegin,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
}
WATCHED_EVENTS = INPUT_EVENTS | {
    QEvent.Type.MouseMove,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.ContextMenu,
    QEvent.Type.ShortcutOverride,
}


class KioskSession(QObject):
    exitRequested = Signal()

    def __init__(
        self,
        window: MainWindow,
        clock: Callable[[], float] = time.monotonic,
        diagnostics: Callable[[], str] = lambda: "",
    ) -> None:
        super().__init__(window)
        self.window = window
        self.clock = clock
        self.diagnostics = diagnostics
        # No pack (front desk screen): no attract loop until one arrives.
        self.policy: KioskPolicy | None = None
        self.due_timer = QTimer(self, singleShot=True)
        self.due_timer.timeout.connect(self._on_due)
        self.countdown_timer = QTimer(self, interval=1000)
        self.countdown_timer.timeout.connect(self._show_countdown)
        self.corner_timer = QTimer(self, singleShot=True, interval=CORNER_HOLD_MS)
        self.corner_timer.timeout.connect(self.open_staff_door)
        self.cursor_timer = QTimer(self, singleShot=True, interval=CURSOR_HIDE_MS)
        self.cursor_timer.timeout.connect(self._hide_cursor)
        self.cursor_hidden = False

        self.banner = AttractBanner(window)
        self.banner.pauseToggled.connect(self._on_pause)
        self.prompt = IdlePrompt(window)
        self.prompt.keepReading.connect(self._keep_reading)
        self.pin_pad = PinPad(window)
        self.pin_pad.pinEntered.connect(self._check_pin)
        self.staff_menu = StaffMenu(window)
        self.staff_menu.resumeRequested.connect(self.staff_menu.hide)
        self.staff_menu.reloadRequested.connect(self._reload)
        self.staff_menu.presenterRequested.connect(self.start_presenter)
        self.presenter = None  # app.ui.presenter.presenter_mode.PresenterMode while staff present
        self.staff_menu.exitRequested.connect(self._exit)
        self._stored_pin: str | None = None
        self.gate = PinGate(None, clock=clock)
        self._swallow_release = False

        self.chord = chord = QShortcut(QKeySequence(STAFF_CHORD), window)
        chord.activated.connect(self.open_staff_door)
        window.styleChanged.connect(self._apply_style)
        window.packChanged.connect(self._on_pack_changed)
        self._apply_style()
        QApplication.instance().installEventFilter(self)
        self.cursor_timer.start()
        self._on_pack_changed()

    def _on_pack_changed(self) -> None:
        """A swapped-in pack brings its own words and timings."""
        self.set_strings()
        pack = self.window.pack
        if pack is None:
            return
        if self.policy is None:
            self.policy = KioskPolicy(pack.deck.kiosk, self.clock)
            self._enter_attract()
        else:
            self.policy.set_timings(pack.deck.kiosk)
            self._schedule()

    # --- look ------------------------------------------------------------
    def set_strings(self) -> None:
        strings = self.window.strings
        for part in (self.banner, self.prompt, self.pin_pad, self.staff_menu):
            part.set_strings(strings)

    def _apply_style(self) -> None:
        m, theme = self.window.metrics, self.window.theme
        self.banner.apply_style(theme, m)
        for overlay in (self.prompt, self.pin_pad, self.staff_menu):
            overlay.apply_style(m)

    # --- attract loop and idle reset ---------------------------------------
    def _enter_attract(self) -> None:
        self.banner.set_paused(self.policy.paused)
        self.banner.show()
        self.banner.place()
        self._schedule()

    def _schedule(self) -> None:
        due = self.policy.seconds_until_due() if self.policy else None
        if due is None:
            self.due_timer.stop()
        else:
            self.due_timer.start(max(0, math.ceil(due * 1000)))

    def _on_due(self) -> None:
        for action in self.policy.poll():
            if action == KioskAction.ADVANCE:
                self.window.controller.advance_wrapping()
            elif action == KioskAction.WARN:
                self.prompt.open()
                self._show_countdown()
                self.countdown_timer.start()
            elif action == KioskAction.RESET:
                self._reset()
        self._schedule()

    def _show_countdown(self) -> None:
        if self.policy.state != KioskState.WARNING:
            self.countdown_timer.stop()
            return
        self.prompt.show_seconds(self.policy.warning_seconds_left())

    def _keep_reading(self) -> None:
        self.policy.keep_reading()
        self.prompt.hide()
        self.countdown_timer.stop()
        self._schedule()

    def _reset(self) -> None:
        """Ready for the next patient: nothing of the last one stays on screen."""
        self.countdown_timer.stop()
        for overlay in (self.prompt, self.pin_pad, self.staff_menu):
            overlay.hide()
        self.window.reset_for_next_patient()
        self.set_strings()
        self._enter_attract()

    def _on_pause(self, paused: bool) -> None:
        if paused:
            self.policy.pause()
        else:
            self.policy.resume()
        self._schedule()

    def _on_input(self) -> bool:
        """A touch, click or key. True: swallow it (it only ended the attract loop)."""
        if self.policy is None:
            return False
        was = self.policy.state
        swallow = self.policy.input()
        if was == KioskState.ATTRACT and self.policy.state != KioskState.ATTRACT:
            self.banner.hide()
        if was == KioskState.WARNING and self.policy.state != KioskState.WARNING:
            self.prompt.hide()
            self.countdown_timer.stop()
        self._schedule()
        return swallow

    # --- input -----------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind not in WATCHED_EVENTS:
            return False  # paints, layouts...: the cheap way out, taken most often
        if not isinstance(watched, QWidget) or watched.window() is not self.window:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            # The paging keys are window shortcuts and never arrive as a
            # KeyPress: count them here, or a keyboard reader would be asked
            # "Still reading?" while paging.
            self._on_input()
            return False
        if kind == QEvent.Type.MouseMove:
            self._show_cursor()
            if self.corner_timer.isActive() and not self._in_corner(event):
                self.corner_timer.stop()
            return False
        if kind == QEvent.Type.ContextMenu:
            return True  # no menus anywhere in kiosk mode
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease) and (
            event.button() != Qt.MouseButton.LeftButton
        ):
            return True  # right and middle clicks do nothing
        if kind == QEvent.Type.MouseButtonRelease:
            self.corner_timer.stop()
            if self._swallow_release:
                self._swallow_release = False
                return True
            return False
        if kind == QEvent.Type.KeyPress and self._is_escape_chord(event):
            return True
        if kind not in INPUT_EVENTS:
            return False
        if kind == QEvent.Type.MouseButtonPress and self._in_corner(event):
            self.corner_timer.start()
        if self._is_pause_control(watched):
            return False  # pausing the loop is not "starting"
        if self._on_input():
            self._swallow_release = kind == QEvent.Type.MouseButtonPress
            return True
        return False

    def _is_escape_chord(self, event) -> bool:
        """Keys that close or leave apps elsewhere: here they do nothing."""
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        alt = bool(mods & Qt.KeyboardModifier.AltModifier)
        return (
            key == Qt.Key.Key_F11
            or (ctrl and key in (Qt.Key.Key_Q, Qt.Key.Key_W))
            or (alt and key == Qt.Key.Key_F4)
        )

    def _is_pause_control(self, widget: QWidget) -> bool:
        return widget is self.banner.pause_button

    def _in_corner(self, event) -> bool:
        """The hidden staff gesture: a press held in the top-left corner."""
        side = self.window.metrics.px(120, 80)
        corner = QRect(self.window.mapToGlobal(self.window.rect().topLeft()), QSize(side, side))
        return corner.contains(event.globalPosition().toPoint())

    def _show_cursor(self) -> None:
        if self.cursor_hidden:
            QApplication.restoreOverrideCursor()
            self.cursor_hidden = False
        self.cursor_timer.start()

    def _hide_cursor(self) -> None:
        if not self.cursor_hidden:
            QApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)
            self.cursor_hidden = True

    # --- staff door ------------------------------------------------------
    def open_staff_door(self) -> None:
        self._on_input()  # staff are here: the attract loop stops, taps reach the pad
        stored = load_pin_hash()
        if stored != self._stored_pin:  # set-pin ran since: a fresh gate
            self._stored_pin = stored
            self.gate = PinGate(stored, clock=self.clock)
        self.pin_pad.open()
        self._show_gate_state()

    def _show_gate_state(self) -> None:
        s = self.window.strings
        if self._stored_pin is None:
            self.pin_pad.show_message(s["no_pin"])
            self.pin_pad.set_enabled_keys(False)
            return
        locked = self.gate.locked_for()
        self.pin_pad.set_enabled_keys(locked <= 0)
        if locked > 0:
            self.pin_pad.show_message(s["pin_locked"].format(seconds=math.ceil(locked)))
            QTimer.singleShot(math.ceil(locked * 1000), self._show_gate_state)

    def _check_pin(self, pin: str) -> None:
        s = self.window.strings
        result = self.gate.attempt(pin)
        if result == PinResult.OK:
            self.pin_pad.hide()
            self.staff_menu.set_diagnostics(self.diagnostics())
            self.staff_menu.open()
        elif result == PinResult.WRONG:
            self.pin_pad.show_message(s["pin_wrong"].format(tries=self.gate.tries_left))
        else:
            self._show_gate_state()

    def _reload(self) -> None:
        self.window.reload_content()
        self.staff_menu.set_diagnostics(self.diagnostics())

    # --- presenter mode (staff menu) ----------------------------------------
    def start_presenter(self) -> None:
        """Staff present from this window: the kiosk's rules sleep until they end."""
        from app.ui.presenter.presenter_mode import PresenterMode

        log.info("staff started presenter mode from the kiosk")
        self.suspend()
        self.presenter = PresenterMode(self.window, audience_screen=self.window.screen())
        self.presenter.finished.connect(self.resume)
        self.presenter.start()

    def suspend(self) -> None:
        """No attract loop, idle reset, staff door or hidden pointer for now."""
        for timer in (self.due_timer, self.countdown_timer, self.corner_timer, self.cursor_timer):
            timer.stop()
        for part in (self.banner, self.prompt, self.pin_pad, self.staff_menu):
            part.hide()
        self.chord.setEnabled(False)
        QApplication.instance().removeEventFilter(self)
        if self.cursor_hidden:
            QApplication.restoreOverrideCursor()
            self.cursor_hidden = False

    def resume(self) -> None:
        """Back to the locked kiosk, reading on from this slide (the idle
        timer starts afresh; the attract loop follows as usual)."""
        self.presenter = None
        self.window.showFullScreen()
        self.window.activateWindow()
        self.chord.setEnabled(True)
        QApplication.instance().installEventFilter(self)
        self.cursor_timer.start()
        if self.policy is not None:
            self.policy.input()
            self.banner.hide()
            self._schedule()
        log.info("presenter mode ended; the kiosk carries on")

    def _exit(self) -> None:
        log.info("staff exit from the kiosk")
        self.suspend()  # timers stopped too: a pointer hidden after this would stay hidden
        self.window.allow_close = True
        self.exitRequested.emit()
        self.window.close()


def describe(window: MainWindow, log_file: str, recent_errors: list[str]) -> str:
    """The diagnostics text staff see: versions, review dates, errors, the log."""
    pack = window.pack
    lines = [f"clinic-kiosk {__version__}", f"Content: {window.content_dir}"]
    if pack is not None:
        deck = pack.deck
        lines += [
            f"Pack: {deck.title} ({len(pack.slides)} slides, {pack.language})",
            f"Reviewed: {deck.reviewed or 'not recorded'}; review due: "
            f"{deck.review_due or 'not recorded'}",
        ]
        lines += [f"Translation {lang}: {status}" for lang, status in deck.translations.items()]
    lines.append(f"Staff PIN file: {pin_path()}")
    lines.append(f"Log file: {log_file}")
    lines.append("Recent errors:" if recent_errors else "Recent errors: none")
    lines += [f"  {message}" for message in recent_errors[-5:]]
    return "\n".join(lines)
