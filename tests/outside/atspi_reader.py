"""Reads the AT-SPI desktop as a screen reader does; runs under the system
python3, where Debian's pyatspi lives (PyPI has no pyatspi).

Not a pytest module: atspi_session.py starts it with /usr/bin/python3 on the
private session bus and talks to it over stdin/stdout, one JSON object a
line each way. Requests: {"cmd": ..., ...}; replies: {"ok": true, "result":
...} or {"ok": false, "error": "..."}. Between requests the GLib main loop
runs, so AT-SPI events are collected all the time, numbered from 1.

Objects are named by their path: the child indexes from the application
down, as found in the last tree. Only the standard library, GLib and pyatspi
are used here."""

import json
import os
import sys

import pyatspi
from gi.repository import Gio, GLib

# What a screen reader listens to when a kiosk changes under it. "window:"
# is every window event (create, activate, ...).
EVENT_TYPES = (
    "object:state-changed:focused",
    "object:state-changed:showing",
    "object:text-changed",
    "object:announcement",
    "object:property-change:accessible-name",
    "object:property-change:accessible-description",
    "window:",
)
MAX_EVENTS = 5000  # a kiosk left running for long keeps the newest


def state_names(obj):
    return sorted(pyatspi.stateToString(state) for state in obj.getState().getStates())


def brief(obj):
    """Role and name of an event's source: enough to tell what changed."""
    if obj is None:
        return None
    try:
        return {"role": obj.getRoleName(), "name": obj.name}
    except Exception as error:  # the object went away before we asked
        return {"role": "gone", "name": str(error)}


def pairs(strings):
    """AT-SPI's ["key:value", ...] as a dict."""
    return dict(item.split(":", 1) for item in strings or () if ":" in item)


def plain(value):
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, pyatspi.Accessible):
        return brief(value)
    return repr(value)


