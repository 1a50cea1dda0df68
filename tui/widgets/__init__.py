"""Widgets that draw core's results; none of them parses article text."""
