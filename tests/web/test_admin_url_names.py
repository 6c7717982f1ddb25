"""Every admin URL name in web/admin/url_names.py reverses to an admin URL: a viewset renamed
or a view dropped without its constant fails here rather than as a broken link in the admin."""

import uuid

import pytest
from django.urls import reverse

from soroptimist_advocacy.web.admin import url_names

# The arguments each view takes; names without an entry take none.
ARGUMENTS = {
    url_names.DECISION_MAKERS_EXPORT: [1],
    url_names.DECISION_MAKERS_MANAGED_LOCALLY: [1],
    url_names.CORRECTIONS_RESOLVE: [1],
    url_names.ACTION_REPORTS_INSPECT: [1],
    url_names.ACTION_REPORTS_ERASE: [1],
    url_names.CAMPAIGN_IMPACT_CAMPAIGN: [uuid.uuid4()],
    url_names.CAMPAIGN_IMPACT_RESPONSE_BOARD: [uuid.uuid4()],
}
URL_NAMES = sorted(
    value for name, value in vars(url_names).items() if name.isupper() and isinstance(value, str) and ":" in value
)
NAMESPACES = [
    url_names.DECISION_MAKERS,
    url_names.CORRECTIONS,
    url_names.SUGGESTIONS,
    url_names.ACTION_REPORTS,
    url_names.CAMPAIGN_IMPACT,
    url_names.CAMPAIGN_BUNDLE,
]


def test_every_url_name_belongs_to_a_known_viewset():
    assert len(URL_NAMES) >= 14
    assert all(name.split(":")[0] in NAMESPACES for name in URL_NAMES)


@pytest.mark.parametrize("name", URL_NAMES)
def test_each_admin_url_name_reverses(name):
    assert reverse(name, args=ARGUMENTS.get(name, [])).startswith("/admin/")
