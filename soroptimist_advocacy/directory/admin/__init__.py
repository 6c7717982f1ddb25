"""Admin views of the decision-maker directory: listing, import, coverage, and what members sent (corrections, suggestions)."""
