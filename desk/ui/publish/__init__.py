"""Approved and scheduled: publish now, schedule, pause, and the posts that need attention."""
