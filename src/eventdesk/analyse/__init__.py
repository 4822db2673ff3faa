"""Analysis: the spaCy pipeline over normalised text, date resolution, numbers and vague amounts."""
