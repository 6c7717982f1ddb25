"""Work over many rows in batches whose size does not depend on how many rows there are."""

from __future__ import annotations

from soroptimist_advocacy.conf import settings


def pk_batches(queryset, batch_size: int | None = None):
    """The primary keys of *queryset* in ascending batches of at most ``BATCH_SIZE``,
    each read after the previous one was handled (keyset pagination: no OFFSET, no list
    of every id), so memory and each transaction stay small however many rows match."""
    batch_size = batch_size or settings.BATCH_SIZE
    last = None
    while True:
        batch = queryset.order_by("pk") if last is None else queryset.filter(pk__gt=last).order_by("pk")
        ids = list(batch.values_list("pk", flat=True)[:batch_size])
        if not ids:
            return
        yield ids
        last = ids[-1]
