"""Input spec -> Snapshot: local files, stdin and http(s) URLs.

Everything that can go wrong here is the user's to fix, so every failure is an
:class:`~compare.errors.InputError` (the input itself is unusable, exit 2) or a
:class:`~compare.errors.FetchError` (the network or the server failed, exit 3), each with one
line saying what happened and a hint.
"""

from __future__ import annotations

import codecs
import contextlib
import math
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compare.errors import FetchError, InputError
from compare.model import LoadOptions, MediaKind, Provenance, Snapshot

# ssl, hashlib, email.utils, zlib and http are imported where they are used: a local
# file needs at most two of them, and all of them cost ~30 ms at start-up.
if TYPE_CHECKING:
    import ssl
    from datetime import datetime

    import httpx
    from lxml.html import HtmlElement

Clock = Callable[[], "datetime"]
Sleep = Callable[[float], None]

#: Statuses worth asking again for: rate limiting and a struggling gateway or server.
RETRY_STATUSES = frozenset({429, 502, 503, 504})
#: The longest wait between retries, whatever Retry-After asks for.
MAX_RETRY_WAIT = 60.0
#: A request (connecting, the headers and the body, its redirects too) ends within this many
#: times the read timeout (--timeout): a server that trickles a byte a second never leaves
#: the read timeout's wait, and held `compare` or a `track` run for as long as it pleased.
DEADLINE_TIMEOUTS = 4

_KIND_BY_SUFFIX: dict[str, MediaKind] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
}
_CONTENT_TYPE_BY_KIND: dict[MediaKind, str] = {
    "html": "text/html",
    "text": "text/plain",
    "markdown": "text/markdown",
}
# Magic numbers of the binary files people most often pass by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]+):")
# These patterns are compiled only where they are used (re caches them): not at every start
# (a plain-text input needs none of them; compiled at import they cost ~7M instructions).
_META_CHARSET = rb"(?i)<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)"
_HTML_LANG = rb"(?i)<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})\b"
#: The letters beyond ASCII of languages written in the single-byte Latin charsets (ISO
#: 639-1 codes), roughly the commonest first. A guessed charset that decodes a page's bytes
#: to letters of its language, and to its common letters more than its rare ones, is the
#: right one: Czech in ISO-8859-2 read as windows-1250 turns "š" into "ą" and "ž" into
#: "ľ", letters Czech lacks; Turkish read as windows-1252 turns its commonest, "ı", into
#: "ý", a rare letter of Icelandic, whose commonest, "á" and "í", never come. English is
#: left out: an English page's few such letters are in names.
_ALPHABETS: dict[str, str] = {
    "az": "əıüşçğö",
    "bs": "čšžćđ",
    "ca": "àéèóíçòúïü",
    "cs": "íáéěýčřžšůúňťďó",
    "cy": "âŵŷêîôûáéíóúàèìòùäëïöüÿ",
    "da": "øåæéèóòô",
    "de": "üäöß",
    "eo": "ĉĝŝĵĥŭ",
    "es": "óíáéñúü",
    "et": "äõüöšž",
    "eu": "ñ",
    "fi": "äöåšž",
    "fo": "áðíóúýæø",
    "fr": "éèàçêùâîôûëïœæÿ",
    "ga": "áíéóú",
    "gl": "óíáéñúü",
    "hr": "čšžćđ",
    "hu": "áéöőüóíúű",
    "is": "ðáíþóúéýæö",
    "it": "àèéìòùíóúî",
    "lt": "ėšąųįžčūę",
    "lv": "āēīšūņļķčžģ",
    "mt": "żħġċàèìòù",
    "nb": "øåæéèóòô",
    "nl": "éëïöüèáíóú",
    "nn": "øåæéèóòô",
    "no": "øåæéèóòô",
    "pl": "ęąółżśćńź",
    "pt": "ãçéáíóõêúâôà",
    "ro": "ăîâşţ",  # and their forms with a comma below, as likely (_letter_odds)
    "sk": "áíéýčžšúôäľťňďĺŕó",
    "sl": "čšžćđ",
    "sq": "ëç",
    "sr": "čšžćđ",
    "sv": "äåöé",
    "tr": "ıüşçğöİâîû",
    "vi": "ươđăâêôàáãèéìíòóõùúýĩũ",  # windows-1258 adds most tones as combining marks
}


def _letter_odds(alphabet: str) -> dict[str, float]:
    """Each letter's (and its capital's) log share of the language's letters beyond ASCII,
    by rank: the k-th commonest is 1/k as common as the first (Zipf's law)."""
    harmonic = sum(1 / k for k in range(1, len(alphabet) + 1))
    odds: dict[str, float] = {}
    for rank, letter in enumerate(alphabet, 1):
        # Romanian's s and t with a comma below (ISO-8859-16) and with a cedilla (windows-1250)
        # are one letter each: neither spelling makes a charset likelier.
        comma = {"ş": "ș", "ţ": "ț"}.get(letter, "")
        for form in (letter, letter.upper(), comma, comma.upper()):
            if form:
                odds.setdefault(form, math.log(1 / rank / harmonic))
    return odds


@cache
def _letters() -> dict[str, dict[str, float]]:
    """Each language's letter odds, made when a page's charset must be guessed (0.25 ms
    that every start would pay at import)."""
    return {lang: _letter_odds(alphabet) for lang, alphabet in _ALPHABETS.items()}


