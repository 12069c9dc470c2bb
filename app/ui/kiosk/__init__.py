"""The unattended waiting-room kiosk: idle reset, attract loop, staff door."""
