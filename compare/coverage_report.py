"""``storydiff compare A B C ...``: load several sources, group their claims, render.

The CLI builds one :class:`CoverageRequest`, calls :func:`run_coverage` and writes what it
returns; this module never prints. URLs are fetched concurrently (see
:func:`compare.multi.load_available`) with a progress bar on stderr when it is a terminal.
A source that fails to load is left out while two or more load: the report names it in its
warnings, and whoever listens (:func:`hearing_of_left_out`: the CLI) hears of it as soon as
the loads end.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from compare.errors import InputError
from compare.model import CompareOptions, LoadOptions
from compare.multi import Coverage, CoverageOptions, LeftOut
from compare.render import GITHUB_LIMIT


@dataclass(frozen=True)
class CoverageRequest:
    """What the user asked for."""

    sources: tuple[str, ...]
    """Input specs in order: paths, URLs, ``-``."""
    labels: tuple[str, ...] = ()
    """``--label`` values: ``NAME`` (one per source, in order) or ``NAME=SOURCE``."""
    force: bool = False
    """Keep inputs that look like another story."""
    format: str = "text"
    """``text``, ``json``, ``md`` or ``html``."""
    output: Path | None = None
    """The report file; ``None`` for stdout. HTML pair views go next to it."""
    generated_at: str = ""
    """When the report is made (ISO 8601, UTC); the renderers never read the clock."""
    load: LoadOptions = field(default_factory=LoadOptions)
    """How sources are read and fetched."""
    width: int = 100
    """Columns for the text view."""
    template_dir: Path | None = None
    """Templates and static files that override the packaged ones (HTML)."""
    md_limit: int | None = GITHUB_LIMIT
    """The most characters of a Markdown report (GitHub's limit for a comment); None: any."""
    compare: CompareOptions = field(default_factory=CompareOptions)
    """How the side-by-side reports of two outlets compare them (``--threshold``,
    ``--no-moves``, ``--context``)."""


@dataclass(frozen=True)
class CoverageResult:
    """What to write."""

    report: str
    """The main report."""
    files: tuple[tuple[Path, str], ...]
    """Further files to write (pairwise HTML views), as (path, text)."""
    changed: bool
    """The outlets differ: some claim is not carried by all, or a fact is disputed."""
    coverage: Coverage
    """The coverage itself."""
    left_out: tuple[LeftOut, ...] = ()
    """Sources that could not be loaded and were left out, in input order."""


def parse_labels(labels: Sequence[str], sources: Sequence[str]) -> tuple[str | None, ...]:
    """One optional outlet name per source from ``--label`` values: ``NAME=SOURCE`` names
    that source, a bare ``NAME`` names the next source not yet named, in order."""
    named: list[str | None] = [None] * len(sources)
    positional: list[str] = []
    for value in labels:
        name, sep, spec = value.partition("=")
        at = _source_index(spec, sources) if sep else None
        if at is not None:
            named[at] = name.strip() or None
        elif sep and _names_a_source(spec):
            # "Herald=./herald.html" for the source "herald.html" was taken for a bare
            # name and given to the first outlet not yet named.
            raise InputError(
                f"--label {value} names no source given ({spec!r})",
                "write SOURCE as it is given on the command line, or give the label "
                "without it, in order",
            )
        else:
            positional.append(value.strip())
    free = [i for i, n in enumerate(named) if n is None]
    if len(positional) > len(free):
        raise InputError(
            f"{len(labels)} labels for {len(sources)} sources",
            "give at most one --label per source, or name them as --label NAME=SOURCE",
        )
    for i, name in zip(free, positional, strict=False):
        named[i] = name or None
    return tuple(named)


def _source_index(spec: str, sources: Sequence[str]) -> int | None:
    """Which of ``sources`` ``spec`` names: as given, or the same local file written
    another way ("./herald.html", an absolute path)."""
    if spec in sources:
        return sources.index(spec)
    if "://" in spec or not spec or spec == "-":
        return None
    import os

    def same(a: str, b: str) -> bool:
        try:
            return os.path.samefile(a, b)
        except (OSError, ValueError):
            return os.path.normpath(os.path.abspath(a)) == os.path.normpath(os.path.abspath(b))

    return next(
        (i for i, s in enumerate(sources) if "://" not in s and s != "-" and same(spec, s)),
        None,
    )


def _names_a_source(spec: str) -> bool:
    """Whether the part after "=" of a label is meant as a SOURCE: a URL or a path."""
    return "://" in spec or "/" in spec or spec.lower().endswith((".html", ".htm", ".txt", ".md"))


#: Who hears of the sources a run leaves out (``hearing_of_left_out``), as the loads end.
_listeners: list[Callable[[tuple[LeftOut, ...]], None]] = []


@contextmanager
def hearing_of_left_out(listener: Callable[[tuple[LeftOut, ...]], None]) -> Iterator[None]:
    """Within it, ``run_coverage`` tells ``listener`` which sources it leaves out (when it
    leaves out any) as soon as the loads end, before comparing and rendering the others:
    the CLI warns of each on stderr then, and ends with the first one's exit code once the
    report is written (the command that writes it is not this module's)."""
    _listeners.append(listener)
    try:
        yield
    finally:
        _listeners.remove(listener)


@contextmanager
def _progress(sources: Sequence[str]) -> Iterator[Callable[[str], None] | None]:
    """A progress bar on stderr while URLs load, when stderr is a terminal."""
    urls = [s for s in sources if s.startswith(("http://", "https://"))]
    if not urls or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(
        TextColumn("loading"),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("loading", total=len(sources))
        yield lambda spec: bar.advance(task)


def run_coverage(request: CoverageRequest) -> CoverageResult:
    """Load the sources, compare them claim by claim and render the report."""
    from dataclasses import replace

    from compare.multi import compare_many, load_available

    if len(request.sources) < 2:
        raise InputError("compare needs at least two sources", "give two or more sources")
    labels = parse_labels(request.labels, request.sources)
    with _progress(request.sources) as progress:
        # One page moved (a 404, no article) should not cost the analyst the other five:
        # with two or more loaded, the comparison is of those.
        loaded, left_out = load_available(request.sources, request.load, progress=progress)
    if left_out:
        for listener in list(_listeners):
            listener(left_out)
    documents = [document for _, document in loaded]
    kept_labels = tuple(labels[i] for i, _ in loaded)
    coverage = compare_many(documents, CoverageOptions(force=request.force, labels=kept_labels))
    if left_out:
        coverage = replace(
            coverage,
            left_out=left_out,
            warnings=(*(one.warning for one in left_out), *coverage.warnings),
        )
    files: list[tuple[Path, str]] = []
    if request.format == "json":
        from compare.render.coverage_json import coverage as render_json

        report = render_json(coverage, request.generated_at or None)
    elif request.format == "md":
        from compare.render.coverage_text import coverage_markdown

        report = coverage_markdown(coverage, limit=request.md_limit)
    elif request.format == "html":
        from os import fsencode
        from urllib.parse import quote as quote_text

        def quote(name: str) -> str:
            # The name's bytes, as the file system has them: a name not in UTF-8
            # (-o caf$'\xe9'.html) could not be encoded as one, and the link found no file.
            return quote_text(fsencode(name))

        from compare.render.coverage_html import pair_name, pair_reports, render_coverage

        output = request.output
        href = None
        if output is not None:
            stem = output.stem

            def href(a: int, b: int) -> str:
                # A relative link: a "#" or "?" in the report's own name must stay literal.
                return quote(pair_name(stem, coverage, a, b))

            pairs = pair_reports(
                coverage,
                stem=stem,
                generated_at=request.generated_at,
                template_dir=request.template_dir,
                options=request.compare,
                back_href=quote(output.name),  # written beside it
            )
            files = [(output.parent / name, html) for name, html in pairs.items()]
        report = render_coverage(
            coverage,
            generated_at=request.generated_at,
            template_dir=request.template_dir,
            pair_href=href,
        )
    else:
        from compare.render.coverage_text import coverage_text

        report = coverage_text(coverage, request.width)
    return CoverageResult(
        report.rstrip("\n"), tuple(files), coverage.changed, coverage, coverage.left_out
    )
