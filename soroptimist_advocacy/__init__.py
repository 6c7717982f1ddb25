"""Localised advocacy campaigns for Wagtail: action kits, a decision-maker
directory, personalised .docx letters and action reports."""

__version__ = "0.1.0"
