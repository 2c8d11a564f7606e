"""Certificates and notices: Jinja templates in templates/, rendered to HTML and PDF with their clause citations and run manifest."""
