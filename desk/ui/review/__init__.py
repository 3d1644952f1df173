"""For review: the supervisors' list of submitted posts and the four-eyes decisions."""
