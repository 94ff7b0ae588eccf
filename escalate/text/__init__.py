"""Text stage: reading corpora, cutting boilerplate, splitting sentences."""
