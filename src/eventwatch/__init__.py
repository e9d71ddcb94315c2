"""eventwatch: conflict events from news, with who says so, how sure they are, and who confirms or denies it."""

__version__ = "0.1.0"
__all__ = ["__version__"]
