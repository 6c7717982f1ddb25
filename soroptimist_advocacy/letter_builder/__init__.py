"""The Wagtail side of letters: the form, its contexts, template lookup and versions, placeholders, sample letters and the letter's delivery (the route itself is a page method)."""
