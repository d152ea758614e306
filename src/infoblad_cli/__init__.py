# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""infoblad: the ESS infoblad on polarisation between citizens and government, in the terminal.

The version lives in the package metadata only (see ``infoblad --version``).
"""
