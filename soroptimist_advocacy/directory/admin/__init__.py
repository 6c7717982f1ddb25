"""Admin views of the decision-maker directory: listing, import and corrections."""
