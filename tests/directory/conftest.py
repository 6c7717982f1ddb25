import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from tests import factories

HEADER = (
    "external_id,full_name,salutation,position_title,organisation,country,rank,postal_address,"
    "email,phone,website,source_url,last_verified,is_sample"
)


def csv_bytes(*lines: str, header: str = HEADER, bom: bool = False) -> bytes:
    """A CSV file made of *header* and *lines*, with Windows line ends as spreadsheets write them."""
    text = "\r\n".join((header,) + lines) + "\r\n"
    return (("\ufeff" if bom else "") + text).encode("utf-8")


FR_LINE = (
    "fr-equality,Aurore Bergé,Dear Minister,Minister for Equality,Ministry of Equality,FR,1,"
    '"20 avenue de Ségur\n75007 Paris",contact@example.fr,+33 1 23 45 67 89,https://example.fr,'
    "https://example.fr/source,2026-01-15,false"
)
FR_DEPUTY_LINE = (
    "fr-deputy,Marie Martin,Dear Madam,Delegate Minister for Women,Ministry of Equality,fr,2,,,,,,2026-01-15,"
)
KE_LINE = "ke-gender,Grace Wanjiru,Dear Cabinet Secretary,Cabinet Secretary for Gender,,KE,,,,,,,,yes"


@pytest.fixture
def empty_directory(db):
    return factories.make_directory(title="Decision makers", slug="directory")


@pytest.fixture
def valid_csv():
    return csv_bytes(FR_LINE, FR_DEPUTY_LINE, KE_LINE)


def make_user(username, *, groups=(), superuser=False, admin_access=False):
    User = get_user_model()
    user = User.objects.create_user(username=username, password="password", email=f"{username}@example.org")
    if superuser:
        user.is_superuser = user.is_staff = True
        user.save()
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    if admin_access:
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.fixture
def moderator(db):
    """Adds, changes and publishes pages anywhere: may import."""
    return make_user("moderator", groups=["Moderators"])


@pytest.fixture
def editor(db):
    """Adds and changes pages but may not publish: sees the listing, may not import."""
    return make_user("editor", groups=["Editors"])


@pytest.fixture
def outsider(db):
    """Reaches the admin but has no page permission at all."""
    return make_user("outsider", admin_access=True)
