"""The exercises: the question bank, the checks, answer matching, the index and the exercise generator."""
