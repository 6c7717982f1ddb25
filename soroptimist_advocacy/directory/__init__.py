"""The decision-maker directory as data: CSV import and export, Popolo JSON,
freshness. Used by the management commands and the admin upload alike."""
