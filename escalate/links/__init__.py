"""Linking events into cause/effect chains: cues, rules and the linker."""
