"""A real worker: django-tasks-db's ``db_worker``, and RQ's ``rqworker``, each in its own process
on PostgreSQL, send the e-mail of a report the member just made (her request returned before the
e-mail existed) and fetch a partner's figures, as a site in production runs them (README "Task
queue")."""

from __future__ import annotations

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks import task_backends
from django_tasks_db.models import DBTaskResult

from soroptimist_advocacy.models import ActionReport, PartnerFeed
from tests import factories
from tests.deploy.conftest import postgres_or_skip, redis_url_or_skip, session_database_url
from tests.deploy.test_task_queue import DATABASE_QUEUE, RQ_QUEUE
from tests.network.test_partner_fetches import FIGURES
from tests.reports.helpers import post_report

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def run_worker(email_dir: Path, partner_host: str, rq_url: str = "") -> subprocess.CompletedProcess:
    """The production worker, until the queue is empty: ``db_worker --batch``, or with *rq_url*
    ``rqworker --burst --job-class django_tasks_rq.Job`` (which forks a work horse per task)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.deploy.worker_settings",
        "TEST_DATABASE_URL": session_database_url(),
        "EMAIL_FILE_PATH": str(email_dir),
        "NETWORK_ALLOWED_HOSTS": partner_host,
        "PYTHONPATH": str(ROOT),
        "RQ_URL": rq_url,
    }
    if rq_url:
        command = ["rqworker", "--burst", "--job-class", "django_tasks_rq.Job", "default"]
    else:
        command = ["db_worker", "--batch", "--no-startup-delay"]
    return subprocess.run(
        [sys.executable, "-m", "django", *command],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def app_task_results():
    return {
        result.task_path.rsplit(".", 1)[-1]: result
        for result in DBTaskResult.objects.filter(task_path__startswith="soroptimist_advocacy.")
    }


def test_the_worker_sends_the_report_email_and_fetches_partners_out_of_the_request(
    wagtail_tree, client, settings, stub_server, tmp_path
):
    postgres_or_skip()
    settings.TASKS = DATABASE_QUEUE
    page = factories.make_action_kit(directory=factories.make_directory())
    stub_server.answer = (200, {"Content-Type": "application/json"}, FIGURES)
    partner = PartnerFeed.objects.create(
        name="Kenya", feed_url=f"http://{stub_server.host}/figures.json", campaign=page
    )
    email_dir = tmp_path / "mail"

    response = post_report(client, page)
    call_command("fetch_campaign_figures", "--enqueue", stdout=StringIO())

    # The member has her answer; her e-mail is only queued, and nobody has fetched the partner.
    assert response.status_code == 200
    assert ActionReport.objects.count() == 1
    assert mail.outbox == [] and not email_dir.exists()
    queued = app_task_results()
    assert {name: result.status for name, result in queued.items()} == {
        "send_private_link_task": "READY",
        "fetch_campaign_figures_task": "READY",
    }
    assert PartnerFeed.objects.get().snapshot is None

    worker = run_worker(email_dir, stub_server.host)

    assert worker.returncode == 0, worker.stderr[-3000:]
    done = app_task_results()
    assert {name: result.status for name, result in done.items()} == {
        "send_private_link_task": "SUCCESSFUL",
        "fetch_campaign_figures_task": "SUCCESSFUL",
    }, worker.stderr[-3000:]
    assert all(result.worker_ids for result in done.values())  # run by the worker, not by this process
    (written,) = email_dir.iterdir()
    message = written.read_text()
    assert "To: marie@example.org" in message
    assert page.full_url + "report/" in message  # the private link, derived again by the worker
    partner.refresh_from_db()
    assert partner.snapshot["totals"]["letters"] == 7 and not partner.stale


def test_rqs_worker_sends_the_report_email_and_fetches_partners_out_of_the_request(
    wagtail_tree, client, settings, stub_server, tmp_path, enqueued
):
    postgres_or_skip()
    rq_url = redis_url_or_skip()
    django_rq = pytest.importorskip("django_rq", reason="the queue extra (django-tasks-rq) is not installed")
    settings.RQ_QUEUES = {"default": {"URL": rq_url}}
    settings.TASKS = RQ_QUEUE
    django_rq.get_queue("default").empty()
    page = factories.make_action_kit(directory=factories.make_directory())
    stub_server.answer = (200, {"Content-Type": "application/json"}, FIGURES)
    partner = PartnerFeed.objects.create(
        name="Kenya", feed_url=f"http://{stub_server.host}/figures.json", campaign=page
    )
    email_dir = tmp_path / "mail"
    response = post_report(client, page)
    call_command("fetch_campaign_figures", "--enqueue", stdout=StringIO())
    assert response.status_code == 200
    assert mail.outbox == [] and not email_dir.exists()
    mine = [result for result in enqueued if result.task.module_path.startswith("soroptimist_advocacy.")]
    assert sorted(result.task.name for result in mine) == ["fetch_campaign_figures_task", "send_private_link_task"]

    worker = run_worker(email_dir, stub_server.host, rq_url)

    assert worker.returncode == 0, worker.stderr[-3000:]
    backend = task_backends["default"]
    assert {backend.get_result(result.id).status.name for result in mine} == {"SUCCESSFUL"}, worker.stderr[-3000:]
    (written,) = email_dir.iterdir()
    assert "To: marie@example.org" in written.read_text()
    partner.refresh_from_db()
    assert partner.snapshot["totals"]["letters"] == 7
