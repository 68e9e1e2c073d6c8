"""Review dates: when guidance pages and organisations were last checked, and what is due."""