class Reader:
    def __init__(self):
        self.events = []
        self.serial = 0
        self.waiting = None  # (since, reply timer id) of an "events" request on hold
        self.a11y_bus = None  # our own connection to the accessibility bus (see locale)
        for kind in EVENT_TYPES:
            pyatspi.Registry.registerEventListener(self.on_event, kind)

    # --- events -------------------------------------------------------
    def on_event(self, event):
        self.serial += 1
        self.events.append(
            {
                "serial": self.serial,
                "type": event.type,
                "source": brief(event.source),
                "detail1": event.detail1,
                "detail2": event.detail2,
                "data": plain(event.any_data),
            }
        )
        del self.events[:-MAX_EVENTS]
        if self.waiting is not None and self.serial > self.waiting[0]:
            since, timer = self.waiting
            GLib.source_remove(timer)
            self.reply_events(since)

    def reply_events(self, since):
        self.waiting = None
        reply({"ok": True, "result": [e for e in self.events if e["serial"] > since]})
        return False  # as a GLib timeout: once

    def cmd_events(self, since=0, wait_ms=0):
        """Events after `since`; with `wait_ms`, held until one arrives or the time is up."""
        if wait_ms <= 0 or any(e["serial"] > since for e in self.events):
            return [e for e in self.events if e["serial"] > since]
        self.waiting = (since, GLib.timeout_add(wait_ms, self.reply_events, since))
        return HELD

    # --- the tree -----------------------------------------------------
    def app(self, name):
        desktop = pyatspi.Registry.getDesktop(0)
        for child in desktop:
            if child is not None and child.name == name:
                return child
        raise LookupError(f"no application named {name!r} on the AT-SPI desktop")

    def cmd_apps(self):
        desktop = pyatspi.Registry.getDesktop(0)
        return [child.name for child in desktop if child is not None]

    def node(self, obj, path, showing_only):
        states = state_names(obj)
        found = {
            "path": path,
            "role": obj.getRoleName(),
            "name": obj.name,
            "description": obj.description,
            "states": states,
            "attributes": pairs(obj.getAttributes()),
            "locale": self.locale(obj),
        }
        interfaces = pyatspi.listInterfaces(obj)
        if "Text" in interfaces:
            text = obj.queryText()
            found["text"] = text.getText(0, -1)
            # Where a toolkit says the language of the words themselves.
            found["text_language"] = pairs(text.getDefaultAttributeSet()).get("language", "")
            found["text_attributes"] = text.getAttributes(0)[0] if found["text"] else ""
        if "Hypertext" in interfaces:
            found["links"] = obj.queryHypertext().getNLinks()
        if "Action" in interfaces:
            action = obj.queryAction()
            found["actions"] = [action.getName(i) for i in range(action.nActions)]
        found["children"] = []
        for index, child in enumerate(obj):
            try:
                if child is None or (showing_only and "showing" not in state_names(child)):
                    continue
                found["children"].append(self.node(child, [*path, index], showing_only))
            except Exception:  # noqa: BLE001 (it went away while we walked: as Orca, skip it)
                continue
        return found

    def locale(self, obj):
        """The object's language as the application says it now. libatspi
        keeps the first answer for the object's life (no event tells of a
        change), so this asks over D-Bus itself."""
        if self.a11y_bus is None:
            session = Gio.bus_get_sync(Gio.BusType.SESSION, None)
            address = session.call_sync(
                "org.a11y.Bus",
                "/org/a11y/bus",
                "org.a11y.Bus",
                "GetAddress",
                None,
                GLib.VariantType("(s)"),
                Gio.DBusCallFlags.NONE,
                -1,
                None,
            ).unpack()[0]
            flags = (
                Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT
                | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION
            )
            self.a11y_bus = Gio.DBusConnection.new_for_address_sync(address, flags, None, None)
        reply = self.a11y_bus.call_sync(
            obj.app.bus_name,
            obj.path,
            "org.freedesktop.DBus.Properties",
            "Get",
            GLib.Variant("(ss)", ("org.a11y.atspi.Accessible", "Locale")),
            GLib.VariantType("(v)"),
            Gio.DBusCallFlags.NONE,
            5000,
            None,
        )
        return reply.unpack()[0] or ""

    def cmd_tree(self, app, showing_only=True):
        return self.node(self.app(app), [], showing_only)

    def at(self, app, path):
        obj = self.app(app)
        for index in path:
            obj = obj.getChildAtIndex(index)
            if obj is None:
                raise LookupError(f"no object at {path}")
        return obj

    def cmd_focused(self, app):
        """Every object of the application with the focused state, shown or not."""
        found = []

        def walk(obj, path):
            states = state_names(obj)
            if "focused" in states:
                found.append(
                    {
                        "path": path,
                        "role": obj.getRoleName(),
                        "name": obj.name,
                        "description": obj.description,
                        "states": states,
                    }
                )
            for index, child in enumerate(obj):
                try:
                    if child is not None:
                        walk(child, [*path, index])
                except Exception:  # noqa: BLE001 (it went away while we walked)
                    continue

        walk(self.app(app), [])
        return found

    def cmd_action(self, app, path, name):
        """Do the object's action called `name` ("Press", "Toggle", ...)."""
        action = self.at(app, path).queryAction()
        names = [action.getName(i) for i in range(action.nActions)]
        if name not in names:
            raise LookupError(f"no action {name!r} at {path}; it has {names}")
        return action.doAction(names.index(name))

    def cmd_activate_link(self, app, path, index):
        """Activate the object's hyperlink number `index`, as Orca's Enter on a link."""
        link = self.at(app, path).queryHypertext().getLink(index)
        target = link.getObject(0)
        return target.queryAction().doAction(0)


HELD = object()  # the reply comes later (see Reader.cmd_events)


def reply(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def wait_for_accessibility_bus(loop, seconds=60):
    """Until at-spi-bus-launcher owns org.a11y.Bus on the session bus: asked
    earlier, D-Bus would start a second launcher and two buses would race."""
    appeared = []

    def on_appeared(*_):
        appeared.append(True)
        loop.quit()

    watch = Gio.bus_watch_name(
        Gio.BusType.SESSION, "org.a11y.Bus", Gio.BusNameWatcherFlags.NONE, on_appeared, None
    )
    timer = GLib.timeout_add_seconds(seconds, loop.quit)
    loop.run()
    Gio.bus_unwatch_name(watch)
    if not appeared:
        raise SystemExit(f"org.a11y.Bus did not appear on the session bus in {seconds} s")
    GLib.source_remove(timer)


def main():
    loop = GLib.MainLoop()
    wait_for_accessibility_bus(loop)
    reader = Reader()
    buffer = b""

    def on_input(fd, condition):
        nonlocal buffer
        chunk = os.read(fd, 65536)
        if not chunk:
            loop.quit()  # the test closed our stdin: done
            return False
        buffer += chunk
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            request = json.loads(line)
            command = getattr(reader, "cmd_" + request.pop("cmd"))
            try:
                result = command(**request)
            except Exception as error:
                reply({"ok": False, "error": f"{type(error).__name__}: {error}"})
                continue
            if result is not HELD:
                reply({"ok": True, "result": result})
        return True

    GLib.io_add_watch(sys.stdin.fileno(), GLib.IO_IN | GLib.IO_HUP, on_input)
    reply({"ok": True, "result": "ready"})
    loop.run()


if __name__ == "__main__":
    main()
