"""Qt Widgets: windows, views, theme and the controller."""
