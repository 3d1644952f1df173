"""Rules of the desk in plain Python: no Qt, no network, no SQL."""