#: The log odds of what else a byte beyond ASCII may be: a letter foreign to the language,
#: a symbol or punctuation mark, and a C1 control or a byte the charset leaves undefined,
#: which no text holds.
_FOREIGN, _SYMBOL, _JUNK = math.log(1e-4), math.log(0.02), math.log(1e-6)
#: How much likelier windows-1252 is than another Latin charset for a page that says it is
#: English: browsers' fallback for it, and the charset of nearly every single-byte English
#: page. A name's letter alone does not outweigh it ("Molière" is no "Moličre", though
#: Croatian's commonest letter is č); a paragraph of Polish names does.
_ENGLISH_PRIOR = math.log(20)
#: What windows-1252 reads English prose's bytes beyond ASCII as, besides letters: curly
#: quotes, dashes, currency signs, a no-break space and the like (the Unicode categories Sc,
#: Pd, Pi, Pf and Zs, and a few more). Other charsets read some of them as letters: "£" is
#: windows-1250's "Ł", and "¥" its "Ą".
_PROSE_SYMBOL_CATEGORIES = frozenset({"Sc", "Pd", "Pi", "Pf", "Zs"})
_PROSE_SYMBOLS = "…•·©®™°§¶†‡‰½×"
#: The charset browsers fall back on for a page in each language when nothing names one
#: (windows-1252 for the rest): what decides between decodings that read as many letters.
_FALLBACKS = {
    **dict.fromkeys(("bs", "cs", "hr", "hu", "pl", "ro", "sk", "sl", "sr"), "cp1250"),
    **dict.fromkeys(("az", "tr"), "cp1254"),
    **dict.fromkeys(("et", "lt", "lv"), "cp1257"),
    "vi": "cp1258",
}
#: The single-byte charsets of web pages in the Latin alphabet, between which letters decide.
_LATIN_CODECS = frozenset(
    {"cp1250", "cp1252", "cp1254", "cp1257", "cp1258", "iso8859-2", "iso8859-3", "iso8859-4"}
    | {"iso8859-10", "iso8859-13", "iso8859-14", "iso8859-15", "iso8859-16"}
)
_MARKUP = (
    rb"(?i)<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|h[1-6]|span|section|br)\b"
)
# The single-byte charsets, which servers and old templates put on UTF-8 pages by mistake:
# the Western ones, and a site's old windows-1251 or koi8-r kept in a <meta> after it moved
# to UTF-8 ("Мост" read as "РњРѕСЃС‚"). Text really in one of them forms valid UTF-8
# only by a freak; not so for the multi-byte CJK charsets.
_SINGLE_BYTE = frozenset(
    {"cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258"}
    | {"cp866", "cp874", "koi8-r", "koi8-u", "mac-cyrillic", "mac-roman"}
    | {f"iso8859-{n}" for n in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)}
)
# The labels of the WHATWG Encoding Standard, which browsers follow, after the Python codec
# that decodes the bytes as a browser does. Python knows many of these labels under other
# names or not at all, and browsers read several charsets as the superset that servers
# really send: ISO-8859-1 and ASCII as windows-1252, ISO-8859-9 as windows-1254, TIS-620 as
# windows-874, GB2312 and GBK as gb18030, Big5 as Big5-HKSCS, Shift_JIS as windows-31j
# (cp932) and EUC-KR as cp949.
_WHATWG_TABLE: tuple[tuple[str, str], ...] = (
    ("utf-8", "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8"),
    ("cp866", "866 cp866 csibm866 ibm866"),
    ("iso8859-2", "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2"),
    ("iso8859-2", "iso_8859-2:1987 l2 latin2"),
    ("iso8859-3", "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3"),
    ("iso8859-3", "iso_8859-3:1988 l3 latin3"),
    ("iso8859-4", "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4"),
    ("iso8859-4", "iso_8859-4:1988 l4 latin4"),
    ("iso8859-5", "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595"),
    ("iso8859-5", "iso_8859-5 iso_8859-5:1988"),
    ("iso8859-6", "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114"),
    ("iso8859-6", "iso-8859-6 iso-8859-6-e iso-8859-6-i iso-ir-127 iso8859-6 iso88596"),
    ("iso8859-6", "iso_8859-6 iso_8859-6:1987"),
    ("iso8859-7", "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126"),
    ("iso8859-7", "iso8859-7 iso88597 iso_8859-7 iso_8859-7:1987 sun_eu_greek"),
    ("iso8859-8", "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138"),
    ("iso8859-8", "iso8859-8 iso88598 iso_8859-8 iso_8859-8:1988 visual"),
    ("iso8859-8", "csiso88598i iso-8859-8-i logical"),  # the same bytes, laid out logically
    ("iso8859-10", "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6"),
    ("iso8859-13", "iso-8859-13 iso8859-13 iso885913"),
    ("iso8859-14", "iso-8859-14 iso8859-14 iso885914"),
    ("iso8859-15", "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9"),
    ("iso8859-16", "iso-8859-16"),
    ("koi8-r", "cskoi8r koi koi8 koi8-r koi8_r"),
    ("koi8-u", "koi8-ru koi8-u"),
    ("mac-roman", "csmacintosh mac macintosh x-mac-roman"),
    ("cp874", "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874"),
    ("cp1250", "cp1250 windows-1250 x-cp1250"),
    ("cp1251", "cp1251 windows-1251 x-cp1251"),
    ("cp1252", "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100"),
    ("cp1252", "iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii"),
    ("cp1252", "windows-1252 x-cp1252"),
    ("cp1253", "cp1253 windows-1253 x-cp1253"),
    ("cp1254", "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9"),
    ("cp1254", "iso_8859-9:1989 l5 latin5 windows-1254 x-cp1254"),
    ("cp1255", "cp1255 windows-1255 x-cp1255"),
    ("cp1256", "cp1256 windows-1256 x-cp1256"),
    ("cp1257", "cp1257 windows-1257 x-cp1257"),
    ("cp1258", "cp1258 windows-1258 x-cp1258"),
    ("mac-cyrillic", "x-mac-cyrillic x-mac-ukrainian"),
    ("gb18030", "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58"),
    ("gb18030", "x-gbk gb18030"),
    ("big5hkscs", "big5 big5-hkscs cn-big5 csbig5 x-x-big5"),
    ("euc_jp", "cseucpkdfmtjapanese euc-jp x-euc-jp"),
    ("iso2022_jp", "csiso2022jp iso-2022-jp"),
    ("cp932", "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis"),
    ("cp949", "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987"),
    ("cp949", "ks_c_5601-1989 ksc5601 ksc_5601 windows-949"),
    ("utf-16-be", "unicodefffe utf-16be"),
    ("utf-16-le", "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le"),
    # Bytes 0x80-0xff become private-use characters, which carry no text; a <meta> that
    # says x-user-defined means windows-1252 in the standard, and so does a header here.
    ("cp1252", "x-user-defined"),
)
_WHATWG_LABELS = {label: codec for codec, labels in _WHATWG_TABLE for label in labels.split()}
# The codecs of the standard's legacy charsets, less the Mac ones: what pages use. Of a
# guess's candidates, these come first.
_WEB_CHARSETS = frozenset(codec for codec, _ in _WHATWG_TABLE) - {
    "mac-roman",
    "mac-cyrillic",
    "utf-16-be",
    "utf-16-le",
}
# Labels of the standard's "replacement" encoding: charsets that browsers refuse to decode
# (a page so labelled shows as one replacement character), which closes attacks that rely on
# a charset the server does not understand.
_REFUSED_LABELS = frozenset(
    {"csiso2022kr", "hz-gb-2312", "iso-2022-cn", "iso-2022-cn-ext", "iso-2022-kr"}
)
_ASCII_WHITESPACE = "\t\n\f\r "


def utc_now() -> datetime:
    """The current time in UTC: the default clock."""
    # datetime is imported where it is used: a local file's load needs none of it (see
    # _file_time).
    from datetime import datetime, timezone

    return datetime.now(timezone.utc)


def read(spec: str, options: LoadOptions, *, clock: Clock = utc_now) -> Snapshot:
    """Read one input spec (a path, ``-`` for stdin, or an http(s) URL) into a snapshot."""
    scheme = _SCHEME.match(spec)
    if scheme and scheme.group(1).lower() in ("http", "https"):
        return fetch_url(spec, options, clock=clock)
    if spec == "-":
        if sys.stdin is None or sys.stdin.isatty():
            raise InputError(
                "- means standard input, but nothing is piped in",
                "pipe a page in (curl -s URL | storydiff extract -) or pass a file",
            )
        data = sys.stdin.buffer.read(options.max_bytes + 1)
        if len(data) > options.max_bytes:
            raise InputError(
                f"standard input is larger than {_size(options.max_bytes)}",
                "raise --max-bytes, or pass a smaller input",
            )
        return _snapshot_of_local(spec, data, None, options, clock)
    path = Path(spec).expanduser()
    if scheme and not _exists(path):
        raise InputError(
            f"unsupported address {spec}: storydiff reads only http:// and https:// URLs",
            "download the page and pass the file, or give an http(s) URL",
        )
    return _snapshot_of_local(spec, _read_file(spec, path, options), path, options, clock)


@cache
def _tls_context() -> ssl.SSLContext:
    """One TLS context per process: loading the CA bundle costs ~50 ms of CPU, which a new
    context per fetch would pay again for every page a tracker polls. Same CA bundle as
    httpx's own default (certifi)."""
    import ssl

    import certifi

    return ssl.create_default_context(cafile=certifi.where())


def fetch_url(
    url: str,
    options: LoadOptions,
    extra_headers: Mapping[str, str] | None = None,
    *,
    clock: Clock = utc_now,
    sleep: Sleep = time.sleep,
) -> Snapshot:
    """Fetch an http(s) URL: redirects, retries with backoff, a size cap and charset detection.

    ``extra_headers`` are sent as well; with ``If-None-Match`` or ``If-Modified-Since`` a
    ``304 Not Modified`` answer gives a snapshot with status 304 and no content.
    """
    import httpx

    from compare import __version__

    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as error:
        raise InputError(f"{url} is not a valid URL ({error})", "check the address") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise InputError(f"{url} is not a valid http(s) URL", "check the address")
    if parsed.port is not None and not 0 < parsed.port < 65536:  # httpx keeps 99999
        raise InputError(f"{url} has no valid port", "a port is a number from 1 to 65535")
    try:  # as the resolver will encode it: an empty or too long label ("a..b") fails there
        parsed.host.encode("idna")
    except UnicodeError as error:
        raise InputError(f"{url} is not a valid URL ({error})", "check the address") from None
    headers = {
        "User-Agent": options.user_agent or f"storydiff/{__version__}",
        "Accept-Encoding": ACCEPT_ENCODING,
    }
    headers.update(extra_headers or {})
    timeout = httpx.Timeout(options.read_timeout, connect=options.connect_timeout)
    deadline = _Deadline(DEADLINE_TIMEOUTS * options.read_timeout)
    try:
        with httpx.Client(
            headers=headers,
            timeout=timeout,
            follow_redirects=True,
            max_redirects=options.max_redirects,
            verify=_tls_context(),
        ) as client:
            deadline.watch(client)
            target = url
            while True:
                snapshot, hops = _fetch_one(client, url, target, options, clock, sleep, deadline)
                # A stub that sends the browser on (<meta http-equiv="refresh" content="0;
                # url=...">, a moved article's old address) is followed as a redirect is,
                # out of the one budget: HTTP redirects and refreshes count alike.
                refresh = _meta_refresh(snapshot)
                if refresh is None:
                    return snapshot
                client.max_redirects -= hops + 1
                if client.max_redirects < 0:
                    break
                target = refresh
    except httpx.HTTPError as error:
        raise _fetch_error(url, error, options) from None
    except _Overdue:
        raise _overdue_error(url, options) from None
    raise _fetch_error(url, httpx.TooManyRedirects("meta refresh loop"), options)


