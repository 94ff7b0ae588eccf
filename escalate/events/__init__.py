"""Event stage: actors, triggers, roles, modality, merging into events."""
