"""Staff (administrators): add, roles, passwords, deactivation with handover."""
