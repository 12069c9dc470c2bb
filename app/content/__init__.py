"""Qt-free: load, validate and render a content pack."""
