"""Allow ``python -m infoblad_cli``."""

from .cli import main

main()
