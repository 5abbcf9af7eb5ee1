"""The exercise questions, one module per lesson (lesson_01 … ), each with a QUESTIONS list."""
