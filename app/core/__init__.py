"""Qt-free rules: navigation, modes, idle and attract policy."""