def _fetch_one(
    client: httpx.Client,
    spec: str,
    url: str,
    options: LoadOptions,
    clock: Clock,
    sleep: Sleep,
    deadline: _Deadline,
) -> tuple[Snapshot, int]:
    """One address, retried with backoff, and the HTTP redirects it took; ``spec`` is the
    address the user gave. Each attempt ends by ``deadline`` (the waits between are not
    counted)."""
    for attempt in range(options.retries + 1):
        deadline.start()
        with client.stream("GET", url) as response:
            wait = _retry_wait(response, attempt, options, clock)
            if wait is None:
                snapshot = _snapshot_of_response(spec, response, options, clock)
                return snapshot, len(response.history)
        sleep(wait)
    raise AssertionError("unreachable: the last attempt always returns or raises")


class _Overdue(Exception):
    """A request ran past its :class:`_Deadline`."""


class _Deadline:
    """The time a request must be done by, enforced on every network operation of a
    client's connections once connected: each read, write and TLS handshake waits no longer
    than its own timeout nor than the time left (then :class:`_Overdue`). httpx's timeouts
    are each one operation's: a server that sends a small chunk every second never reaches
    the read timeout, however long the page takes."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._at = math.inf

    def start(self) -> None:
        self._at = time.monotonic() + self.seconds

    def watch(self, client: httpx.Client) -> None:
        """Have ``client``'s connections (direct, and through a proxy from the environment)
        kept to this deadline. httpx offers no way to give its connection pools a network
        backend; they hold it in ``_network_backend``, read as each connection is made.
        (tests/test_fetch20.py fails if that stops working.)"""
        transports = [getattr(client, "_transport", None)]
        transports += list(getattr(client, "_mounts", {}).values())
        for transport in transports:
            pool: Any = getattr(transport, "_pool", None)
            backend = getattr(pool, "_network_backend", None)
            if backend is not None and not isinstance(backend, _DeadlineBackend):
                pool._network_backend = _DeadlineBackend(backend, self)

    def bounded(self, operation: Callable[[float | None], Any], timeout: float | None) -> Any:
        """``operation`` given the shorter of ``timeout`` and the time left; past the
        deadline, or timed out by it, :class:`_Overdue`."""
        import httpcore

        left = self._at - time.monotonic()
        if left <= 0:
            raise _Overdue
        try:
            return operation(left if timeout is None else min(timeout, left))
        except httpcore.TimeoutException:
            if time.monotonic() >= self._at:
                raise _Overdue from None
            raise


class _DeadlineBackend:
    """An httpcore network backend whose streams keep to a :class:`_Deadline`."""

    def __init__(self, backend: Any, deadline: _Deadline) -> None:
        self._backend = backend
        self._deadline = deadline

    # Connecting keeps to --connect-timeout alone (its own error says to raise it), and the
    # deadline counts from the connection made: a server slow to accept is no slow sender.
    def connect_tcp(self, host: str, port: int, timeout: float | None = None, **kw: Any) -> Any:
        stream = self._backend.connect_tcp(host, port, timeout=timeout, **kw)
        self._deadline.start()
        return _DeadlineStream(stream, self._deadline)

    def connect_unix_socket(self, path: str, timeout: float | None = None, **kw: Any) -> Any:
        stream = self._backend.connect_unix_socket(path, timeout=timeout, **kw)
        self._deadline.start()
        return _DeadlineStream(stream, self._deadline)

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class _DeadlineStream:
    """An httpcore network stream whose reads, writes and TLS handshake keep to a
    :class:`_Deadline`."""

    def __init__(self, stream: Any, deadline: _Deadline) -> None:
        self._stream = stream
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        data: bytes = self._deadline.bounded(lambda t: self._stream.read(max_bytes, t), timeout)
        return data

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._deadline.bounded(lambda t: self._stream.write(buffer, t), timeout)

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, **kw: Any
    ) -> _DeadlineStream:
        timeout = kw.pop("timeout", None)
        stream = self._deadline.bounded(
            lambda t: self._stream.start_tls(ssl_context, server_hostname, timeout=t, **kw),
            timeout,
        )
        return _DeadlineStream(stream, self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


#: A page longer than this is an article that reloads itself, not a stub that moves on.
_REFRESH_STUB_BYTES = 16_384
# Patterns, compiled (and cached by re) only when a small HTML page is looked at.
_NOSCRIPT = rb"(?is)<noscript\b.*?(?:</noscript\s*>|$)"
_META_REFRESH = rb"(?is)<meta\b[^>]*?http-equiv\s*=\s*[\"']?refresh\b[^>]*>"
_REFRESH_CONTENT = (
    rb"(?is)\bcontent\s*=\s*([\"'])\s*(\d+(?:\.\d*)?)\s*[;,]\s*(?:url\s*=\s*)?"
    rb"[\"']?([^\"'>]+?)[\"']?\s*\1"
)


def _meta_refresh(snapshot: Snapshot) -> str | None:
    """Where a small HTML page's meta refresh sends the reader at once (in 10 s or less),
    when that is another http(s) address; else None. A refresh with no address, or to the
    page itself, reloads it."""
    target = meta_refresh_target(snapshot)
    return target if target and target.lower().startswith(("http://", "https://")) else None


def meta_refresh_target(snapshot: Snapshot) -> str | None:
    """Where a small HTML page's meta refresh sends the reader at once (in 10 s or less),
    whatever the scheme (javascript: too: only :func:`fetch_url` follows, and only http(s)),
    resolved against the page's address; None for no such refresh, or one to the page
    itself."""
    data = snapshot.content
    if snapshot.kind != "html" or not data or len(data) > _REFRESH_STUB_BYTES:
        return None
    # One inside <noscript> is for browsers without JavaScript ("/unsupported-browser").
    tag = re.search(_META_REFRESH, re.sub(_NOSCRIPT, b"", data))
    found = re.search(_REFRESH_CONTENT, tag.group(0)) if tag else None
    if found is None or float(found.group(2)) > 10:
        return None
    from html import unescape
    from urllib.parse import urldefrag, urljoin

    here = snapshot.provenance.url or snapshot.provenance.spec
    # An attribute's value, as a browser reads it: "/story?id=7&amp;page=1" has one "&".
    address = unescape(found.group(3).decode("utf-8", "replace")).strip()
    target = urljoin(here, address) if "://" in here else address
    return None if urldefrag(target)[0] == urldefrag(here)[0] else target


def _retry_wait(
    response: httpx.Response, attempt: int, options: LoadOptions, clock: Clock
) -> float | None:
    """Seconds to wait before asking again, or ``None`` when this response is the answer."""
    if response.status_code not in RETRY_STATUSES or attempt >= options.retries:
        return None
    if _bot_check(response):
        return None  # asking again brings the same challenge: say so at once
    retry_after = _parse_retry_after(response.headers.get("retry-after"), clock)
    if retry_after is not None and retry_after > MAX_RETRY_WAIT:
        # "Come back in an hour": asking again within a minute, three times, only cost
        # three minutes before the same refusal. It is the answer (see _status_error).
        return None
    wait = retry_after if retry_after is not None else options.backoff * 2**attempt
    return min(max(wait, 0.0), MAX_RETRY_WAIT)


class RateLimited(FetchError):
    """The server asked to be left alone for longer than storydiff waits (Retry-After)."""

    def __init__(self, message: str, hint: str, *, status: int, until: datetime) -> None:
        super().__init__(message, hint, status=status)
        self.until = until
        """When the server said it may be asked again (UTC)."""


# What the challenge pages of bot-blocking services say, in their first bytes; and, on an
# error answer, what they load (a page that is fine may load Cloudflare's script too).
_CHALLENGE_PAGE = (
    rb"(?i)<title>\s*(?:just a moment|attention required|are you a robot|access denied"
    rb"|security check|verify(?:ing)? you are human)|checking your browser before"
    rb"|enable javascript and cookies to continue"
)
_CHALLENGE = _CHALLENGE_PAGE + rb"|cf-chl|challenge-platform|captcha-delivery"


def _bot_check(response: httpx.Response) -> bool:
    """Whether an error answer is a bot-blocking service's challenge (Cloudflare's "Just a
    moment...", a CAPTCHA), which no retry gets past. Reads at most 64 KiB of its body."""
    if response.status_code not in (403, 429, 503):
        return False
    if response.headers.get("cf-mitigated", "").lower() == "challenge":
        return True
    body = getattr(response, "_storydiff_head", None)
    if body is None:
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            chunks.append(chunk)
            size += len(chunk)
            if size >= 65_536:
                break
        body = b"".join(chunks)[:65_536]
        response._storydiff_head = body  # type: ignore[attr-defined]  # read once
    return re.search(_CHALLENGE, body) is not None


