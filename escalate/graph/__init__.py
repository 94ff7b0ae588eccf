"""Graph stage: events as intervals in a simple temporal network."""
