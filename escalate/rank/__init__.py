"""Rank stage: chains are maximal paths in the link DAG, scored and ordered."""
