"""What leaves the app on paper or disk: PNG screens and the PDF handout."""
