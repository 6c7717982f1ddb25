"""A campaign's hero and share images travel as the bundle's own files and are checked as the
image upload form checks them."""

from __future__ import annotations

import hashlib
import io
import json

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail_localize.models import SegmentOverride, Translation, TranslationSource

from soroptimist_advocacy.bundle.errors import BundleRefused
from soroptimist_advocacy.bundle.importer import import_campaign
from soroptimist_advocacy.models import ActionKitPage, LetterTemplate
from tests import factories

from .bundles import changed, export, read_members, site_campaign

pytestmark = pytest.mark.django_db


def png(colour=(0, 66, 122), size=(64, 36)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


def make_image(title: str, data: bytes):
    image = get_image_model()(title=title)
    image.file.save(f"{title.lower()}.png", ImageFile(io.BytesIO(data), name=f"{title.lower()}.png"), save=False)
    image.save()
    return image


@pytest.fixture
def bundle(tmp_path):
    page = site_campaign()
    page.hero_image = make_image("Hero", png())
    page.share_image = make_image("Share", png((200, 0, 0)))
    page.save_revision().publish()
    path = export(ActionKitPage.objects.get(pk=page.pk), tmp_path / "images.zip")
    Page.objects.filter(depth__gt=2).delete()
    LetterTemplate.objects.all().delete()
    get_document_model().objects.all().delete()
    get_image_model().objects.all().delete()
    return path


def test_hero_and_share_images_travel_with_the_campaign(bundle):
    import_campaign(bundle, factories.home(), live=True)

    campaign = ActionKitPage.objects.get()
    assert campaign.hero_image.title == "Hero"
    assert campaign.hero_image.file_hash == hashlib.sha1(png()).hexdigest()
    assert campaign.share_image.file_hash == hashlib.sha1(png((200, 0, 0))).hexdigest()


def test_an_image_the_site_holds_is_reused(bundle):
    import_campaign(bundle, factories.home(), live=True)
    import_campaign(bundle, factories.home(), live=True)

    assert get_image_model().objects.count() == 2


def test_a_file_that_is_not_an_image_is_refused_and_nothing_stored(bundle, tmp_path):
    members = read_members(bundle)
    fake = b"<svg onload='alert(1)'></svg>" * 10
    digest = hashlib.sha1(fake).hexdigest()

    def swap(manifest):
        old = manifest["images"][0]
        manifest["campaign"]["hero_image"] = digest
        manifest["images"][0] = {**old, "id": digest, "file": f"images/{digest}.png"}

    hostile = changed(bundle, tmp_path / "fake.zip", swap, {f"images/{digest}.png": fake})
    assert len(members) + 1 == len(read_members(hostile))

    with pytest.raises(BundleRefused) as refused:
        import_campaign(hostile, factories.home(), live=True)

    assert any(text.startswith("images[0].file") for text in refused.value.messages)
    assert not get_image_model().objects.exists() and not ActionKitPage.objects.exists()


def test_an_image_that_does_not_match_its_checksum_is_refused(bundle, tmp_path):
    def corrupt(manifest):
        manifest["images"][0]["id"] = "0" * 40

    with pytest.raises(BundleRefused) as refused:
        import_campaign(changed(bundle, tmp_path / "sum.zip", corrupt), factories.home(), live=True)

    assert any("does not match its checksum" in text for text in refused.value.messages)


def test_a_campaign_image_the_bundle_lacks_is_refused(bundle, tmp_path):
    def dangle(manifest):
        manifest["campaign"]["share_image"] = "f" * 40

    with pytest.raises(BundleRefused) as refused:
        import_campaign(changed(bundle, tmp_path / "dangle.zip", dangle), factories.home(), live=True)

    assert "campaign.share_image: is not an image of this bundle." in refused.value.messages
    assert not get_image_model().objects.exists()


def test_a_dry_run_leaves_no_image_nor_file_behind(bundle):
    Image = get_image_model()
    storage = Image._meta.get_field("file").storage
    _folders, before = storage.listdir("original_images")

    result = import_campaign(bundle, factories.home(), live=True, dry_run=True)

    assert result.dry_run and not Image.objects.exists()
    assert storage.listdir("original_images")[1] == before


def test_a_translations_own_share_image_travels_as_its_override(tmp_path):
    home = factories.home()
    french = Locale.objects.get_or_create(language_code="fr")[0]
    home.copy_for_translation(french).save_revision().publish()
    page = site_campaign(home)
    page.share_image = make_image("Share", png((200, 0, 0)))
    page.save_revision().publish()
    source, _created = TranslationSource.get_or_create_from_instance(ActionKitPage.objects.get(pk=page.pk))
    segment = source.overridablesegment_set.get(context__path="share_image")
    picture = make_image("Partage", png((0, 200, 0)))
    SegmentOverride.objects.create(locale=french, context=segment.context, data_json=json.dumps(picture.pk))
    Translation.objects.create(source=source, target_locale=french).save_target(publish=False)
    page.get_translation(french).get_latest_revision().publish()
    bundle = export(ActionKitPage.objects.get(pk=page.pk), tmp_path / "override.zip")
    Page.objects.filter(depth__gt=2).delete()
    LetterTemplate.objects.all().delete()
    get_document_model().objects.all().delete()
    get_image_model().objects.all().delete()
    TranslationSource.objects.all().delete()

    import_campaign(bundle, home, live=True)

    imported = {campaign.locale.language_code: campaign for campaign in ActionKitPage.objects.all()}
    assert imported["en"].share_image.file_hash == hashlib.sha1(png((200, 0, 0))).hexdigest()
    assert imported["fr"].share_image.file_hash == hashlib.sha1(png((0, 200, 0))).hexdigest()
