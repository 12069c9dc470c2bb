"""Files shipped with the app: the wheel maps the top-level assets/ and
content/ folders here (see pyproject.toml). Use app.resources to find them."""
