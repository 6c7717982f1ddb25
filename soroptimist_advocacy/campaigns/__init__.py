"""Campaigns: the campaign pages behind the figures, their figures and sources, the letter counters and figures.json."""
