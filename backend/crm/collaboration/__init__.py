"""Collaboration (团队协作): notifications to users; comments and mentions come here too."""
