"""Standalone HTML export: the whole interface and one analysis in one self-contained file."""

from .html import DEFAULT_MAX_SIZE, ExportResult, ExportTooLarge, export_html

__all__ = ["DEFAULT_MAX_SIZE", "ExportResult", "ExportTooLarge", "export_html"]
