"""What a student sees: the course's style, charts, HTML rendering and widgets."""
