"""The "I sent it" page of a letter, ``<campaign>/sent/<code>/``: the code printed (and as a QR
code) on her letter counts it as sent, once.

The page holds no personal data and asks for none: how and when the letter went. It is private
(a CSRF token, ``no-store``): a code is as good as a vote, so every try, right or wrong, counts
against the client's rate limit, and an unknown or malformed code gets a friendly page, not an
error. Once counted, the member is offered the report form about the same country and decision
maker, to tell the campaign when they answer.
"""

from __future__ import annotations

import datetime
from urllib.parse import urlencode

from django import forms
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from soroptimist_advocacy.campaigns.reference_codes import display_code, parse_code
from soroptimist_advocacy.campaigns.references import Confirmation, confirm_sent, find_reference
from soroptimist_advocacy.conf import settings
from soroptimist_advocacy.models.letter_reference import LetterReference, SendingChannel
from soroptimist_advocacy.web.caching import no_store
from soroptimist_advocacy.web.ratelimit import hit, rate_limited_page

TEMPLATE_DIR = "soroptimist_advocacy/pages/"
FORM_TEMPLATE = TEMPLATE_DIR + "sent_form.html"
THANKS_TEMPLATE = TEMPLATE_DIR + "sent_thanks.html"
UNKNOWN_TEMPLATE = TEMPLATE_DIR + "sent_unknown.html"
RATE_LIMITED_TEMPLATE = TEMPLATE_DIR + "sent_rate_limited.html"
RATE_SCOPE = "sent"
# A letter dated a day ahead is a time zone, not a mistake.
FUTURE_GRACE = datetime.timedelta(days=1)


class SentForm(forms.Form):
    channel = forms.ChoiceField(
        label=_("How did you send it?"),
        choices=SendingChannel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please say how you sent your letter.")},
    )
    sent_on = forms.DateField(
        label=_("When did you send it?"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Please give the day you sent your letter."),
            "invalid": _("Please give the day as year-month-day, for example 2026-03-08."),
        },
    )

    def __init__(self, *args, made_on: datetime.date, **kwargs):
        kwargs.setdefault("initial", {"sent_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.made_on = made_on

    def clean_sent_on(self) -> datetime.date:
        sent_on = self.cleaned_data["sent_on"]
        if sent_on > timezone.localdate() + FUTURE_GRACE:
            raise forms.ValidationError(_("That day is still to come: please give the day you sent it."))
        if sent_on < self.made_on - FUTURE_GRACE:
            raise forms.ValidationError(_("That day is before the letter was made: please check it."))
        return sent_on


def report_url(request, page, reference: LetterReference) -> str:
    """The campaign's report form, preset to the letter's country and decision maker (when listed)."""
    query = {"country": reference.country}
    directory = page.get_directory() if reference.decision_maker_key else None
    if directory is not None:
        found = directory.get_decision_makers().filter(translation_key=reference.decision_maker_key).first()
        if found is not None:
            query["decision_maker"] = str(found.pk)
    return page.get_url(request) + page.reverse_subpage("report_route") + "?" + urlencode(query)


class SentPages:
    """The ``sent/<code>/`` route's work for campaign *page*; it keeps nothing but the page."""

    def __init__(self, page):
        self.page = page

    def render(self, request, template: str, context: dict, status: int = 200) -> HttpResponse:
        page_context = self.page.get_context(request)
        page_context.update(context)
        response = TemplateResponse(request, template, page_context, status=status)
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Referrer-Policy"] = "same-origin"  # the code is in the address
        return no_store(response)

    def reference(self, code: str) -> LetterReference | None:
        """The stored code of this campaign (any of its translations), if *code* is one."""
        canonical = parse_code(code)
        reference = find_reference(canonical) if canonical else None
        if reference is None or reference.campaign_key != self.page.translation_key:
            return None
        return reference

    def unknown(self, request, code: str) -> HttpResponse:
        """404, kindly: the code may be mistyped, or older than the campaign keeps codes."""
        shown = code if len(code) <= 40 else code[:40] + "…"
        return self.render(request, UNKNOWN_TEMPLATE, {"typed_code": shown}, status=404)

    def counted(self, request, reference: LetterReference, *, already: bool) -> HttpResponse:
        context = {
            "code": display_code(reference.code),
            "already_counted": already,
            "report_url": report_url(request, self.page, reference),
        }
        return self.render(request, THANKS_TEMPLATE, context)

    def form_page(self, request, reference: LetterReference, form: SentForm, status: int = 200) -> HttpResponse:
        action = self.page.get_url(request) + self.page.reverse_subpage(
            "sent_route", args=(display_code(reference.code),)
        )
        return self.render(
            request,
            FORM_TEMPLATE,
            {"sent_form": form, "code": display_code(reference.code), "sent_action": action},
            status,
        )

    def serve(self, request, code: str) -> HttpResponse:
        """GET: how and when she sent it; POST: count it as sent (once)."""
        if not hit(request, RATE_SCOPE, limit=settings.SENT_RATE_LIMIT, window=settings.SENT_RATE_WINDOW):
            window = int(settings.SENT_RATE_WINDOW)
            return rate_limited_page(request, self.page, RATE_LIMITED_TEMPLATE, window)
        reference = self.reference(code)
        if reference is None:
            return self.unknown(request, code)
        if reference.sent_on is not None:
            return self.counted(request, reference, already=True)
        made_on = timezone.localdate(reference.made_at)
        if request.method != "POST":
            return self.form_page(request, reference, SentForm(made_on=made_on))
        form = SentForm(request.POST, made_on=made_on)
        if not form.is_valid():
            return self.form_page(request, reference, form, status=400)
        outcome = confirm_sent(
            reference.code, channel=form.cleaned_data["channel"], sent_on=form.cleaned_data["sent_on"]
        )
        if outcome is Confirmation.UNKNOWN:  # purged between the two reads
            return self.unknown(request, code)
        return self.counted(request, reference, already=outcome is Confirmation.ALREADY_COUNTED)
