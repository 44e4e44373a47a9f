import subprocess
import sys

import pytest
from typer.testing import CliRunner

from compare.cli import app


def test_help_lists_extract() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "extract" in result.output


def test_version_and_help_import_no_model() -> None:
    # The model's dataclasses cost a sixth of `storydiff --version`: only commands that
    # compare or load import them.
    code = (
        "import sys\n"
        "from compare.cli import main\n"
        "for args in (['--version'], ['--help']):\n"
        "    sys.argv = ['storydiff', *args]\n"
        "    try:\n"
        "        main()\n"
        "    except SystemExit as end:\n"
        "        assert end.code == 0, end.code\n"
        "assert 'compare.model' not in sys.modules\n"
        "assert 'dataclasses' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


def test_the_package_serves_the_model_names() -> None:
    import compare
    from compare import model

    for name in compare._MODEL:
        assert getattr(compare, name) is getattr(model, name)
        assert name in compare.__all__
    with pytest.raises(AttributeError):
        compare.NoSuchName  # noqa: B018


def test_main_leaves_what_the_imports_made_to_reference_counting() -> None:
    # Frozen, the objects the imports made are not walked by each full collection and the one
    # at exit: a tenth of `storydiff --version`.
    code = (
        "import gc, sys\n"
        "from compare.cli import main\n"
        "assert gc.get_freeze_count() == 0\n"
        "sys.argv = ['storydiff', '--version']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as end:\n"
        "    assert end.code == 0, end.code\n"
        "assert gc.get_freeze_count() > 10_000, gc.get_freeze_count()\n"
        "assert gc.isenabled()\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


@pytest.mark.parametrize("entry", ["python -m compare", "the storydiff script"])
def test_the_command_line_loads_with_the_collector_paused(entry: str) -> None:
    # typer, click and the CLI load with the collector paused and are frozen before the
    # command runs: no collection walks their objects while they load.
    if entry == "python -m compare":
        run = "runpy.run_module('compare', run_name='__main__')"
    else:
        import re
        from pathlib import Path

        pyproject = (Path(__file__).parents[1] / "pyproject.toml").read_text()  # no tomllib in 3.10
        script = re.search(r'^storydiff = "([\w.]+):(\w+)"$', pyproject, re.MULTILINE)
        assert script is not None
        module, name = script.groups()
        run = f"importlib.import_module({module!r}).{name}()"
    code = (
        "import gc, importlib, runpy, sys\n"
        "walks = []\n"
        "def walked(phase, info):\n"
        "    if phase == 'start' and 'typer' in sys.modules and not gc.get_freeze_count():\n"
        "        walks.append(info['generation'])\n"
        "gc.callbacks.append(walked)\n"
        "sys.argv = ['storydiff', '--version']\n"
        "try:\n"
        f"    {run}\n"
        "except SystemExit as end:\n"
        "    assert end.code == 0, end.code\n"
        "assert walks == [], walks\n"
        "assert gc.isenabled()\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
