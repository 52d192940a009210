"""Helpers for the South Korea-NATO policy brief: data, text, charts, sections, build and CLI."""
