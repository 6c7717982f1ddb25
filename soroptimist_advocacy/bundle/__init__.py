"""A campaign as a zip bundle, to share it between federation sites.

``manifest.json`` describes the Action Kit page, the resource pages its body lists,
its letter templates, its directory and the documents they use; ``documents/`` holds
the files and ``directory.csv`` the directory in the import format. Every id in the
manifest is the source's ``translation_key`` (pages, templates) or the file's
SHA-1 (documents), so importing the same bundle again updates rather than duplicates.
"""

FORMAT = "soroptimist-advocacy-campaign"
VERSION = 1
