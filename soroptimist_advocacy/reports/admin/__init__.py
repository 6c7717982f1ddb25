"""Admin views of action reports: the listing with its exports, the response board and charts."""
