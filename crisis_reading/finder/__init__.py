"""The quote finder: blocks from plain text, quotation marks, sentences, speakers and attribution, and its
scoring against a hand annotation. Plain standard library and pandas; independent of analysis/."""
