"""The block classifier: features, a context-free pass, a neighbour pass, the main region."""
from .passes import classify

__all__ = ["classify"]
