"""Views of the evaluations app, one module per concept: parse, ask the rules, call a service or selector, render."""
