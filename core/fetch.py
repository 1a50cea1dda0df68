"""HTTP GET for feeds and pages, as a feed reader that has been on the open web for years does it.

Polite: conditional requests (ETag, Last-Modified, 304), compression, a User-Agent that names brief and its
version, a bounded number of connections in all and per host. Robust: connect and total timeouts, a size limit on
what is read (after decompression, so a gzip bomb stops at the limit), retries with backoff on 5xx and network
errors, redirects followed to a limit. Safe: only http and https, checked on every hop, so a redirect to
`file:///etc/passwd` is refused; proxies come from the environment (HTTP_PROXY, HTTPS_PROXY, NO_PROXY).

httpx does the HTTP (see the README for why). One Fetcher is shared by the threads of a fetch.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urljoin, urlsplit

import httpx

from core.ingest.sanitize import sanitize_field

ALLOWED_SCHEMES = ("http", "https")
_RETRIED_STATUSES = {500, 502, 503, 504}
_REDIRECTS = {301, 302, 303, 307, 308}


def user_agent() -> str:
    try:
        release = version("brief")
    except PackageNotFoundError:
        release = "unknown"
    return f"brief/{release} (news triage feed reader)"


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """The limits of one fetch. The defaults suit feeds and article pages; tests and benchmarks shrink them."""

    connect_timeout: float = 10.0
    total_timeout: float = 30.0  # per request, headers to last byte, however slowly the bytes come
    max_bytes: int = 10 * 2**20  # per response, decompressed
    max_connections: int = 8
    per_host: int = 6  # as browsers do: a site serving a feed and its pages is not asked for more at once
    retries: int = 2  # after the first attempt, on 5xx and network errors
    backoff: float = 0.5  # seconds before the first retry, doubled for each further one
    max_redirects: int = 5


@dataclass(frozen=True, slots=True)
class Response:
    url: str  # after redirects
    status: int
    content: bytes
    content_type: str  # the media type alone, lower case ("application/rss+xml")
    etag: str | None
    last_modified: str | None
    location: str | None = None  # where a redirect points

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchError(Exception):
    """A URL that could not be had; the message is the one line the user sees, cleaned of anything a server sent
    that a terminal would act on (a reason phrase, a Location)."""

    def __init__(self, message: str) -> None:
        super().__init__(sanitize_field(message) or "fetch failed")


class _Retryable(FetchError):
    """A failure that may not happen again: a timeout, a network error."""


class Fetcher:
    def __init__(self, policy: FetchPolicy = FetchPolicy(), *, transport: httpx.BaseTransport | None = None) -> None:
        self.policy = policy
        self._client = httpx.Client(
            headers={"User-Agent": user_agent(), "Accept-Encoding": "gzip, deflate"},
            # no pool timeout: a request waiting for one of the bounded connections waits for requests that are
            # themselves bounded by these timeouts
            timeout=httpx.Timeout(policy.total_timeout, connect=policy.connect_timeout, pool=None),
            limits=httpx.Limits(max_connections=policy.max_connections,
                                max_keepalive_connections=policy.max_connections),
            follow_redirects=False,  # followed here, so every hop's scheme is checked
            trust_env=True,
            transport=transport,
        )
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._hosts_lock = threading.Lock()

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Response:
        """The response to a GET, following redirects; a 304 comes back as a Response (not_modified).
        Raises FetchError, saying why, for anything else that is not a 2xx."""
        conditional = {}
        if etag:
            conditional["If-None-Match"] = etag
        if last_modified:
            conditional["If-Modified-Since"] = last_modified
        current = url
        for _ in range(self.policy.max_redirects + 1):
            _check_scheme(current, url)
            response = self._get_retrying(current, conditional)
            if response.status not in _REDIRECTS:
                return response
            if not response.location:
                raise FetchError(f"HTTP {response.status} without a Location")
            current = urljoin(current, response.location)
        raise FetchError(f"more than {self.policy.max_redirects} redirects")

    def _get_retrying(self, url: str, headers: dict[str, str]) -> Response:
        attempt = 0
        while True:
            try:
                response = self._get_once(url, headers)
            except _Retryable:
                if attempt >= self.policy.retries:
                    raise
            else:
                if response.status not in _RETRIED_STATUSES:
                    return response
                if attempt >= self.policy.retries:
                    raise FetchError(f"HTTP {response.status} (after {attempt + 1} attempts)")
            time.sleep(self.policy.backoff * 2**attempt)
            attempt += 1

    def _get_once(self, url: str, headers: dict[str, str]) -> Response:
        with self._host_slot(url):
            try:
                with self._client.stream("GET", url, headers=headers) as reply:
                    deadline = time.monotonic() + self.policy.total_timeout
                    if reply.status_code in _REDIRECTS:
                        return Response(url, reply.status_code, b"", "", None, None, reply.headers.get("Location"))
                    if reply.status_code in _RETRIED_STATUSES or reply.status_code == 304:
                        return _response(url, reply, b"")
                    if not 200 <= reply.status_code < 300:
                        raise FetchError(f"HTTP {reply.status_code} {reply.reason_phrase}".rstrip())
                    declared = reply.headers.get("Content-Length", "")
                    if declared.isdigit() and int(declared) > self.policy.max_bytes:
                        raise FetchError(f"{_mb(int(declared))} is over the limit of {_mb(self.policy.max_bytes)}")
                    body = self._read_bounded(reply, deadline)
                    return _response(str(reply.url), reply, body)
            except httpx.TimeoutException:
                raise _Retryable(f"no answer within {self.policy.total_timeout:g} s") from None
            except httpx.DecodingError:
                raise FetchError("a compressed response that does not decompress") from None
            except (httpx.TransportError, httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
                raise _Retryable(_network_reason(exc)) from None

    def _read_bounded(self, reply: httpx.Response, deadline: float) -> bytes:
        chunks: list[bytes] = []
        size = 0
        for chunk in reply.iter_bytes():
            size += len(chunk)
            if size > self.policy.max_bytes:
                raise FetchError(f"over the limit of {_mb(self.policy.max_bytes)}")
            if time.monotonic() > deadline:
                raise _Retryable(f"not finished within {self.policy.total_timeout:g} s")
            chunks.append(chunk)
        return b"".join(chunks)

    @contextmanager
    def _host_slot(self, url: str) -> Iterator[None]:
        host = (urlsplit(url).hostname or "").lower()
        with self._hosts_lock:
            slot = self._hosts.setdefault(host, threading.BoundedSemaphore(self.policy.per_host))
        with slot:
            yield


def _check_scheme(url: str, asked: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        where = "" if url == asked else f" (redirected to {url})"
        raise FetchError(f"only http and https URLs are fetched, not {scheme + ':' if scheme else 'this'}{where}")


def _response(url: str, reply: httpx.Response, body: bytes) -> Response:
    media = reply.headers.get("Content-Type", "").split(";")[0].strip().lower()
    return Response(url, reply.status_code, body, media, reply.headers.get("ETag"),
                    reply.headers.get("Last-Modified"))


def _network_reason(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return f"network error: {text}"


def _mb(size: int) -> str:
    return f"{size / 2**20:.1f} MB"

