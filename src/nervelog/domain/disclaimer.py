"""The one disclaimer shown on every screen, report page and help text."""

DISCLAIMER = "Personal observations recorded by the patient. Not a diagnosis or medical advice."
