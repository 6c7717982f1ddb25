"""Federation network: figures rolled up from partners, directories kept in sync.

Everything fetched from another site goes through :mod:`.fetch` (host allowlist,
one DNS lookup, no redirects, timeout, size limit) and then through the same
validation an upload gets.
"""
