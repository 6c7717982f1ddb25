# A report's decision maker may be of a site's own decision-maker page type: the key points at the
# base page (its values, page ids, are unchanged).

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# Wagtail 8 lets a site swap its base page model (WAGTAIL_PAGE_MODEL); Wagtail 7.4 has no such setting.
PAGE_MODEL = getattr(settings, "WAGTAIL_PAGE_MODEL", "wagtailcore.Page")


class Migration(migrations.Migration):
    dependencies = [
        ("soroptimist_advocacy", "0002_campaign_bundle_imports"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.AlterField(
            model_name="actionreport",
            name="decision_maker",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=PAGE_MODEL,
                verbose_name="decision maker",
            ),
        ),
    ]
