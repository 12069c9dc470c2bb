"""The operating system around the kiosk: logs, one instance, the service unit."""
