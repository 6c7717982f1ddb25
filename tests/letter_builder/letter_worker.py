"""Another worker process for tests/letter_builder/test_letter_setup.py: posts a letter for each URL read
from stdin and prints the letter's text, against the parent's database, cache and media."""

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import tests.testapp.settings as test_settings  # noqa: E402

test_settings.CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["SA_WORKER_REDIS_URL"]}
}
test_settings.DATABASES["default"]["NAME"] = os.environ["SA_WORKER_DATABASE_NAME"]
test_settings.MEDIA_ROOT = os.environ["SA_WORKER_MEDIA_ROOT"]
os.environ["DJANGO_SETTINGS_MODULE"] = "tests.testapp.settings"

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402

from tests.letter_helpers import ORIGIN, docx_text, letter_data  # noqa: E402

client = Client()
for line in sys.stdin:
    data = json.loads(line)
    response = client.post(data["url"], letter_data(decision_maker=data["decision_maker"]), HTTP_ORIGIN=ORIGIN)
    text = (
        docx_text(response.content) if response.status_code == 200 else response.content.decode(errors="replace")[:500]
    )
    print(json.dumps({"status": response.status_code, "text": text}), flush=True)
