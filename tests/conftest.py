"""Shared fixtures: ``server``, a local HTTP server on 127.0.0.1 for a test module, and
``http``, that server cleared before and after each test.

The test run keeps its compiled-regex cache (compare/regex_cache.py) in a folder of its
own, set before any test module imports storydiff, and every ``storydiff`` the tests start
inherits it: the tests write nothing into the user's cache folder. And no property test has
a time limit: hypothesis' default (200 ms an example) failed tests on a busy machine, and
speed is measured in benchmarks/, never asserted by a test."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator

import pytest
from hypothesis import settings
from pytest_httpserver import HTTPServer

settings.register_profile("storydiff", deadline=None)
settings.load_profile("storydiff")

_CACHE = tempfile.mkdtemp(prefix="storydiff-test-regex-cache-")


def pytest_configure(config: pytest.Config) -> None:
    os.environ["STORYDIFF_CACHE_DIR"] = _CACHE


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_CACHE, ignore_errors=True)


@pytest.fixture(scope="module")
def server() -> Iterator[HTTPServer]:
    with HTTPServer(host="127.0.0.1", port=0) as running:
        yield running


@pytest.fixture
def http(server: HTTPServer) -> Iterator[HTTPServer]:
    server.clear()
    yield server
    server.clear()