def _few_words(data: bytes) -> bool:
    """Whether a page shows too few words to be an article: a challenge page's "Checking
    your browser before accessing ..." is a line or two, while a story about bot checks that
    quotes the line, or is headlined "Access denied", is read."""
    text = re.sub(rb"(?is)<(script|style)\b.*?</\1\s*>|<[^>]*>", b" ", data)
    return len(text.split()) < _CHALLENGE_WORDS


#: A bot check's page shows fewer words than this; an article, more.
_CHALLENGE_WORDS = 120


def _parse_retry_after(value: str | None, clock: Clock) -> float | None:
    """Retry-After as seconds: either a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    if re.fullmatch(r"\d+\.\d+", value):  # "120.0": seconds written as a float
        return float(value)
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        from datetime import timezone

        when = when.replace(tzinfo=timezone.utc)
    return (when - clock()).total_seconds()


#: An ETag made of the file's modification time and size ("65f1c2a0-1a2b", nginx's and
#: Apache's kind), no finer than its Last-Modified.
_TIMED_ETAG = r'(?:W/)?"[0-9a-f]+-[0-9a-f]+(?:-[0-9a-f]+)?"'


def _utc(moment: datetime) -> datetime:
    from datetime import timezone

    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


def _validators(headers: httpx.Headers, clock: Clock) -> tuple[str | None, str | None]:
    """The ETag and Last-Modified to send back on the next fetch. Last-Modified counts
    whole seconds: a page edited again within the second its answer was made keeps the same
    date, and If-Modified-Since would be answered 304 until the next edit, the new text never
    fetched. So a date less than a second before the answer's Date (the server's clock; ours
    when it sends none) is dropped (RFC 9110 8.8.2.2 calls it weak), and with it an ETag
    made of the modification time."""
    from email.utils import parsedate_to_datetime

    etag, last_modified = headers.get("etag"), headers.get("last-modified")
    if not last_modified:
        return etag, None
    try:
        modified = parsedate_to_datetime(last_modified)
    except (TypeError, ValueError, IndexError):  # unreadable: the server compares it, not us
        return etag, last_modified
    dates = []
    for date in headers.get_list("date"):  # a proxy can add its own: the earliest counts
        with contextlib.suppress(TypeError, ValueError, IndexError):
            dates.append(_utc(parsedate_to_datetime(date)))
    answered = min(dates, default=None) or clock()
    modified = _utc(modified)
    if (answered - modified).total_seconds() >= 1:
        return etag, last_modified
    return (None if etag and re.fullmatch(_TIMED_ETAG, etag) else etag), None


def _snapshot_of_response(
    spec: str, response: httpx.Response, options: LoadOptions, clock: Clock
) -> Snapshot:
    url = str(response.url)
    status = response.status_code
    media_type, _, params = response.headers.get("content-type", "").partition(";")
    media_type = media_type.strip().lower()
    etag, last_modified = _validators(response.headers, clock)
    provenance = Provenance(
        spec=spec,
        url=url,
        fetched_at=_timestamp(clock),
        status=status,
        content_type=media_type or None,
        etag=etag,
        last_modified=last_modified,
    )
    if status == 304:
        return Snapshot(content=b"", kind=options.kind or "html", provenance=provenance)
    if status >= 400:
        raise _status_error(url, response, options, clock)
    if media_type and not _is_textual(media_type):
        raise InputError(
            f"{_shown(url)} is {media_type}, not a web page",
            "pass the URL of the article itself, not of an image or a download",
        )
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > options.max_bytes:
        raise _too_large(url, options)
    data = _read_body(url, response, options)
    if len(data) < 32_768 and re.search(_CHALLENGE_PAGE, data) and _few_words(data):
        raise FetchError(
            f'{_shown(url)} answered with a bot check (a "Just a moment…" or CAPTCHA page), '
            "not the article",
            "open the page in a browser, save it, and pass the file",
            status=status,
        )
    if len(data) < 262_144 and _consent_wall(data):
        raise FetchError(
            f"{_shown(url)} answered with a cookie-consent page, not the article",
            "the site asks for consent before it shows the story, which storydiff cannot "
            "give; open the page in a browser, save it, and pass the file",
            status=status,
        )
    utf16 = _bomless_utf16(data)
    kind = _served_kind(data, media_type, options.kind, utf16)
    declared = _charset_param(params)
    return _finish(data, kind, provenance, declared, url, utf16)


# A block of a consent wall: what it says about cookies, partners and choices.
_CONSENT_BLOCK = (
    rb"(?i)\b(?:cookies?|consent|(?:our|\d[\d,.]*) (?:\w+ )?partners|personali[sz]ed|"
    rb"legitimate interests?|privacy|tracking technologies|(?:accept|reject|refuse) all|"
    rb"manage (?:\w+ )?(?:options|choices|preferences|settings|cookies)|"
    rb"(?:alle )?(?:akzeptieren|ablehnen)|tout accepter|aceptar todo|accetta tutto)"
)
_CONSENT_ASKED = rb"(?i)\b(?:cookies?|consent|einwilligung|consentement|consentimiento)\b"
#: A consent wall says this few words about anything else (its menu, its footer).
_CONSENT_OTHER_WORDS = 60
#: A control of a consent banner: a short button or link that chooses.
_CONSENT_CHOICE = (
    r"(?i)\b(?:accept|agree|allow|reject|refuse|decline|manage|options|preferences|settings|"
    r"consent|continue|akzeptieren|ablehnen|zustimmen|accepter|refuser|continuer|aceptar|"
    r"rechazar|accetta|rifiuta|aceitar|rejeitar)"
)
#: A sentence of prose: eight words or more, ended as a sentence is.
_PROSE = r"(?:\S+\s+){7,}\S*[.!?…][\"'’”)]*\s*$"


def _consent_wall(data: bytes) -> bool:
    """Whether a page is a cookie-consent wall served instead of the article (to a robot
    that cannot click "Accept"): it asks for consent in a box with its choices, and with
    that box taken out no prose is left (a paragraph of the story, however short the
    story). Read as an article, the wall became a version headlined "We value your
    privacy"; a brief under a banner, or a story about cookie banners, is no wall."""
    if not re.search(_CONSENT_ASKED, data):
        return False
    page = re.sub(
        rb"(?is)<(script|style|noscript|template|svg)\b.*?</\1\s*>|<!--.*?-->", b" ", data
    )
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.document_fromstring(page)
    except (lxml.etree.ParserError, ValueError):
        return _consent_blocks_only(page)
    asked = re.compile(_CONSENT_ASKED.decode())
    boxes = []
    for control in root.iter("button", "a", "input"):
        label = control.text_content() if control.tag != "input" else control.get("value", "")
        if len(label.split()) > 5 or not re.search(_CONSENT_CHOICE, label):
            continue
        # The banner's box: the nearest element round the choice that asks for consent.
        box = control.getparent()
        while box is not None and not asked.search(box.text_content()):
            box = box.getparent()
        if box is None or box.tag in ("body", "html"):
            return _consent_blocks_only(page)  # the banner is the page's whole body
        if _holds_story(box):
            continue  # a box that holds the story is no banner's
        boxes.append(box)
    if not boxes:
        return False  # no choice to make: a page about consent, not one asking for it
    for box in boxes:
        if box.getparent() is not None:
            box.drop_tree()
    for chrome in list(root.iter("nav", "header", "footer", "aside", "form", "title")):
        if chrome.getparent() is not None:
            chrome.drop_tree()
    body = root.find("body")
    texts = (body if body is not None else root).itertext()
    return not any(re.search(_PROSE, " ".join(text.split())) for text in texts)


def _holds_story(box: HtmlElement) -> bool:
    """Whether an element round a consent choice holds more than the banner: the article,
    or three sentences that say nothing of cookies and choices (a wrapper of the page)."""
    if box.tag in ("article", "main") or box.find(".//article") is not None:
        return True
    prose = 0
    for text in box.itertext():
        line = " ".join(text.split())
        if re.search(_PROSE, line) and not re.search(_CONSENT_BLOCK, line.encode()):
            prose += 1
            if prose >= 3:
                return True
    return False


