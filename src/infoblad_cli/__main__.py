# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""Allow ``python -m infoblad_cli``."""

from .cli import main

main()
