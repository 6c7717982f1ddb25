"""Another process for tests/web/test_locks.py: takes, releases and reads one shared lock on the
Redis cache at argv[1], as commands read from stdin ("acquire SECONDS", "release", "locked")."""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import django  # noqa: E402
from django.conf import settings  # noqa: E402

settings.configure(
    CACHES={"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": sys.argv[1]}},
    DATABASES={},
    INSTALLED_APPS=[],
)
django.setup()

from soroptimist_advocacy.web.locks import shared_lock  # noqa: E402

name = sys.argv[2]
lock = None
for line in sys.stdin:
    command, *arguments = line.split()
    if command == "acquire":
        lock = shared_lock(name, expires=float(arguments[0]))
        answer = lock.acquire()
    elif command == "release":
        answer = lock.release()
    else:
        answer = shared_lock(name, expires=1).locked()
    print(json.dumps(answer), flush=True)