def _consent_blocks_only(page: bytes) -> bool:
    """Whether a page's text blocks say little but what it does with cookies and which
    choices there are (a banner that is the whole body, or a page lxml cannot read)."""
    other = 0
    asked = False
    for block in re.split(rb"<[^>]*>", page):
        words = len(block.split())
        if not words:
            continue
        if re.search(_CONSENT_BLOCK, block):
            asked = asked or re.search(_CONSENT_ASKED, block) is not None
        else:
            other += words
            if other >= _CONSENT_OTHER_WORDS:
                return False
    return asked


#: The content codings storydiff asks for and undoes itself (see _read_body).
_CODINGS = ("gzip", "x-gzip", "deflate")
#: Sent with every request: only the codings _read_body can tell are complete.
ACCEPT_ENCODING = "gzip, deflate"


def _read_body(url: str, response: httpx.Response, options: LoadOptions) -> bytes:
    """The body, decoded, within ``options.max_bytes``. A gzip or deflate body is undone
    here rather than by httpx, whose decoder takes a stream that stops short (a server or
    proxy that dropped the connection, a cache that kept half a file) for a whole one: the
    page's first half would be read as the article with its end deleted, a false version."""
    import zlib

    codings = [
        c.strip().lower()
        for c in response.headers.get("content-encoding", "").split(",")
        if c.strip().lower() not in ("", "identity")
    ]
    if not codings or any(c not in _CODINGS for c in codings):
        chunks = response.iter_bytes()  # plain, or a coding httpx undoes (or refuses)
        inflaters: list[Any] = []
    else:
        chunks = response.iter_raw()
        # Applied in the reverse of the order the server applied them.
        inflaters = [_Inflater(c) for c in reversed(codings)]
    parts: list[bytes] = []
    received = 0
    try:
        for chunk in chunks:
            for inflater in inflaters:
                chunk = inflater.feed(chunk, options.max_bytes - received + 1)
            received += len(chunk)
            if received > options.max_bytes:
                raise _too_large(url, options)
            parts.append(chunk)
    except _Overflow:
        raise _too_large(url, options) from None
    except zlib.error as error:
        raise FetchError(
            f"{_shown(url)} sent a {codings[0]} body that could not be decoded ({error})",
            "try again later, or save the page from a browser and pass the file",
        ) from None
    if any(not inflater.ended for inflater in inflaters):
        raise FetchError(
            f"{_shown(url)} sent a truncated page: its {codings[0]} body stopped short "
            f"after {received:,} bytes",
            "try again later: the connection or the server broke off, and half a page "
            "would read as an article with its end deleted",
        )
    return b"".join(parts)


class _Inflater:
    """Undoes one gzip or deflate coding, and tells whether its stream came to its end."""

    def __init__(self, coding: str) -> None:
        import zlib

        self.coding = coding
        # deflate is meant to be zlib-wrapped, but some servers send it raw: tried first.
        wbits = zlib.MAX_WBITS | 16 if coding != "deflate" else zlib.MAX_WBITS
        self._inflater = zlib.decompressobj(wbits)
        self._first = True

    @property
    def ended(self) -> bool:
        return bool(self._inflater.eof)

    def feed(self, data: bytes, limit: int) -> bytes:
        """The bytes ``data`` inflates to, at most ``limit`` (past it, :class:`_Overflow`):
        a small body that inflates to gigabytes is never held whole."""
        import zlib

        if self._inflater.eof:
            return b""  # trailing bytes after the stream: browsers ignore them too
        try:
            out = self._inflater.decompress(data, max(limit, 1))
        except zlib.error:
            if not (self._first and self.coding == "deflate"):
                raise
            self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)
            self._first = False
            return self.feed(data, limit)
        self._first = False
        if self._inflater.unconsumed_tail:
            raise _Overflow  # more than the limit: too large, whatever the rest holds
        return out


class _Overflow(Exception):
    """A coded body inflated past ``--max-bytes``."""


def _served_kind(
    data: bytes, media_type: str, forced: MediaKind | None, utf16: tuple[str, str] | None
) -> MediaKind:
    """How to read a page served as ``media_type``: ``forced`` (--kind), else as its type
    says, else as its bytes look."""
    kind = forced or _kind_of_media_type(media_type) or _sniff_kind(data, utf16)
    # (A whole HTML document served as text/plain is a misconfigured server.)
    return kind if forced else _page_after_all(kind, data)


def _page_after_all(kind: MediaKind, data: bytes) -> MediaKind:
    """``html`` for a "text" that is a whole HTML document (served as text/plain, saved
    under a .txt name): its words are not "<!DOCTYPE html> <html lang=...>"; else ``kind``."""
    if kind == "text" and re.match(_HTML_DOCUMENT, data[:4096]):
        return "html"
    return kind


def stored_snapshot(data: bytes, provenance: Provenance, kind: MediaKind | None = None) -> Snapshot:
    """A page as the store kept it (its bytes, and the provenance its document recorded:
    URL, fetch time, content type and character set), to be read again as when it was
    fetched; ``kind`` as --kind forces it."""
    media_type = (provenance.content_type or "").lower()
    return Snapshot(
        content=data,
        kind=_served_kind(data, media_type, kind, _bomless_utf16(data)),
        provenance=provenance,
    )


# The opening of an HTML document, after any BOM, white space and comments.
_HTML_DOCUMENT = rb"(?is)(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]"


def _snapshot_of_local(
    spec: str, data: bytes, path: Path | None, options: LoadOptions, clock: Clock
) -> Snapshot:
    name = "standard input" if path is None else spec
    if data[:2] == b"\x1f\x8b":  # gzip, whatever the name says
        data = _gunzip(name, data, options)
    named = _kind_of_name(path) if path is not None else None
    utf16 = _bomless_utf16(data)
    # (A whole page saved under a .txt name is read as the page, as stdin would be; --kind
    # text keeps it text.)
    kind = options.kind or (_page_after_all(named, data) if named else _sniff_kind(data, utf16))
    # A saved file was "fetched" when it was last written: that keeps reports of the same
    # files byte-identical from one run to the next. Stdin is read now.
    saved = _file_time(path) if path is not None else None
    provenance = Provenance(
        spec=spec,
        fetched_at=saved or _timestamp(clock),
        content_type=_CONTENT_TYPE_BY_KIND[kind],
    )
    return _finish(data, kind, provenance, None, name, utf16)


def _file_time(path: Path) -> str | None:
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return None
    return _utc_second(mtime)


def _utc_second(timestamp: float) -> str:
    """``datetime.fromtimestamp(timestamp, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")``,
    through the time module: datetime's import (~5M instructions) is needed nowhere else
    before a plain-text comparison hands its documents to the facets worker. The second is
    datetime's: the timestamp rounded to the microsecond, half to even, before the
    fraction is dropped."""
    fraction, whole = math.modf(timestamp)
    micro = round(fraction * 1e6)
    second = int(whole) + (1 if micro >= 1_000_000 else -1 if micro < 0 else 0)
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(second))


#: What a text that holds nothing else is empty of.
_BLANK = " \t\r\n\f\v\ufeff\u00a0"


def _finish(
    data: bytes,
    kind: MediaKind,
    provenance: Provenance,
    declared: str | None,
    name: str,
    utf16: tuple[str, str] | None,
) -> Snapshot:
    """Refuse binary and empty content, detect the charset, hash, and build the snapshot.
    ``utf16`` is what :func:`_bomless_utf16` made of ``data``."""
    import hashlib

    # NUL bytes mean binary, or UTF-16 that came without its BOM (Windows tools write it).
    if utf16 is None:
        _refuse_binary(name, data)
        encoding = _detect_encoding(data, declared, kind == "html", name)
        # Nothing but whitespace? An ASCII byte that is none, first past the ASCII
        # whitespace, says no without decoding it all (~1M instructions at 850 kB): in
        # UTF-8 an ASCII byte is always its character (the extraction decodes it anyway).
        first = data.lstrip(b" \t\r\n\f\v")[:1]
        if encoding == "utf-8" and first.isascii() and first:
            blank = False
        else:
            blank = not data.decode(encoding, errors="replace").strip(_BLANK)
    else:
        encoding, text = utf16
        blank = not text.strip(_BLANK)
    if blank:
        if provenance.url:
            # A server's answer with no page in it: no file to pass instead, and often a
            # passing fault of the site (or the wrong address).
            raise InputError(
                f"{name}: the server sent an empty page"
                + ("" if not data else " (only whitespace)"),
                "try again later, or check the address",
            )
        raise InputError(
            f"{name} is empty" if not data else f"{name} holds only whitespace",
            "pass a page or a text file with the article in it",
        )
    provenance = Provenance(
        spec=provenance.spec,
        url=provenance.url,
        fetched_at=provenance.fetched_at,
        status=provenance.status,
        content_type=provenance.content_type,
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        etag=provenance.etag,
        last_modified=provenance.last_modified,
    )
    return Snapshot(content=data, kind=kind, provenance=provenance)


