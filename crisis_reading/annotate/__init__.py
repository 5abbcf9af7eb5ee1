"""Reviewing the finder's proposals: the annotation model, its widget, the student's work folder and the scaffold."""
