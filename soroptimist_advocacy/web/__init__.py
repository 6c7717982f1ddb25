"""Web plumbing shared by the public pages: caching, rate limits and client address, honeypot, country select, spreadsheet export."""
