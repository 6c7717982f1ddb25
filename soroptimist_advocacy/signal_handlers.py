"""Keep cached pages honest: publishing what a page shows purges that page."""
