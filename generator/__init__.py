"""Official documents (Decree 30/2020) generated from a plan's structured content."""

__version__ = "0.1.0"
