"""Admin views of campaigns: impact and access."""
