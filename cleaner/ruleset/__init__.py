"""Rule files: schema and loading (loader), matching and actions (engine)."""
from .engine import apply_rules
from .loader import RuleSet, bundled_rules_dir, load_rules

__all__ = ["RuleSet", "apply_rules", "bundled_rules_dir", "load_rules"]
