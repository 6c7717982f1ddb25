from django.apps import AppConfig


class TestappExtConfig(AppConfig):
    """A site's own page types built on the app's mixins (tests of the extension points)."""

    name = "tests.testapp_ext"
    label = "testapp_ext"
    default_auto_field = "django.db.models.AutoField"
