"""The patient screens: slides, topics, references, contact, front desk."""
