# Campaign reach as a list of countries, and members' suggestions of decision makers.
# Depends only on migrations that exist in Wagtail 7.4 as well as 8.

import django.db.models.deletion
import django.utils.timezone
import django_countries.fields
from django.conf import settings
from django.db import migrations, models

# Wagtail 8 lets a site swap its base page model (WAGTAIL_PAGE_MODEL); Wagtail 7.4 has no such setting.
PAGE_MODEL = getattr(settings, "WAGTAIL_PAGE_MODEL", "wagtailcore.Page")


class Migration(migrations.Migration):

    dependencies = [
        ('soroptimist_advocacy', '0002_campaign_reach'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # A number of countries names none of them: the old target becomes the empty list,
        # "every country", which editors narrow down. Remove and add rather than alter, so no
        # database casts "125" into a country list or a NULL into a NOT NULL column.
        migrations.RemoveField(
            model_name='actionkitpage',
            name='target_countries',
        ),
        migrations.AddField(
            model_name='actionkitpage',
            name='target_countries',
            field=django_countries.fields.CountryField(blank=True, default='', help_text='The countries this campaign wants to reach; leave empty for every country. The "countries reached" figure is shown against them and the directory\'s coverage page lists them.', max_length=1000, multiple=True, verbose_name='countries to reach'),
            preserve_default=False,
        ),
        migrations.CreateModel(
            name='DecisionMakerSuggestion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('country', django_countries.fields.CountryField(db_index=True, max_length=2, verbose_name='country')),
                ('name', models.CharField(max_length=255, verbose_name='full name')),
                ('position_title', models.CharField(max_length=255, verbose_name='post')),
                ('office_email', models.EmailField(blank=True, max_length=254, verbose_name='email of the office')),
                ('office_website', models.URLField(blank=True, verbose_name='website of the office')),
                ('evidence', models.TextField(blank=True, verbose_name='source or evidence')),
                ('submitter_name', models.CharField(blank=True, max_length=200, verbose_name="member's name")),
                ('submitter_email', models.EmailField(blank=True, max_length=254, verbose_name="member's email")),
                ('status', models.CharField(choices=[('open', 'open'), ('handled', 'handled')], db_index=True, default='open', max_length=16, verbose_name='status')),
                ('created_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='suggested at')),
                ('handled_at', models.DateTimeField(blank=True, null=True, verbose_name='handled at')),
                ('personal_data_purged_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='personal data removed at')),
                ('directory', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='advocacy_suggestions', to=PAGE_MODEL, verbose_name='directory')),
                ('draft_page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=PAGE_MODEL, verbose_name='draft page')),
                ('handled_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='handled by')),
            ],
            options={
                'verbose_name': 'decision-maker suggestion',
                'verbose_name_plural': 'decision-maker suggestions',
                'ordering': ['-created_at'],
            },
        ),
    ]
