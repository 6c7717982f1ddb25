"""A club evening's pack, ``<campaign>/pack/``: one .docx with a letter per member named.

An organiser types the members' names, one a line (up to ``MAX_MEMBERS``), and the club and town
they share when she wants them printed; each member gets her own letter to each decision maker
chosen, with its own reference code, so every letter can be counted as sent on its own. Nothing
is stored but the codes (no names) and the anonymous counters, which count every letter. The page
is private (a CSRF token, ``no-store``) and has a rate limit of its own.
"""

from __future__ import annotations

from django import forms
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from soroptimist_advocacy.campaigns.counters import count_letters
from soroptimist_advocacy.conf import settings
from soroptimist_advocacy.letter_builder.contexts import letter_contexts
from soroptimist_advocacy.letter_builder.forms import LetterForm
from soroptimist_advocacy.letter_builder.references import referenced_contexts, withdraw_references
from soroptimist_advocacy.letter_builder.setup import LetterSetup
from soroptimist_advocacy.letters import LetterTooCostly, prepare
from soroptimist_advocacy.letters.merge import merge_letters
from soroptimist_advocacy.models.campaign_sources import page_source
from soroptimist_advocacy.models.text_limits import SHORT_TEXT_MAX
from soroptimist_advocacy.web.caching import no_store
from soroptimist_advocacy.web.countries import parse_country
from soroptimist_advocacy.web.printable import validate_printable
from soroptimist_advocacy.web.ratelimit import hit, rate_limited_page

MAX_MEMBERS = 50
# Members times decision makers: what one pack may print (and one request may render).
MAX_LETTERS = 100
TEMPLATE_DIR = "soroptimist_advocacy/pages/"
FORM_TEMPLATE = TEMPLATE_DIR + "pack_form.html"
RATE_LIMITED_TEMPLATE = TEMPLATE_DIR + "pack_rate_limited.html"
RATE_SCOPE = "pack"


class PackForm(LetterForm):
    """The letter form with a list of names in place of one member's name and email."""

    # Django's way to drop a parent form's field (stubs type fields as fields only).
    name = None  # type: ignore[assignment]
    email = None  # type: ignore[assignment]
    names = forms.CharField(
        label=_("Members' names, one per line"),
        widget=forms.Textarea(attrs={"rows": 10}),
        validators=[validate_printable],
        error_messages={"required": _("Please give at least one name, one per line.")},
    )
    club = forms.CharField(
        label=_("Club (optional)"), max_length=SHORT_TEXT_MAX, required=False, validators=[validate_printable]
    )
    town = forms.CharField(
        label=_("Town or city (optional)"), max_length=SHORT_TEXT_MAX, required=False, validators=[validate_printable]
    )

    field_order = ["names", "club", "town", "country", "decision_maker", "language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Here, not in the field: formatted in the language of the request, not of the import.
        self.fields["names"].help_text = ngettext(
            "Up to %(count)d name; each member gets her own letter, with its own code.",
            "Up to %(count)d names; each member gets her own letter, with its own code.",
            MAX_MEMBERS,
        ) % {"count": MAX_MEMBERS}

    def clean_names(self) -> list[str]:
        names = [line.strip() for line in self.cleaned_data["names"].splitlines() if line.strip()]
        if not names:
            raise forms.ValidationError(_("Please give at least one name, one per line."))
        if len(names) > MAX_MEMBERS:
            raise forms.ValidationError(
                _("A pack holds at most %(count)d names: please make two packs.") % {"count": MAX_MEMBERS}
            )
        if any(len(name) > SHORT_TEXT_MAX for name in names):
            raise forms.ValidationError(
                _("Each name may have at most %(count)d characters.") % {"count": SHORT_TEXT_MAX}
            )
        return names

    def clean(self):
        cleaned = super().clean()
        letters = len(cleaned.get("names") or []) * max(1, len(cleaned.get("decision_maker") or []))
        if letters > MAX_LETTERS:
            self.add_error(
                None, _("A pack holds at most %(count)d letters: please make two packs.") % {"count": MAX_LETTERS}
            )
        return cleaned


def pack_contexts(form: PackForm) -> tuple[list[dict], list]:
    """The engine's context of every letter of a valid *form* (each member's, to each decision
    maker chosen), and the decision maker of each (none for a country with nobody listed)."""
    per_member = []
    decision_makers = form.chosen_decision_makers()
    for name in form.cleaned_data["names"]:
        member = {"name": name, "club": form.cleaned_data["club"], "town": form.cleaned_data["town"], "email": ""}
        per_member.append(letter_contexts(form, member=member))
    contexts = [context for contexts in per_member for context in contexts]
    addressees = decision_makers * len(per_member) if decision_makers else []
    return contexts, addressees


class PackPages:
    """The ``pack/`` route's work for campaign *page*, through its letter *builder*
    (``delivery.LetterBuilder``: the template and the .docx response); it keeps nothing else."""

    def __init__(self, page, builder):
        self.page = page
        self.builder = builder

    def form(self, data=None, initial=None) -> PackForm:
        return PackForm(data=data, initial=initial, setup=LetterSetup(self.page))

    def form_page(self, request, form: PackForm | None, status: int = 200) -> HttpResponse:
        page_url = self.page.get_url(request)
        context = self.page.get_context(request)
        context.update(
            {
                "pack_form": form,
                "pack_action": page_url + self.page.reverse_subpage("pack_route"),
                "max_members": MAX_MEMBERS,
            }
        )
        return no_store(TemplateResponse(request, FORM_TEMPLATE, context, status=status))

    def deliver(self, request, form: PackForm) -> HttpResponse | None:
        """The pack's .docx, every letter counted; None when it is too long to make (*form* says so)."""
        language, country = form.cleaned_data["language"], form.cleaned_data["country"]
        contexts, addressees = pack_contexts(form)
        source = page_source(self.page, request.POST.get("source"))
        contexts, codes = referenced_contexts(
            request,
            campaign=self.page,
            letter_page=form.setup.letter_block(language)[0],
            contexts=contexts,
            country=country,
            language=language,
            source=source,
            decision_makers=addressees,
        )
        try:
            prepared = prepare(self.builder.template(language), language)
            document = merge_letters([prepared.render(context) for context in contexts])
        except LetterTooCostly:
            withdraw_references(codes)
            form.add_error(None, _("This pack would be too long to make. Please shorten what you typed and try again."))
            return None
        count_letters(
            campaign_key=self.page.translation_key,
            country=country,
            language=language,
            number=len(contexts),
            source=source,
        )
        return self.builder.document_response(document, country)

    def serve(self, request) -> HttpResponse:
        """GET: the pack form (preset to ``?country=``); POST: the pack's .docx."""
        if request.method != "POST":
            if not self.page.is_open():
                return self.form_page(request, None)
            country = parse_country(request.GET.get("country"))
            form = self.form(initial={"country": country or ""})
            if form.country_decision_makers:
                form.initial["decision_maker"] = [form.country_decision_makers[0].pk]
            return self.form_page(request, form)
        if not self.page.is_open():
            return self.form_page(request, None, status=403)
        if not hit(request, RATE_SCOPE, limit=settings.PACK_RATE_LIMIT, window=settings.PACK_RATE_WINDOW):
            return rate_limited_page(request, self.page, RATE_LIMITED_TEMPLATE, int(settings.PACK_RATE_WINDOW))
        form = self.form(data=request.POST)
        if form.is_valid() and (response := self.deliver(request, form)) is not None:
            return response
        return self.form_page(request, form, status=400)
