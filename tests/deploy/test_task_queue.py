"""The app's tasks go through a real queue: every task the app enqueues (the report e-mail, the
reminders, partner fetches, directory syncs) is stored by the database backend and by RQ, and
runs in their workers. Both backends need what they store to be data, not objects: the database
backend keeps arguments as JSON, RQ pickles whatever it is given (a model instance would run on
a stale copy), so the test also checks each task's arguments are plain JSON values."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks import task_backends

from soroptimist_advocacy.models import PartnerFeed
from soroptimist_advocacy.network.tasks import fetch_campaign_figures_task, sync_decision_makers_task
from tests import factories
from tests.deploy.conftest import redis_url_or_skip
from tests.network.test_partner_fetches import FIGURES
from tests.reports.helpers import post_report

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
RQ_QUEUE = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}


@pytest.fixture
def database_queue(settings):
    settings.TASKS = DATABASE_QUEUE


@pytest.fixture
def rq_queue(settings):
    url = redis_url_or_skip()
    django_rq = pytest.importorskip("django_rq", reason="the queue extra (django-tasks-rq) is not installed")
    settings.RQ_QUEUES = {"default": {"URL": url}}
    settings.TASKS = RQ_QUEUE
    django_rq.get_queue("default").empty()  # nothing left over from an interrupted run
    yield django_rq
    django_rq.get_queue("default").empty()


def make_campaign_with_partner(stub_server):
    directory = factories.make_directory()
    factories.make_decision_maker(directory, "FR", "Claire Dubois", external_id="fr-1", email="claire@example.org")
    factories.make_decision_maker(directory, "KE", "Grace Wanjiru", external_id="ke-1")
    page = factories.make_action_kit(directory=directory)
    stub_server.answer = (200, {"Content-Type": "application/json"}, FIGURES)
    PartnerFeed.objects.create(name="Kenya", feed_url=f"http://{stub_server.host}/figures.json", campaign=page)
    return page


def enqueue_every_app_task(client, page, directory_path: str, stub_server) -> None:
    """What a site enqueues: a report's e-mail (after its commit), and the scheduled commands."""
    # The partner directory is this site's own, as its public export gives it.
    export = client.get(page.directory.url + "export.json")
    stub_server.answers["/directory/export.json"] = (200, {"Content-Type": "application/json"}, export.content)
    response = post_report(client, page)
    assert response.status_code == 200, response.content[:500]
    call_command("send_response_reminders", "--enqueue", stdout=StringIO())
    call_command("fetch_campaign_figures", "--enqueue", stdout=StringIO())
    call_command(
        "sync_decision_makers",
        f"http://{stub_server.host}/directory/export.json",
        "--directory",
        directory_path,
        "--enqueue",
        stdout=StringIO(),
    )


def app_tasks(results) -> list:
    """The app's own tasks (Wagtail queues its search index updates on the same backend)."""
    return [result for result in results if result.task.module_path.startswith("soroptimist_advocacy.")]


def assert_plain_data(results) -> None:
    names = sorted(result.task.name for result in app_tasks(results))
    assert names == [
        "fetch_campaign_figures_task",
        "send_private_link_task",
        "send_response_reminders_task",
        "sync_decision_makers_task",
    ]
    for result in results:
        # Plain JSON values survive a round trip unchanged: no model instance, date or object.
        assert json.loads(json.dumps([result.args, result.kwargs])) == [list(result.args), result.kwargs]


def assert_ran_out_of_the_request(results) -> None:
    backend = task_backends["default"]
    outcome = {result.task.name: backend.get_result(result.id) for result in app_tasks(results)}
    assert outcome["send_private_link_task"].return_value is True
    assert outcome["fetch_campaign_figures_task"].return_value == [1, 0]
    assert outcome["send_response_reminders_task"].return_value == 0
    # The sync fetched the partner's export in the worker: the same decision makers, nothing to change.
    sync = outcome["sync_decision_makers_task"].return_value
    assert (sync["added"], sync["changed"], sync["unchanged"]) == (0, 0, 2), sync
    assert [message.to for message in mail.outbox] == [["marie@example.org"]]
    assert PartnerFeed.objects.get().snapshot["totals"]["letters"] == 7


def test_the_database_queue_stores_every_app_task_and_its_worker_runs_them(
    wagtail_tree, client, settings, database_queue, enqueued, stub_server
):
    settings.SOROPTIMIST_ADVOCACY = {**settings.SOROPTIMIST_ADVOCACY, "NETWORK_ALLOWED_HOSTS": [stub_server.host]}
    page = make_campaign_with_partner(stub_server)
    enqueue_every_app_task(client, page, page.directory.url_path, stub_server)

    assert_plain_data(enqueued)
    assert mail.outbox == []  # queued, not sent by the request
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO(), stderr=StringIO())

    assert_ran_out_of_the_request(enqueued)


def test_rq_stores_every_app_task_and_its_worker_runs_them(
    wagtail_tree, client, settings, rq_queue, enqueued, stub_server
):
    from rq import SimpleWorker

    settings.SOROPTIMIST_ADVOCACY = {**settings.SOROPTIMIST_ADVOCACY, "NETWORK_ALLOWED_HOSTS": [stub_server.host]}
    page = make_campaign_with_partner(stub_server)
    enqueue_every_app_task(client, page, page.directory.url_path, stub_server)

    assert_plain_data(enqueued)
    assert mail.outbox == []
    # The worker rqworker runs, without its fork: the test database is this process's.
    django_rq = rq_queue
    django_rq.get_worker("default", job_class="django_tasks_rq.Job", worker_class=SimpleWorker).work(burst=True)

    assert_ran_out_of_the_request(enqueued)


def test_a_partner_fetch_or_sync_that_fails_in_the_worker_is_recorded_as_failed_with_its_reason(
    wagtail_tree, settings, database_queue, stub_server
):
    settings.SOROPTIMIST_ADVOCACY = {**settings.SOROPTIMIST_ADVOCACY, "NETWORK_ALLOWED_HOSTS": [stub_server.host]}
    page = factories.make_action_kit(directory=factories.make_directory())
    stub_server.answer = (404, {}, b"")
    PartnerFeed.objects.create(name="Gone partner", feed_url=f"http://{stub_server.host}/figures.json", campaign=page)
    fetch = fetch_campaign_figures_task.enqueue()
    sync = sync_decision_makers_task.enqueue(f"http://{stub_server.host}/export.json", str(page.directory.pk))

    call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO(), stderr=StringIO())

    for queued, reason in ((fetch, "1 of 1 partner feed(s) failed: Gone partner"), (sync, "Not synced from http://")):
        result = task_backends["default"].get_result(queued.id)
        assert result.status.name == "FAILED"
        assert reason in result.errors[-1].traceback and "404" in result.errors[-1].traceback
