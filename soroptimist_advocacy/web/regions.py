"""The world's countries by region (the UN's M49 regions), to group long country lists for editors.

M49 places every ISO 3166-1 country in one of five regions; Antarctica and any code a site adds to
django-countries (``XK``) fall under "Other" rather than being lost.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

REGIONS: dict[str, tuple[object, str]] = {
    "africa": (
        _("Africa"),
        "DZ EG LY MA SD TN EH IO BI KM DJ ER ET TF KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW AO CM CF TD CG "
        "CD GQ GA ST BW SZ LS NA ZA BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG",
    ),
    "americas": (
        _("Americas"),
        "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI BZ CR SV GT HN MX "
        "NI PA AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE BM CA GL PM US",
    ),
    "asia": (
        _("Asia"),
        "KZ KG TJ TM UZ CN HK MO KP JP MN KR TW BN KH ID LA MY MM PH SG TH TL VN AF BD BT IN IR MV NP PK LK AM "
        "AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE",
    ),
    "europe": (
        _("Europe"),
        "BY BG CZ HU PL MD RO RU SK UA AX DK EE FO FI GG IS IE IM JE LV LT NO SJ SE GB AL AD BA HR GI GR VA IT "
        "MT ME MK PT SM RS SI ES XK AT BE FR DE LI LU MC NL CH",
    ),
    "oceania": (
        _("Oceania"),
        "AU CX CC HM NZ NF FJ NC PG SB VU GU KI MH FM NR MP PW UM AS CK PF NU PN WS TK TO TV WF",
    ),
}
OTHER = ("other", pgettext_lazy("region of the world", "Other"))

REGION_OF: dict[str, str] = {code: key for key, (_label, codes) in REGIONS.items() for code in codes.split()}


def region_of(code: str) -> str:
    return REGION_OF.get(code.upper(), OTHER[0])


def grouped(choices) -> list[tuple[str, object, list]]:
    """*choices* (``(code, anything)``, in their order) as ``[(region key, label, [choice, ...])]``,
    regions in their fixed order, "Other" last and only when something falls in it."""
    groups: dict[str, list] = {key: [] for key in (*REGIONS, OTHER[0])}
    for choice in choices:
        groups[region_of(str(choice[0]))].append(choice)
    labels = {key: label for key, (label, _codes) in REGIONS.items()} | {OTHER[0]: OTHER[1]}
    return [(key, labels[key], items) for key, items in groups.items() if items]
