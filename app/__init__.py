"""Clinic kiosk: an offline patient-education kiosk."""

__version__ = "0.1.0"
