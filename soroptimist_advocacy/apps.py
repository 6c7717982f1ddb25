from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SoroptimistAdvocacyConfig(AppConfig):
    name = "soroptimist_advocacy"
    label = "soroptimist_advocacy"
    verbose_name = _("Advocacy campaigns")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Importing registers the system checks and signal handlers. Here, not at module level:
        # both import the models, which cannot load until the app registry is ready (a real app-loading cycle).
        from soroptimist_advocacy import checks, signal_handlers  # noqa: F401
