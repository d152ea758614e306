"""infoblad: the ESS infoblad on polarisation between citizens and government, in the terminal.

The version lives in the package metadata only (see ``infoblad --version``).
"""
