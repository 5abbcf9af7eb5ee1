"""What the lessons compute from an article: tables and numbers, never a chart or HTML (those are views/)."""
