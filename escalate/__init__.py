"""escalate: conflict news -> events on a temporal graph -> cited tit-for-tat escalation chains."""

__version__ = "0.1.0"
