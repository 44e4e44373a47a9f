from typer.testing import CliRunner

from compare.cli import app


def test_help_lists_extract() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "extract" in result.output
