"""Settings (administrators): the institution, the X account, the desk's rules."""
