"""ACLED's read API dialect, driven by the real PyPI ``acled`` client against a live local server
(the client reads ACLED_API_HOST), so that analysts' scripts run unchanged against eventwire."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.store import Store
from store_samples import sample_results


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def acled_host(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from eventwire.api import create_app

    url = f"sqlite:///{Path(tmp_path_factory.mktemp('acled')) / 'events.db'}"
    with Store.open(url) as s:
        for r in sample_results():
            s.add_result(r)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(url), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the eventwire server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/api"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def client(acled_host: str, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ACLED_API_HOST", acled_host)
    monkeypatch.setenv("ACLED_MAX_RETRIES", "0")
    from acled import AcledClient
    from acled.clients.base_http_client import BaseHttpClient

    # The client reads ACLED_API_HOST when it is first imported; another test may have imported it.
    monkeypatch.setattr(BaseHttpClient, "BASE_URL", acled_host)
    with pytest.warns(DeprecationWarning):  # key/email is ACLED's legacy scheme; eventwire accepts it
        c = AcledClient(auth_method="legacy", api_key="any-key", email="analyst@example.org")
    return c


def test_get_data_between_dates_returns_eventwire_events(client) -> None:  # type: ignore[no-untyped-def]
    # acled 1.0.x passes `_where` operators through query_params (get_data has no such argument).
    rows = client.get_data(country="Syria", event_date="2020-02-01|2020-02-29", limit=10,
                           query_params={"event_date_where": "BETWEEN"})
    want = {e.event_id for r in sample_results() for e in r.events
            if e.location and e.location.country == "SY" and e.acled_event_type}
    assert {r["event_id_cnty"] for r in rows} == want and len(want) == 2
    row = rows[0]
    assert set(row) >= {"event_id_cnty", "event_date", "event_type", "actor1", "country", "fatalities", "timestamp"}
    assert len(row) == 31
    assert row["country"] == "Syria" and row["iso"] == "760"
    assert str(row["event_date"]) == "2020-02-27" and row["fatalities"] == 30  # parsed by the client


def test_get_data_filters_paging_and_fields(client) -> None:  # type: ignore[no-untyped-def]
    assert len(client.get_data(limit=50)) == 4  # the THREATEN event has no ACLED type: ACLED would not code it
    assert {r["event_type"] for r in client.get_data(event_type="protests", limit=5)} == {"Protests"}
    many = client.get_data(fatalities=5, limit=5, query_params={"fatalities_where": ">="})
    assert sorted(r["fatalities"] for r in many) == [5, 30]
    assert [r["fatalities"] for r in client.get_data(fatalities="1|4", limit=5,
                                                     query_params={"fatalities_where": "BETWEEN"})] == [3]
    first, second = client.get_data(limit=2, page=1), client.get_data(limit=2, page=2)
    assert len(first) == len(second) == 2
    assert not {r["event_id_cnty"] for r in first} & {r["event_id_cnty"] for r in second}
    slim = client.get_data(country="Ukraine", fields="event_id_cnty|fatalities", limit=5)
    assert slim and all(set(r) == {"event_id_cnty", "fatalities"} for r in slim)
    assert len(client.get_data(iso=804, limit=5)) == 2
    protest = client.get_data(event_type="Protests", limit=5)[0]
    assert protest["fatalities"] is None  # no figure stated: not a zero


def test_unknown_parameters_are_refused(client) -> None:  # type: ignore[no-untyped-def]
    from acled.exceptions import ClientError

    with pytest.raises(ClientError, match="422"):
        client.get_data(limit=5, query_params={"countries": "Syria"})
    with pytest.raises(ClientError, match="422"):
        client.get_data(event_type="Not a type", limit=5)
