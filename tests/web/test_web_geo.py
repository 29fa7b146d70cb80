"""Places in the web view and the API: event filters by country and box, the GeoJSON endpoint, the map page."""

from __future__ import annotations

import pytest

from chronicle.web.worldmap import HEIGHT, WIDTH, countries, project


@pytest.mark.parametrize(
    "query, check",
    [
        pytest.param("country=CHE", lambda items: items and all(i["country"] == "CHE" for i in items), id="country"),
        pytest.param("country=che", lambda items: items and all(i["country"] == "CHE" for i in items), id="country-lower"),
        pytest.param("bbox=5,45,7,47", lambda items: items and all(i["location"] == "Geneva" for i in items), id="bbox-geneva"),
        pytest.param("bbox=-10,-10,-9,-9", lambda items: items == [], id="bbox-sea"),
    ],
)
def test_api_event_filters(client, query, check):
    response = client.get(f"/api/events?limit=500&{query}")
    assert response.status_code == 200
    assert check(response.json()["items"])


@pytest.mark.parametrize("query", ["country=CH", "country=C1E", "bbox=1,2,3", "bbox=10,0,5,1", "bbox=0,-95,1,1"])
def test_api_rejects_bad_places(client, query):
    assert client.get(f"/api/events?{query}").status_code == 422


def test_api_event_items_carry_their_location(client):
    items = client.get("/api/events?limit=500").json()["items"]
    located = [i for i in items if i["location"]]
    assert located and all(-90 <= i["latitude"] <= 90 and -180 <= i["longitude"] <= 180 for i in located)
    assert {i["location_rule"] for i in located} <= {"clause", "sentence", "dateline"}


def test_api_geojson(client):
    data = client.get("/api/events.geojson?country=CHE").json()
    assert data["type"] == "FeatureCollection" and data["features"]
    for feature in data["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert 5 < lon < 11 and 45 < lat < 48
        assert feature["properties"]["country"] == "CHE"


def test_map_page(client):
    response = client.get("/map")
    assert response.status_code == 200
    assert 'id="worldmap"' in response.text and 'class="point"' in response.text
    assert "http://" not in response.text.split('<svg', 1)[1].split("</svg>", 1)[0].replace("http://www.w3.org/2000/svg", "")


def test_map_page_filters(client):
    page = client.get("/map?country=CHE").text
    assert 'data-location="Geneva"' in page and 'data-location="Lisbon"' not in page
    assert client.get("/map?bbox=nonsense").status_code == 422


@pytest.mark.parametrize(
    "lon, lat, x, y",
    [(-180, 90, 0, 0), (180, -90, WIDTH, HEIGHT), (0, 0, WIDTH / 2, HEIGHT / 2), (6.14569, 46.20222, 496.4, 116.8)],
)
def test_projection(lon, lat, x, y):
    assert project(lon, lat) == (pytest.approx(x, abs=0.1), pytest.approx(y, abs=0.1))


def test_outlines_are_vendored_and_drawn():
    drawn = dict(countries())
    assert len(drawn) > 150 and drawn["Switzerland"].startswith("M")
