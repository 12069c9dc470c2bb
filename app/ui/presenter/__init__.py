"""Presenter mode: the audience screen and the staff console."""
