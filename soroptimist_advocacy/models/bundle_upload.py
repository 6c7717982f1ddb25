"""A campaign bundle uploaded in the admin, kept between its dry run and the confirmation."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from soroptimist_advocacy.compat import page_model_name


class CampaignBundleUpload(models.Model):
    """The uploaded file, bound to the user who uploaded it and the parent and mode she previewed.

    Kept in the database rather than in a temporary file so that whichever app process
    answers the confirmation finds it; the confirmation names it by a random token whose
    hash alone is stored. Deleted once imported, and after a while in any case
    (``bundle.admin.UPLOAD_LIFETIME``). The model also carries the permission to import
    bundles at all, which has no natural home on a page type.
    """

    token_hash = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    parent = models.ForeignKey(page_model_name(), on_delete=models.CASCADE, related_name="+")
    live = models.BooleanField(default=False)
    filename = models.CharField(max_length=255, blank=True)
    data = models.BinaryField()
    uploaded_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        default_permissions = ()
        permissions = [("import_campaign_bundle", _("Can import a campaign bundle"))]
        verbose_name = _("uploaded campaign bundle")
        verbose_name_plural = _("uploaded campaign bundles")

    def __str__(self) -> str:
        return self.filename
