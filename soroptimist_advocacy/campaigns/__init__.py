"""Campaigns: figures (one owner of "response received", targets and sources), counters and figures.json."""
