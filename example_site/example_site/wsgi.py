import os
import sys
from pathlib import Path

here = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(here), str(here.parent)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "example_site.settings")

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