def _exists(path: Path) -> bool:
    """Whether ``path`` names a file or folder; not one the system cannot look up."""
    try:
        return path.exists()
    except OSError:
        return False


def _near_file(spec: str, path: Path) -> str | None:
    """ "did you mean …?" for a missing file whose folder holds one named nearly so (a
    typo, another case, .htm for .html, a space pasted at an end), else None."""
    import difflib

    try:
        if spec.strip() != spec and Path(spec.strip()).expanduser().is_file():
            return f"did you mean {spec.strip()}? (without the space)"
        folder = path.parent
        names = [p.name for p in folder.iterdir() if p.is_file()] if folder.is_dir() else []
    except OSError:
        return None
    wanted = path.name.strip().casefold()
    for name in names:
        if name.casefold() == wanted:
            return f"did you mean {folder / name}?"
    close = difflib.get_close_matches(wanted, [n.casefold() for n in names[:2000]], n=1, cutoff=0.9)
    if not close:
        return None
    name = next(n for n in names if n.casefold() == close[0])
    return f"did you mean {folder / name}?"


def _read_file(spec: str, path: Path, options: LoadOptions) -> bytes:
    try:
        # (exists() raises for a name the system cannot look up: one too long, ENAMETOOLONG.)
        if not path.exists():
            if path.is_symlink():  # a link to nothing, or to itself
                try:
                    target = f" (it points to {path.readlink()})"
                except OSError:
                    target = ""
                raise InputError(
                    f"{spec} is a link to no file{target}", "pass the file the link should point to"
                )
            shown = spec if spec == spec.strip() else repr(spec)  # a space pasted at an end
            raise InputError(
                f"no such file: {shown}",
                _near_file(spec, path) or "check the path (or give an http(s):// URL)",
            )
        if path.is_dir():
            raise InputError(f"{spec} is a directory", "pass one of the files inside it")
        size = path.stat().st_size
        data = b""
        if size <= options.max_bytes:
            with path.open("rb") as handle:
                # A buffer the file's size, not the cap's: reading into 20 MB for an 850 KB
                # file cost 0.2 ms. A file that grew since is read on, up to the cap.
                data = handle.read(size + 1)
                if len(data) > size:
                    data += handle.read(options.max_bytes + 1 - len(data))
        # (Read past the cap: it grew since it was measured, a page still being saved.)
        if max(size, len(data)) > options.max_bytes:
            raise InputError(
                f"{spec} is larger than {_size(options.max_bytes)}",
                "raise --max-bytes, or pass a smaller file",
            )
        return data
    except PermissionError:
        raise InputError(
            f"cannot read {spec}: permission denied", "check the file's permissions"
        ) from None
    except OSError as error:
        raise InputError(
            f"cannot read {spec}: {error.strerror or error}", "check the path and the disk"
        ) from None


def _gunzip(name: str, data: bytes, options: LoadOptions) -> bytes:
    """Undo gzip, refusing to inflate past the size cap (a small file can hold a huge page)."""
    import zlib

    inflater = zlib.decompressobj(wbits=31)
    try:
        out = inflater.decompress(data, options.max_bytes + 1)
    except zlib.error:
        raise InputError(
            f"{name} is not a valid gzip file", "check the file, or gunzip it yourself first"
        ) from None
    if len(out) > options.max_bytes:
        raise InputError(
            f"{name} unpacks to more than {_size(options.max_bytes)}",
            "raise --max-bytes, or pass a smaller file",
        )
    if not inflater.eof:
        raise InputError(f"{name} is a truncated gzip file", "download or copy it again")
    return out


def _kind_of_name(path: Path) -> MediaKind | None:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return _KIND_BY_SUFFIX.get(suffixes[-1]) if suffixes else None


def _kind_of_media_type(media_type: str) -> MediaKind | None:
    if "html" in media_type or media_type in ("application/xml", "text/xml"):
        return "html"
    if media_type == "text/markdown":
        return "markdown"
    if media_type == "text/plain":
        return "text"
    return None


def _is_textual(media_type: str) -> bool:
    # octet-stream is what misconfigured servers send for anything: the bytes get sniffed.
    return (
        media_type.startswith("text/")
        or media_type.endswith(("+xml", "/xml", "/json"))
        or media_type == "application/octet-stream"
    )


def _sniff_kind(data: bytes, utf16: tuple[str, str] | None) -> MediaKind:
    """HTML when the start looks like markup, else plain text. ``utf16`` is what
    :func:`_bomless_utf16` made of ``data``."""
    start = data[:4096]
    if b"\x00" in start[:256]:  # UTF-16 or UTF-32: look for the markup in the text
        codec = _bom_codec(data) or (utf16[0] if utf16 else None)
        if codec is not None:
            start = start.decode(codec, errors="ignore").encode("utf-8")
    return "html" if re.search(_MARKUP, start) else "text"


def _refuse_binary(name: str, data: bytes) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"{name} is {what}, not a web page or text", _BINARY_HINT)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        raise InputError(f"{name} is a WebP image, not a web page or text", _BINARY_HINT)
    # NUL bytes mean binary, except in UTF-16/32 text, which announces itself with a BOM.
    if b"\x00" in data[:8192] and _bom_codec(data) is None:
        raise InputError(f"{name} looks binary (it holds NUL bytes)", _BINARY_HINT)


_BINARY_HINT = "pass an HTML page, a .txt or a .md file"
_CONTROLS = frozenset(map(chr, range(32))) - set("\t\n\r\f")


def _bom_codec(data: bytes) -> str | None:
    """The codec of the byte-order mark ``data`` starts with, or ``None`` without one."""
    # _BOMS lists UTF-32's marks before UTF-16's, which begin them.
    return next((codec for bom, codec in _BOMS if data.startswith(bom)), None)


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """``utf-16-le`` or ``utf-16-be`` and the text, when ``data`` is UTF-16 without a BOM:
    it has NUL bytes, and most characters are in the Latin range, so every other byte is
    NUL, and only those are; and all of it decodes to text with no NUL or other control
    characters. The whole input is decoded here, once."""
    sample = data[:8192]
    if b"\x00" not in sample or _bom_codec(data) is not None:
        return None
    if len(data) % 2 or len(sample) < 2:
        return None
    for codec, high, low in (
        ("utf-16-le", sample[1::2], sample[0::2]),
        ("utf-16-be", sample[0::2], sample[1::2]),
    ):
        if b"\x00" not in low and high.count(0) * 2 >= len(high):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            return None if _CONTROLS.intersection(text[:4096]) else (codec, text)
    return None


