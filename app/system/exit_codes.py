"""The kiosk's exit statuses, for the service manager: systemd restarts a
kiosk that stops for any other reason, but not one that stops for these
(`RestartPreventExitStatus=` in the unit `clinic-kiosk service` prints)."""

OK = 0  # an ordinary window closed, or a command finished
STAFF_EXIT = 10  # staff chose Exit in the kiosk's staff menu: stay stopped
ALREADY_RUNNING = 11  # a kiosk already runs on this seat; it was brought to the front
