"""Admin views of the app, one module per flow (as ``wagtail_localize/views/``)."""
