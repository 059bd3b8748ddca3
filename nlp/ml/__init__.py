"""thinc architectures and the candidate generation they consume."""