def _detect_encoding(data: bytes, declared: str | None, is_html: bool, name: str) -> str:
    """The charset: a BOM, then the HTTP header, then a ``<meta>`` declaration (but UTF-8
    for valid UTF-8 labelled a single-byte charset, and not a UTF-8 label on bytes
    that UTF-8 garbles throughout), then valid UTF-8, then
    charset-normalizer's guess; UTF-8 when nothing else is known. ``name`` names the input
    in the error for a charset that browsers refuse to decode."""
    bom = _bom_codec(data)
    if bom is not None:
        return bom
    meta = re.search(_META_CHARSET, data[:4096]) if is_html else None
    meta_label = meta.group(1).decode("ascii") if meta else None
    for label, from_meta in ((declared, False), (meta_label, True)):
        named = _declared_codec(label, name)
        if named is not None and named.startswith("utf-16"):
            # A <meta> could be read at all only because the bytes are ASCII-based: browsers
            # take its UTF-16 to mean UTF-8. A header's UTF-16 on such bytes is passed over
            # (UTF-16 without a BOM was already recognised by its NUL bytes).
            named = "utf-8" if from_meta else None
            if named is not None and not _unreadable(data):
                return named  # as browsers read it (a label's own "utf-8" is judged below)
        if named == "utf-8" and (_unreadable(data) or _no_utf8_beyond_ascii(data)):
            # A server's default "charset=utf-8" on a page in another charset (cp1251 from an
            # old CMS) would garble every letter: the page's own <meta>, else a guess, reads it.
            # So on an English page whose few £ signs and curly quotes are all bytes UTF-8
            # refuses (windows-1252 under a template's UTF-8 <meta>).
            continue
        if named is not None:
            return "utf-8" if named in _SINGLE_BYTE and _multibyte_utf8(data) else named
    # Its escapes open with ESC: looking for that byte alone (memchr) first spares two
    # searches for three bytes (~1 ms on an 850 kB text that holds none).
    if b"\x1b" in data and data.isascii() and (b"\x1b$B" in data or b"\x1b$@" in data):
        # ISO-2022-JP is 7-bit: valid UTF-8 too, with the Japanese as escaped gibberish.
        try:
            data.decode("iso2022_jp")
        except UnicodeDecodeError:
            pass
        else:
            return "iso2022_jp"
    if data.isascii():  # valid UTF-8, found without decoding (~1M instructions at 850 kB)
        return "utf-8"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        if _mostly_utf8(data):
            return "utf-8"
    from charset_normalizer import from_bytes

    # Not UTF-16 or UTF-32: text in them without a BOM was recognised by its NUL bytes above,
    # and a guess of them for bytes without those garbles the whole page.
    matches = [
        (guess, (match.chaos, match.coherence))
        for match in from_bytes(data)
        if (guess := _codec_name(match.encoding)) and not guess.startswith(("utf-16", "utf-32"))
    ]
    guesses = [guess for guess, _ in matches]
    if not guesses and (japanese := _japanese(data)):
        return japanese
    if not guesses and _unreadable(data):
        # Read as UTF-8 anyway, the text would be mostly replacement characters and end in a
        # misleading "no article text"; a page in a charset the guess cannot tell is best
        # re-saved or labelled.
        raise InputError(
            f"{name} is not UTF-8 and names no charset known here, and its charset could not be "
            "recognised",
            'save the page as UTF-8, or add <meta charset="..."> naming its charset',
        )
    first = next((g for g in guesses if g in _WEB_CHARSETS), guesses[0] if guesses else "utf-8")
    if first not in _LATIN_CODECS:
        return first
    # Short texts fit several Latin charsets equally well by the guess's measures, and its
    # order among them is arbitrary (Czech in ISO-8859-2 came out as windows-1250, Turkish
    # as windows-1250, Spanish as windows-1250 with "años" as "ańos"): the letters decide.
    lang = re.search(_HTML_LANG, data[:4096]) if is_html else None
    code = lang.group(1).lower().decode() if lang else None
    # Every Latin charset is tried, the guess's first: it may leave the right one out (Czech
    # in ISO-8859-2 guessed only as windows-1250, windows-1252 and windows-1258).
    candidates = [g for g in guesses if g in _LATIN_CODECS] + sorted(_LATIN_CODECS)
    known = code if code in _letters() or code == "en" else None
    return _best_latin_codec(data, dict.fromkeys(candidates), known)


def _prose_symbols_only(data: bytes) -> bool:
    """Whether every byte of ``data`` beyond ASCII reads in windows-1252 as punctuation, a
    currency sign or a like symbol (:data:`_PROSE_SYMBOLS`), no letter: English text's "£",
    curly quotes and dashes. A text in a language with letters beyond ASCII has some."""
    import unicodedata

    for byte in set(data.translate(None, bytes(range(128)))):
        c = bytes((byte,)).decode("cp1252", errors="replace")
        if c not in _PROSE_SYMBOLS and (
            c == "\ufffd" or unicodedata.category(c) not in _PROSE_SYMBOL_CATEGORIES
        ):
            return False
    return True


def _best_latin_codec(data: bytes, candidates: dict[str, None], lang: str | None) -> str:
    """Of single-byte Latin ``candidates`` (in the guess's order), the one whose decoding
    of ``data`` is likeliest as text in its language (``lang`` when the page names one,
    else whichever language fits the decoding best): its bytes beyond ASCII read as that
    language's letters, and as its common letters more than its rare ones, not as foreign
    letters or control characters. Where decodings read as well, the charset browsers fall
    back on for that language wins ("rendőrség" is the same in windows-1250 and
    ISO-8859-2), then the guess's order. ``lang`` "en" has no letters of its own: its
    page's letters beyond ASCII are names', scored as any language's, and windows-1252 is
    likelier from the start (:data:`_ENGLISH_PRIOR`) and wins a tie. A page in English or
    no named language without a letter beyond ASCII, only windows-1252's punctuation and
    currency signs, is windows-1252: windows-1250 reads "£4.2m" as "Ł4.2m", which Polish
    fits best."""
    english = lang == "en"
    if english:
        lang = None
    if lang is None and "cp1252" in candidates and _prose_symbols_only(data):
        return "cp1252"
    best: tuple[float, bool] | None = None
    chosen = next(iter(candidates))
    # Single-byte charsets: each byte beyond ASCII is one character, so the bytes are
    # counted once and each charset decodes the few distinct ones.
    counts = Counter(data.translate(None, bytes(range(128))))
    for codec in candidates:
        found: Counter[str] = Counter()
        for byte, n in counts.items():
            found[bytes((byte,)).decode(codec, errors="replace")] += n
        fits = {}
        for language in [lang] if lang else _letters():
            odds = _letters()[language]
            fit = 0.0
            for c, n in found.items():
                if c in odds:
                    fit += n * odds[c]
                elif c == "\ufffd" or "\x80" <= c <= "\x9f":
                    fit += n * _JUNK
                else:
                    fit += n * (_FOREIGN if c.isalpha() else _SYMBOL)
            fits[language] = round(fit, 6)  # equal decodings tie exactly
        top = max(fits.values())
        fallback = any(
            fit == top and _FALLBACKS.get(language, "cp1252") == codec
            for language, fit in fits.items()
        )
        if english:
            top, fallback = top + (_ENGLISH_PRIOR if codec == "cp1252" else 0), codec == "cp1252"
        if best is None or (top, fallback) > best:
            best, chosen = (top, fallback), codec
    return chosen


