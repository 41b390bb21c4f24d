"""Workspaces, users, teams, roles, tokens."""
