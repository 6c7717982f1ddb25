"""Checkboxes for a long list of countries, grouped by region, with a filter: the editor's
"Countries to reach" (some 250 countries, where a multiple <select> needs Ctrl-click and
scrolling). Without JavaScript it is a plain list of checkboxes under region headings."""

from __future__ import annotations

from django import forms

from soroptimist_advocacy.web.regions import grouped


class CountryCheckboxes(forms.CheckboxSelectMultiple):
    template_name = "soroptimist_advocacy/widgets/country_checkboxes.html"

    class Media:
        js = ["soroptimist_advocacy/js/country-checkboxes.js"]
        css = {"all": ["soroptimist_advocacy/css/country-checkboxes.css"]}

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        options = [option for _group, suboptions, _index in context["widget"]["optgroups"] for option in suboptions]
        context["widget"]["regions"] = [
            {
                "key": key,
                "label": label,
                "options": [option for _code, option in items],
                "chosen": sum(1 for _code, option in items if option["selected"]),
            }
            for key, label, items in grouped((option["value"], option) for option in options)
        ]
        return context
