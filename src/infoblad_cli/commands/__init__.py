# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The commands, one module per family, each command a thin function.

A command function declares its options (Typer reads its signature), makes an
``options.Options`` and hands over to the core and the views; what it must decide
itself lives in small functions beside it. ``cli.py`` registers the commands on the
app. Heavy modules are imported inside the functions that need them, so that a
reading command starts fast: importing this package costs next to nothing.
"""
