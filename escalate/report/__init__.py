"""Reporters: render a finished analysis as text (rich), Markdown, JSON or graph files."""
