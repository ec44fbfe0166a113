"""Reference solutions, one module per assignment. Never shipped to students."""
