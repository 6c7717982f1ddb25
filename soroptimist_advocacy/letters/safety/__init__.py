"""What keeps a template safe to render: archive and package checks, XML cleaning, the Jinja allowlist and the cost budget."""
