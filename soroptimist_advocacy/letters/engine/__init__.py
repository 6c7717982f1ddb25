"""How a letter is made: the template prepared once, filled with Jinja, merged and marked with its language."""