def _japanese(data: bytes) -> str | None:
    """``cp932`` or ``euc_jp`` when ``data`` decodes in one of them without error to text
    whose non-ASCII characters are one in five kana or more (Japanese prose is a third kana
    or so; Chinese or Korean bytes that happen to decode give almost none). The guess cannot
    tell Shift_JIS with NEC symbols such as ① and ㈱, which browsers read as cp932."""
    for codec in ("cp932", "euc_jp"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
        if non_ascii and len(re.findall("[\u3041-\u30ff]", text)) * 5 >= non_ascii:
            return codec
    return None


def _unreadable(data: bytes) -> bool:
    """Whether decoding ``data`` as UTF-8 garbles it throughout: over 1 % of its characters
    replaced, in three stretches or more. A page in another charset garbles every piece of
    text; a damaged stretch in a UTF-8 or ASCII page is one stretch, and the rest reads."""
    decoded = data.decode("utf-8", errors="replace")
    if decoded.count("\ufffd") <= len(decoded) / 100:
        return False
    return len(re.findall("\ufffd+", decoded)) >= 3


def _no_utf8_beyond_ascii(data: bytes) -> bool:
    """Whether every byte of ``data`` beyond ASCII is invalid as UTF-8, in two places or
    more: not one character of UTF-8 beyond ASCII, which a UTF-8 page with a damaged
    stretch still has, but the bytes of a single-byte charset ("\xa34.2m", "\x93Yes\x94")."""
    if data.isascii():
        return False
    decoded = data.decode("utf-8", errors="replace")
    stretches = len(re.findall("\ufffd+", decoded))
    non_ascii = len(decoded) - len(decoded.encode("ascii", errors="ignore"))
    return stretches >= 2 and non_ascii == decoded.count("\ufffd")


def _multibyte_utf8(data: bytes) -> bool:
    """Whether ``data`` is valid UTF-8 with characters beyond ASCII in it. Servers often
    label UTF-8 pages latin-1, latin-9 or windows-1252; text really in those charsets forms
    valid UTF-8 only by a freak ("Ã©" side by side), so reading it as labelled garbles every
    accented letter ("café" -> "cafÃ©")."""
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _mostly_utf8(data: bytes) -> bool:
    """Whether ``data`` is UTF-8 with a few stray bytes (a name pasted from a legacy-charset
    source): its valid multi-byte characters outnumber the invalid bytes four to one.
    Legacy charsets form valid UTF-8 only by chance (under one in two for CJK, none for
    Latin, Cyrillic or Greek), and a guessed charset would garble every other character."""
    decoded = data.decode("utf-8", errors="replace")
    invalid = decoded.count("\ufffd")
    non_ascii = len(decoded) - len(decoded.encode("ascii", errors="ignore"))
    return non_ascii - invalid >= 4 * invalid


def _declared_codec(label: str | None, name: str) -> str | None:
    """The codec that browsers decode a page with for the charset label it declares (in the
    header or a ``<meta>``): the WHATWG Encoding Standard's table, then Python's own name
    for a label the standard lacks (``latin-1``); ``None`` when neither knows it. A label of
    a charset browsers refuse to decode is an :class:`InputError` naming ``name``."""
    if not label:
        return None
    label = label.strip(_ASCII_WHITESPACE + "\"'").lower()
    if label in _REFUSED_LABELS:
        raise InputError(
            f"{name} declares the charset {label}, an encoding browsers refuse to decode",
            "convert the page to UTF-8 (iconv), change its charset to utf-8 and pass the file",
        )
    if label in _WHATWG_LABELS:
        return _WHATWG_LABELS[label]
    # A label the standard lacks: Python's codec of that name, if it decodes text as a web
    # page may be written ("latin-1"); not "base64", "rot13", "undefined" or "utf-32", which
    # a browser would ignore and which would end in a traceback or garbage here.
    codec = _codec_name(label)
    if codec is None or codec in _NOT_WEB_CODECS or not codecs.lookup(codec)._is_text_encoding:
        return None
    return codec


#: Python codecs that decode no web page: escapes, IDNA, UTF-7 and UTF-32.
_NOT_WEB_CODECS = frozenset(
    str.split(
        "undefined unicode-escape raw-unicode-escape idna punycode utf-7 utf-32 utf-32-le utf-32-be"
    )
)


def _codec_name(label: str | None) -> str | None:
    """Python's name for the codec that browsers decode a charset with (``windows-1251`` ->
    ``cp1251``; ``latin-1`` -> ``cp1252`` and ``shift_jis`` -> ``cp932``, the supersets that
    servers really send), or ``None``. For labels outside the standard's table and for
    charset-normalizer's guesses, which come in Python's names."""
    if not label:
        return None
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # The table has most of Python's names among its labels, with hyphens: euc-kr for euc_kr.
    return _WHATWG_LABELS.get(name.replace("_", "-"), _JIS_SUPERSETS.get(name, name))


#: What charset-normalizer names Japanese text (the JIS X 0213 supersets), as browsers
#: decode it: an EUC-JP page guessed euc_jis_2004 first was read as Big5, gb18030 or cp949,
#: the first guess among the charsets web pages use.
_JIS_SUPERSETS = {
    "euc_jis_2004": "euc_jp",
    "euc_jisx0213": "euc_jp",
    "shift_jis_2004": "cp932",
    "shift_jisx0213": "cp932",
    "iso2022_jp_2004": "iso2022_jp",
    "iso2022_jp_3": "iso2022_jp",
    "iso2022_jp_ext": "iso2022_jp",
}


def _charset_param(params: str) -> str | None:
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _shown(url: str) -> str:
    """A URL as errors show it: as track lines do, without the tracking parameters the
    store files it without."""
    from compare.store import shown_url

    return shown_url(url)


def _status_error(
    url: str, response: httpx.Response, options: LoadOptions, clock: Clock = utc_now
) -> FetchError:
    url = _shown(url)
    from http import HTTPStatus

    # The standard phrase: servers vary ("NOT FOUND") and HTTP/2 sends none.
    try:
        phrase = HTTPStatus(response.status_code).phrase
    except ValueError:
        phrase = response.reason_phrase
    status = f"{response.status_code} {phrase}".strip()
    retried = (
        f" after {options.retries} retries"
        if response.status_code in RETRY_STATUSES and options.retries
        else ""
    )
    if _bot_check(response):
        return FetchError(
            f'{url} answered {status} with a bot check (a "Just a moment…" or CAPTCHA page), '
            "not the article",
            "open the page in a browser, save it, and pass the file",
            status=response.status_code,
        )
    wait = (
        _parse_retry_after(response.headers.get("retry-after"), clock)
        if response.status_code in RETRY_STATUSES
        else None
    )
    if wait is not None and wait > MAX_RETRY_WAIT:
        from datetime import timedelta, timezone

        until = (clock() + timedelta(seconds=wait)).astimezone(timezone.utc)
        return RateLimited(
            f"the server answered {status} for {url} and asks not to be asked again for "
            f"{_duration(wait)} (Retry-After)",
            f"try again after {until:%Y-%m-%d %H:%M} UTC",
            status=response.status_code,
            until=until,
        )
    if response.status_code in (401, 403):
        hint = "the page may need a login or block robots; save it from a browser and pass the file"
    elif response.status_code in (404, 410):
        hint = "check the URL, or save the page and pass the file"
    elif response.status_code in RETRY_STATUSES:
        hint = "the server is busy or failing; try again later"
    elif response.status_code >= 500:  # the server's own failure: the URL may be right
        hint = (
            "the server failed; try again later, or save the page from a browser and pass the file"
        )
    else:
        hint = "check the URL, or save the page from a browser and pass the file"
    message = f"the server answered {status} for {url}{retried}"
    return FetchError(message, hint, status=response.status_code)


def _fetch_error(url: str, error: Exception, options: LoadOptions) -> FetchError:
    import httpx

    url = _shown(url)
    host = httpx.URL(url).host if _SCHEME.match(url) else url
    text = str(error)
    if isinstance(error, httpx.TooManyRedirects):
        return FetchError(
            f"{url} redirected more than {options.max_redirects} times",
            "the site may be in a redirect loop; open it in a browser, or save the page",
        )
    if isinstance(error, httpx.ConnectTimeout):
        return FetchError(
            f"connecting to {host} timed out after {options.connect_timeout:g} s",
            "check your network, or raise --connect-timeout",
        )
    if isinstance(error, httpx.TimeoutException):
        return FetchError(
            f"{host} stopped sending for more than {options.read_timeout:g} s",
            "try again later, or raise --timeout",
        )
    if isinstance(error, httpx.ConnectError):
        lowered = text.lower()
        if "refused" in lowered:
            return FetchError(
                f"{host} refused the connection", "check the URL and port, or try again later"
            )
        if any(s in lowered for s in ("name or service", "nodename", "name resolution", "getaddr")):
            return FetchError(
                f"could not find the server {host} (DNS lookup failed)",
                "check the spelling of the address and your network connection",
            )
        return FetchError(f"could not connect to {host}: {text}", "check the URL and your network")
    if isinstance(error, httpx.UnsupportedProtocol):
        return FetchError(
            f"{url} led to an address storydiff cannot fetch ({text})",
            "save the page from a browser and pass the file",
        )
    if isinstance(error, httpx.RemoteProtocolError) and "complete message body" in text:
        # h11's "peer closed connection without sending complete message body (received
        # 731 bytes, expected 1463)": said the way a reader of the track line needs it.
        got = re.search(r"received (\d+) bytes, expected (\d+)", text)
        part = f" ({got.group(1)} of {got.group(2)} bytes)" if got else ""
        return FetchError(
            f"{host} closed the connection before the page was complete{part}",
            "try again later: half a page is not read as the article",
        )
    if isinstance(error, httpx.DecodingError):
        return FetchError(
            f"{host} sent a body that could not be decoded ({text})",
            "try again later, or save the page from a browser and pass the file",
        )
    return FetchError(
        f"fetching {url} failed: {text or type(error).__name__}",
        "try again later, or save the page from a browser and pass the file",
    )


def _overdue_error(url: str, options: LoadOptions) -> FetchError:
    import httpx

    host = httpx.URL(url).host or _shown(url)
    limit = DEADLINE_TIMEOUTS * options.read_timeout
    return FetchError(
        f"{host} had not sent the whole page after {limit:g} s, the longest a fetch may "
        f"take ({DEADLINE_TIMEOUTS} times --timeout {options.read_timeout:g}): it sends too "
        "slowly",
        "try again later, or raise --timeout to give a slow server more time",
    )


def _duration(seconds: float) -> str:
    """``2 h 5 min``, ``10 min``, ``45 s``: a wait as a person reads it."""
    minutes = math.ceil(seconds / 60)
    if seconds < 60:
        return f"{math.ceil(seconds)} s"
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min" if minutes else f"{hours} h"


def _too_large(url: str, options: LoadOptions) -> FetchError:
    url = _shown(url)
    return FetchError(
        f"{url} is larger than {_size(options.max_bytes)}",
        "raise --max-bytes if the page really is that big",
    )


def _size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:g} MB"
    if n >= 1_000:
        return f"{n / 1_000:g} kB"
    return f"{n} byte" if n == 1 else f"{n} bytes"


def _timestamp(clock: Clock) -> str:
    from datetime import timezone

    return clock().astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
