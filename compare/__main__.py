"""``python -m compare`` runs the storydiff command."""

from compare.cli import main

main()
